import type { Item } from '@procurelink/canonical-schemas';

/** What a receipt of an item must record, from the item master (e.g. implants need serial and UDI). */
export interface ItemTracking {
  readonly lotRequired: boolean;
  readonly expiryRequired: boolean;
  readonly serialRequired: boolean;
  readonly udiRequired: boolean;
}

export const UNTRACKED: ItemTracking = { lotRequired: false, expiryRequired: false, serialRequired: false, udiRequired: false };

/** The tracking flags of the item a PO line orders; the caller reads them from the item master. */
export type ItemTrackingLookup = (item: Item) => ItemTracking;
