/** The document types the system APIs accept; each has a submit and a read scope. */
export const DOCUMENT_TYPES = ['suppliers', 'purchase-orders', 'goods-receipts', 'invoices', 'payments'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The operations service's scopes: read its views, replay dead letters, run a reconciliation. */
export const OPS_SCOPES = ['ops:read', 'ops:replay', 'ops:reconcile'] as const;

/** Scopes beyond submit/read. */
export const EXTRA_SCOPES = ['suppliers:confirm-bank-details', ...OPS_SCOPES] as const;

export const submitScope = (document: string): string => `${document}:submit`;
export const readScope = (document: string): string => `${document}:read`;

/** Every scope a credential may carry; configuration naming any other scope is refused. */
export const ALL_SCOPES: readonly string[] = [
  ...DOCUMENT_TYPES.flatMap((document) => [submitScope(document), readScope(document)]),
  ...EXTRA_SCOPES,
];

export const isKnownScope = (scope: string): boolean => ALL_SCOPES.includes(scope);

/** The required scopes the principal lacks (empty when it has them all). */
export function missingScopes(required: readonly string[], granted: ReadonlySet<string>): string[] {
  return required.filter((scope) => !granted.has(scope));
}
