import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import type { RecordDecoder } from '@procurelink/messaging';
import { ApiProblem, InvalidRequest, RequireScopes } from '@procurelink/system-api';
import type { Pool } from 'pg';
import { OPS_DB } from '../../db';
import { OPS_AVRO_DECODER } from '../../ops.tokens';
import { readDeadLetterValue } from '../../projection/infra/read-value';
import { parseDeadLetterFilter } from '../domain/dead-letter-filter';
import { deadLetterDetail, type DeadLetterDetail } from '../domain/dead-letter-detail';
import { findDeadLetter, listDeadLetters, type DeadLetterSummary } from '../infra/dead-letter-queries';

@Controller('v1/dead-letters')
export class DeadLettersController {
  constructor(
    @Inject(OPS_DB) private readonly db: Pool,
    @Inject(OPS_AVRO_DECODER) private readonly avro: RecordDecoder,
  ) {}

  @Get()
  @RequireScopes('ops:read')
  list(@Query() query: Record<string, unknown>): Promise<{ items: DeadLetterSummary[]; nextAfter: string | null }> {
    const parsed = parseDeadLetterFilter(query);
    if (!parsed.ok) throw new InvalidRequest(parsed.problems);
    return listDeadLetters(this.db, parsed.filter);
  }

  @Get(':id')
  @RequireScopes('ops:read')
  async show(@Param('id') id: string): Promise<DeadLetterDetail> {
    const record = await findDeadLetter(this.db, id);
    if (record === undefined) throw new ApiProblem(404, 'not-found', 'Not found', 'ops has recorded no dead letter with this id.');
    return deadLetterDetail(record, await readDeadLetterValue(record.value, this.avro));
  }
}
