import type { ApiRouteDoc } from '@procurelink/system-api';

/** The SLA routes, for the OpenAPI document. */
export const SLA_ROUTES: readonly ApiRouteDoc[] = [
  {
    method: 'get',
    path: '/v1/sla/breaches',
    summary: 'SLA breaches (late and still open) in a window (default the last 7 days), with counts per SLA; SLAs come from OPS_SLAS',
    scopes: ['ops:read'],
    responses: { '200': { description: 'Counts per SLA and the breaching documents' } },
  },
];
