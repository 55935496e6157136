import type { Address, BankAccountRef, PaymentTerms, TaxIdRef } from '@procurelink/canonical-schemas';
import type { SupplierContact } from './parsed-supplier-record';
import { SOURCE_STATUSES, type SourceStatus, type SourceSystem } from './source-system';
import type { SystemState } from './supplier-master';
import type { SupplierSnapshot } from './supplier-snapshot';

/** The supplier after survivorship, before the payment hold is applied; references only. */
export interface MergedSupplier {
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly taxId: TaxIdRef | null;
  readonly dunsNumber: string | null;
  readonly status: SourceStatus;
  readonly orderingAddresses: readonly Address[];
  readonly remitTo: Address | null;
  readonly paymentTerms: PaymentTerms | null;
  readonly bankAccount: BankAccountRef | null;
  readonly contact: SupplierContact;
}

/** The system whose value wins for each finance or purchasing field, when it has one. */
export const FIELD_OWNERS = {
  legalName: 'erp',
  taxId: 'erp',
  remitTo: 'erp',
  paymentTerms: 'erp',
  bankAccount: 'erp',
  dunsNumber: 'purchasing',
  orderingAddresses: 'purchasing',
} as const satisfies Record<string, SourceSystem>;

type Records = Readonly<Partial<Record<SourceSystem, SupplierSnapshot>>>;

function owned<K extends keyof typeof FIELD_OWNERS>(records: Records, field: K): SupplierSnapshot[K] | null {
  const owner = FIELD_OWNERS[field];
  const other: SourceSystem = owner === 'erp' ? 'purchasing' : 'erp';
  const preferred = records[owner]?.[field] ?? null;
  return preferred ?? records[other]?.[field] ?? null;
}

/** Most recent first; on a tie the ERP (system of record for finance) comes first. */
function byRecency(records: Records): SupplierSnapshot[] {
  return [records.erp, records.purchasing]
    .filter((record): record is SupplierSnapshot => record !== undefined)
    .sort((a, b) => b.changedAt.getTime() - a.changedAt.getTime());
}

function mostRecent<T>(records: Records, pick: (record: SupplierSnapshot) => T | null): T | null {
  for (const record of byRecency(records)) {
    const value = pick(record);
    if (value !== null) return value;
  }
  return null;
}

function mostRestrictive(statuses: readonly SourceStatus[]): SourceStatus {
  return statuses.reduce<SourceStatus>(
    (worst, status) => (SOURCE_STATUSES.indexOf(status) > SOURCE_STATUSES.indexOf(worst) ? status : worst),
    'ACTIVE',
  );
}

/**
 * The status survivorship: the most restrictive (BLOCKED > INACTIVE > ACTIVE) of the statuses the
 * systems stated themselves; a status that only echoes one Procurelink pushed does not vote, so a
 * reactivation in one system is not outvoted by the copy we pushed to the other.
 */
function mergedStatus(systems: Readonly<Record<SourceSystem, SystemState>>): SourceStatus {
  const states = [systems.erp, systems.purchasing].filter((state) => state.lastRecord !== null);
  const voting = states.filter((state) => !state.statusEchoed);
  return mostRestrictive((voting.length > 0 ? voting : states).map((state) => state.lastRecord?.status ?? 'ACTIVE'));
}

/** Merges the systems' last records by the survivorship rules in README.md. At least one record must exist. */
export function mergeSupplier(systems: Readonly<Record<SourceSystem, SystemState>>): MergedSupplier {
  const records: Records = {
    ...(systems.erp.lastRecord === null ? {} : { erp: systems.erp.lastRecord }),
    ...(systems.purchasing.lastRecord === null ? {} : { purchasing: systems.purchasing.lastRecord }),
  };
  const anyRecord = records.erp ?? records.purchasing;
  if (anyRecord === undefined) throw new Error('mergeSupplier needs at least one system record');
  return {
    legalName: owned(records, 'legalName') ?? anyRecord.legalName,
    tradingName: mostRecent(records, (record) => record.tradingName),
    taxId: owned(records, 'taxId'),
    dunsNumber: owned(records, 'dunsNumber'),
    status: mergedStatus(systems),
    orderingAddresses: owned(records, 'orderingAddresses') ?? anyRecord.orderingAddresses,
    remitTo: owned(records, 'remitTo'),
    paymentTerms: owned(records, 'paymentTerms'),
    bankAccount: owned(records, 'bankAccount'),
    contact: {
      name: mostRecent(records, (record) => record.contact.name),
      email: mostRecent(records, (record) => record.contact.email),
      phone: mostRecent(records, (record) => record.contact.phone),
    },
  };
}
