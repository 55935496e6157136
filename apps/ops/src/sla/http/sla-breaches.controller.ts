import { Controller, Get, Query } from '@nestjs/common';
import { InvalidRequest, RequireScopes } from '@procurelink/system-api';
import { SlaService, type SlaBreachQuery, type SlaBreachReport } from '../sla.service';

const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 93 * DAY_MS;
const FILTERS = ['sla', 'facilityId', 'from', 'to', 'limit'];

/** GET /v1/sla/breaches?sla=&facilityId=&from=&to=&limit= (scope ops:read): breaches and counts per SLA. */
@Controller('v1/sla')
export class SlaBreachesController {
  constructor(private readonly sla: SlaService) {}

  @Get('breaches')
  @RequireScopes('ops:read')
  breaches(@Query() query: Record<string, unknown>): Promise<SlaBreachReport> {
    return this.sla.breaches(parseQuery(query, this.sla.now(), this.sla.definitions().map((d) => d.id)));
  }
}

function parseQuery(query: Record<string, unknown>, now: Date, slaIds: readonly string[]): SlaBreachQuery {
  const problems: Array<{ path: string; code: string; message: string }> = [];
  for (const name of Object.keys(query)) {
    if (!FILTERS.includes(name)) problems.push({ path: `query.${name}`, code: 'UNKNOWN_FIELD', message: 'is not a filter of this list' });
  }
  const text = (name: string): string | null => {
    const value = query[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') {
      problems.push({ path: `query.${name}`, code: 'WRONG_TYPE', message: 'must be given once' });
      return null;
    }
    return value;
  };
  const instant = (name: string, fallback: Date): Date => {
    const value = text(name);
    if (value === null) return fallback;
    const parsed = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}(T.+)?$/.test(value) || Number.isNaN(parsed.getTime())) problems.push({ path: `query.${name}`, code: 'MALFORMED', message: 'must be an ISO 8601 day or instant' });
    return parsed;
  };
  const to = instant('to', now);
  const from = instant('from', new Date(to.getTime() - 7 * DAY_MS));
  if (from.getTime() >= to.getTime()) problems.push({ path: 'query.from', code: 'OUT_OF_RANGE', message: 'must be before to' });
  else if (to.getTime() - from.getTime() > MAX_WINDOW_MS) problems.push({ path: 'query.from', code: 'OUT_OF_RANGE', message: 'the window may span at most 93 days' });
  const slaId = text('sla');
  if (slaId !== null && !slaIds.includes(slaId)) problems.push({ path: 'query.sla', code: 'UNKNOWN_CODE', message: `must be one of ${slaIds.join(', ')}` });
  const limitText = text('limit');
  const limit = limitText === null ? 500 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 5000) problems.push({ path: 'query.limit', code: 'OUT_OF_RANGE', message: 'must be a whole number from 1 to 5000' });
  if (problems.length > 0) throw new InvalidRequest(problems);
  return { from, to, slaId, facilityId: text('facilityId'), limit };
}
