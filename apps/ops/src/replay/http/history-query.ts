import { InvalidRequest } from '@procurelink/system-api';

const positiveInt = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !/^[1-9]\d{0,15}$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** GET /v1/replays?limit=1..200 (default 50)&before=<audit id> — newest first. */
export function parseHistoryQuery(query: Record<string, unknown>): { limit: number; beforeId?: number } {
  const limit = query['limit'] === undefined ? 50 : positiveInt(query['limit']);
  const before = query['before'] === undefined ? undefined : positiveInt(query['before']);
  const problems = [
    ...(limit === undefined || limit > 200 ? [{ path: 'limit', code: 'INVALID_VALUE' as const, message: 'must be a whole number from 1 to 200' }] : []),
    ...(query['before'] !== undefined && before === undefined ? [{ path: 'before', code: 'INVALID_VALUE' as const, message: 'must be a replay id' }] : []),
  ];
  if (problems.length > 0) throw new InvalidRequest(problems);
  return before === undefined ? { limit: limit as number } : { limit: limit as number, beforeId: before };
}

export function parseReplayId(id: string): number {
  const parsed = positiveInt(id);
  if (parsed === undefined) throw new InvalidRequest([{ path: 'id', code: 'INVALID_VALUE', message: 'must be a replay id' }]);
  return parsed;
}
