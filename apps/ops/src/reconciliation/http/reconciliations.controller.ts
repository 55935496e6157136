import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiProblem, CurrentPrincipal, InvalidRequest, RequireScopes, type Principal } from '@procurelink/system-api';
import { isUtcDay, parseReconciliationRequest } from '../domain';
import type { ReconciliationRunDetail, ReconciliationRunView } from '../ports/reconciliation-ports';
import { ReconciliationService } from '../reconciliation.service';
import { ReconciliationQueries } from '../reconciliation.queries';

/** POST runs a reconciliation now (scope ops:reconcile); GET reads the history (scope ops:read). */
@Controller('v1/reconciliations')
export class ReconciliationsController {
  constructor(
    private readonly reconciliation: ReconciliationService,
    private readonly queries: ReconciliationQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireScopes('ops:reconcile')
  run(@Body() body: unknown, @CurrentPrincipal() who: Principal): Promise<ReconciliationRunDetail> {
    const today = this.reconciliation.today();
    const parsed = parseReconciliationRequest(body, today);
    if (!parsed.ok) throw new InvalidRequest(parsed.problems);
    return this.reconciliation.run({ day: parsed.value.day ?? today, facilityId: parsed.value.facilityId }, 'API', who.client);
  }

  @Get()
  @RequireScopes('ops:read')
  list(@Query() query: Record<string, unknown>): Promise<{ runs: ReconciliationRunView[]; next: string | null }> {
    return this.queries.list(listQuery(query));
  }

  @Get(':id')
  @RequireScopes('ops:read')
  async one(@Param('id') id: string): Promise<ReconciliationRunDetail> {
    const run = await this.queries.get(id);
    if (run === null) throw new ApiProblem(404, 'not-found', 'Not found', 'No reconciliation run has this id.');
    return run;
  }
}

function listQuery(query: Record<string, unknown>): { day?: string; facilityId?: string; before?: string; limit: number } {
  const problems: Array<{ path: string; code: string; message: string }> = [];
  const text = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') problems.push({ path: `query.${name}`, code: 'WRONG_TYPE', message: 'must be given once' });
    return typeof value === 'string' ? value : undefined;
  };
  for (const name of Object.keys(query)) {
    if (!['day', 'facilityId', 'before', 'limit'].includes(name)) problems.push({ path: `query.${name}`, code: 'UNKNOWN_FIELD', message: 'is not a filter of this list' });
  }
  const day = text('day');
  if (day !== undefined && !isUtcDay(day)) problems.push({ path: 'query.day', code: 'MALFORMED', message: 'must be YYYY-MM-DD' });
  const before = text('before');
  if (before !== undefined && !/^\d{1,18}$/.test(before)) problems.push({ path: 'query.before', code: 'MALFORMED', message: 'must be a run id' });
  const limitText = text('limit');
  const limit = limitText === undefined ? 50 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) problems.push({ path: 'query.limit', code: 'OUT_OF_RANGE', message: 'must be a whole number from 1 to 500' });
  if (problems.length > 0) throw new InvalidRequest(problems);
  const facilityId = text('facilityId');
  return { limit, ...(day ? { day } : {}), ...(facilityId ? { facilityId } : {}), ...(before ? { before } : {}) };
}
