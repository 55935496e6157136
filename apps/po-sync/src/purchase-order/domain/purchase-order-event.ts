import type { PurchaseOrderApproved, PurchaseOrderChanged } from '@procurelink/canonical-schemas';

/** A purchase order revision to encumber, tagged by its (never-changing) event type. */
export type PurchaseOrderRevisionEvent =
  | { readonly eventType: 'PurchaseOrderApproved'; readonly value: PurchaseOrderApproved }
  | { readonly eventType: 'PurchaseOrderChanged'; readonly value: PurchaseOrderChanged };

/** The fields validation and encumbrance read; Approved and Changed both carry them. */
export type PurchaseOrderRevision = PurchaseOrderApproved | PurchaseOrderChanged;
