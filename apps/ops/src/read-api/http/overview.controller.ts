import { Controller, Get, Inject } from '@nestjs/common';
import { RequireScopes } from '@procurelink/system-api';
import type { Pool } from 'pg';
import type { OpsConfig } from '../../config/ops-config';
import { OPS_DB } from '../../db';
import { OPS_CONFIG } from '../../ops.tokens';
import { readOverview, type OverviewView } from '../infra/overview-query';

@Controller('v1/overview')
export class OverviewController {
  constructor(
    @Inject(OPS_DB) private readonly db: Pool,
    @Inject(OPS_CONFIG) private readonly config: OpsConfig,
  ) {}

  @Get()
  @RequireScopes('ops:read')
  overview(): Promise<OverviewView> {
    return readOverview(this.db, { unmatchedReceiptHours: this.config.unmatchedReceiptHours });
  }
}
