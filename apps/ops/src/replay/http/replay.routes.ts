import type { ApiRouteDoc, JsonSchema } from '@procurelink/system-api';
import { DEAD_LETTER_STATUSES } from '../domain/dead-letter';
import { MAX_REPLAY_SELECTION } from '../domain/replay-request';
import { VERDICTS } from '../domain/verdict';

const TEXT: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const INSTANT: JsonSchema = { type: 'string', format: 'date-time' };

const FILTER: JsonSchema = {
  type: 'object',
  description: 'The dead-letter list filters; status defaults to OPEN.',
  additionalProperties: false,
  properties: {
    service: TEXT,
    errorCode: TEXT,
    from: { ...INSTANT, description: 'Last failure at or after.' },
    to: { ...INSTANT, description: 'Last failure before.' },
    supplierId: TEXT,
    facilityId: TEXT,
    businessKey: TEXT,
    status: { enum: [...DEAD_LETTER_STATUSES] },
  },
};

export const REPLAY_REQUEST_SCHEMA: JsonSchema = {
  type: 'object',
  description: 'Exactly one of ids or filter. Run with dryRun=true first: it says what would happen and changes nothing but the audit.',
  required: ['dryRun'],
  additionalProperties: false,
  properties: {
    ids: { type: 'array', minItems: 1, maxItems: MAX_REPLAY_SELECTION, items: { type: 'integer', minimum: 1 } },
    filter: FILTER,
    dryRun: { type: 'boolean' },
    force: { type: 'boolean', description: 'Also send back WOULD_FAIL_AGAIN, ALREADY_REPLAYED and ALREADY_TOOK_EFFECT records (never CANNOT_REPLAY). Idempotency still holds.' },
  },
};

const COUNTS: JsonSchema = {
  type: 'object',
  required: ['selected', 'published', 'byVerdict'],
  properties: {
    selected: { type: 'integer' },
    published: { type: 'integer', description: 'Sent back and acknowledged (dry run: would be).' },
    byVerdict: { type: 'object', properties: Object.fromEntries(VERDICTS.map((v) => [v, { type: 'integer' }])) },
  },
};

const AUDIT_FIELDS = {
  requestedBy: { type: 'string' },
  requestedAt: INSTANT,
  finishedAt: INSTANT,
  dryRun: { type: 'boolean' },
  force: { type: 'boolean' },
  selection: { type: 'object', description: '{ ids } or { filter }' },
  counts: COUNTS,
  error: { type: 'string', description: 'Set when publishing failed part-way.' },
};

const ITEM: JsonSchema = {
  type: 'object',
  required: ['id', 'verdict', 'reason', 'publish'],
  properties: {
    id: { type: 'integer', description: 'The dead letter.' },
    verdict: { enum: [...VERDICTS] },
    reason: { type: 'string', description: 'What would happen, in words (e.g. "already took effect — would change nothing: invoice INV-1 is POSTED").' },
    publish: { type: 'boolean', description: 'Sent back by this run (dry run: would be).' },
  },
};

export const REPLAY_REPORT_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['auditId', 'dryRun', 'force', 'requestedBy', 'requestedAt', 'finishedAt', 'selection', 'counts', 'items'],
  properties: { auditId: { type: 'integer' }, ...AUDIT_FIELDS, items: { type: 'array', items: ITEM } },
};

const AUDIT_ENTRY: JsonSchema = {
  type: 'object',
  required: ['id', 'requestedBy', 'requestedAt', 'finishedAt', 'dryRun', 'force', 'selection', 'counts'],
  properties: { id: { type: 'integer' }, ...AUDIT_FIELDS, outcome: { type: 'array', items: ITEM, description: 'Only on GET /v1/replays/:id.' } },
};

export const REPLAY_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/dead-letters/replay',
    summary: 'Dry-run or replay dead letters (by ids or filter) to their original topics; every run is audited',
    scopes: ['ops:replay'],
    requestSchema: REPLAY_REQUEST_SCHEMA,
    idempotent: false,
    responses: {
      '200': { description: 'A verdict per dead letter; for a real replay, what was sent back (marked REPLAYED).', schema: REPLAY_REPORT_SCHEMA },
      '422': { description: `The filter selects more than ${MAX_REPLAY_SELECTION} dead letters.` },
      '503': { description: 'The idempotency store or database could not be read (nothing sent), or publishing failed part-way (the report is in `report`).' },
    },
  },
  {
    method: 'get',
    path: '/v1/replays',
    summary: 'The replay audit, newest first (?limit=1..200, ?before=<id>)',
    scopes: ['ops:read'],
    responses: { '200': { description: 'Who replayed what, when, with which outcome.', schema: { type: 'array', items: AUDIT_ENTRY } } },
  },
  {
    method: 'get',
    path: '/v1/replays/:id',
    summary: 'One replay or dry run, with the verdict on every dead letter',
    scopes: ['ops:read'],
    responses: { '200': { description: 'The audit row.', schema: AUDIT_ENTRY }, '404': { description: 'No replay with this id.' } },
  },
];
