import type { ApiRouteDoc } from '@procurelink/system-api';

/** The reconciliation routes, for the OpenAPI document. */
export const RECONCILIATION_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'post',
    path: '/v1/reconciliations',
    summary: 'Reconcile one UTC day (default today), optionally one facility: purchasing ↔ ERP encumbrances, AP ↔ ERP invoices, ERP ↔ purchasing payment statuses',
    scopes: ['ops:reconcile'],
    requestSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { day: { type: 'string', format: 'date' }, facilityId: { type: 'string', minLength: 1, maxLength: 80 } },
    },
    responses: { '201': { description: 'The run: totals per kind, facility and day, and every mismatched document' } },
    idempotent: false,
  },
  {
    method: 'get',
    path: '/v1/reconciliations',
    summary: 'Reconciliation history, newest first (filters day, facilityId; paged with before/limit)',
    scopes: ['ops:read'],
    responses: { '200': { description: 'Runs with their counts' } },
  },
  {
    method: 'get',
    path: '/v1/reconciliations/:id',
    summary: 'One reconciliation run with its totals and mismatched documents',
    scopes: ['ops:read'],
    responses: { '200': { description: 'The run' }, '404': { description: 'No such run' } },
  },
];
