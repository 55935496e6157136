import type { Address } from '@procurelink/canonical-schemas';
import { PURCHASING_ADDRESS_FIELDS, readAddress, readCountry } from './address-fields';
import { readBankDetails } from './bank-details';
import { readDuns, readEmail, readPaymentTerms, readPhone, readRecordId, readTaxId } from './common-fields';
import { isJsonObject, jsonTypeOf, ownField, readBoolean, readInstant, readList, readObject, readText, type JsonObject } from './json-fields';
import type { ParsedSupplierRecord, SupplierContact } from './parsed-supplier-record';
import { problem, type Parsed, type Problem } from './problem';

export type PurchasingAddressType = 'ORDERING' | 'REMIT_TO';

/** A supplier record as the purchasing platform sends it (JSON on its source topic or POSTed to the API). */
export interface PurchasingSupplierRecord {
  readonly supplierId: string;
  readonly legalName: string;
  readonly dbaName?: string | null;
  readonly taxId?: string | null;
  /** Country that issued taxId; defaults to the first ordering address's country. */
  readonly taxIdCountry?: string | null;
  readonly duns?: string | null;
  readonly addresses: readonly {
    readonly type: PurchasingAddressType;
    readonly line1: string;
    readonly line2?: string | null;
    readonly city: string;
    readonly region?: string | null;
    readonly postalCode: string;
    readonly country: string;
  }[];
  readonly paymentTerms?: string | null;
  readonly bankAccount?: { readonly iban?: string | null; readonly accountNumber?: string | null; readonly routingNumber?: string | null } | null;
  readonly contact?: { readonly name?: string | null; readonly email?: string | null; readonly phone?: string | null } | null;
  readonly active: boolean;
  /** ISO 8601 instant with a zone. */
  readonly updatedAt: string;
}

const MAX_ADDRESSES = 20;

interface TypedAddresses {
  readonly ordering: readonly Address[];
  readonly remitTo: Address | null;
}

function readAddresses(record: JsonObject, problems: Problem[]): TypedAddresses | null {
  const entries = readList(record, 'addresses', 'addresses', MAX_ADDRESSES, problems);
  if (entries === null) {
    if (ownField(record, 'addresses') === undefined || ownField(record, 'addresses') === null) {
      problems.push(problem('addresses', 'MISSING', 'needs at least one ORDERING address'));
    }
    return null;
  }
  const before = problems.length;
  const ordering: Address[] = [];
  const remitTo: Address[] = [];
  entries.forEach((entry, index) => {
    const path = `addresses[${index}]`;
    if (!isJsonObject(entry)) {
      problems.push(problem(path, 'NOT_AN_OBJECT', `must be an object, not ${jsonTypeOf(entry)}`));
      return;
    }
    const type = readText(entry, 'type', `${path}.type`, { required: true, maxLength: 20 }, problems);
    if (type !== null && type !== 'ORDERING' && type !== 'REMIT_TO') {
      problems.push(problem(`${path}.type`, 'UNKNOWN_CODE', "must be 'ORDERING' or 'REMIT_TO'"));
    }
    const address = readAddress(entry, path, PURCHASING_ADDRESS_FIELDS, problems);
    if (address === null) return;
    if (type === 'ORDERING') ordering.push(address);
    if (type === 'REMIT_TO') remitTo.push(address);
  });
  if (problems.length > before) return null;
  if (ordering.length === 0) problems.push(problem('addresses', 'MISSING', 'needs at least one ORDERING address'));
  if (remitTo.length > 1) problems.push(problem('addresses', 'DUPLICATE', 'must hold at most one REMIT_TO address'));
  return problems.length > before ? null : { ordering, remitTo: remitTo[0] ?? null };
}

function readContact(record: JsonObject, problems: Problem[]): SupplierContact {
  const block = readObject(record, 'contact', 'contact', false, problems);
  if (block === null) return { name: null, email: null, phone: null };
  return {
    name: readText(block, 'name', 'contact.name', { required: false, maxLength: 100 }, problems),
    email: readEmail(block, 'email', 'contact.email', problems),
    phone: readPhone(block, 'phone', 'contact.phone', problems),
  };
}

/** Strictly parses a purchasing-platform supplier record; unknown extra fields are ignored, never copied. */
export function parsePurchasingSupplierRecord(input: unknown): Parsed<ParsedSupplierRecord> {
  if (!isJsonObject(input)) {
    return { ok: false, problems: [problem('', 'NOT_AN_OBJECT', `a purchasing supplier record must be a JSON object, not ${jsonTypeOf(input)}`)] };
  }
  const problems: Problem[] = [];
  const sourceRecordId = readRecordId(input, 'supplierId', problems);
  const legalName = readText(input, 'legalName', 'legalName', { required: true, maxLength: 140 }, problems);
  const tradingName = readText(input, 'dbaName', 'dbaName', { required: false, maxLength: 140 }, problems);
  const addresses = readAddresses(input, problems);
  const taxCountry = readCountry(input, 'taxIdCountry', 'taxIdCountry', false, problems) ?? addresses?.ordering[0]?.country ?? null;
  const taxId = readTaxId(input, 'taxId', false, taxCountry, problems);
  const dunsNumber = readDuns(input, 'duns', problems);
  const paymentTerms = readPaymentTerms(input, 'paymentTerms', problems);
  const bankBlock = readObject(input, 'bankAccount', 'bankAccount', false, problems);
  const bank =
    bankBlock === null
      ? null
      : readBankDetails(bankBlock, 'bankAccount', { iban: 'iban', accountNumber: 'accountNumber', routingNumber: 'routingNumber' }, problems);
  const contact = readContact(input, problems);
  const active = readBoolean(input, 'active', 'active', problems);
  const changedAt = readInstant(input, 'updatedAt', 'updatedAt', problems);

  if (problems.length > 0 || sourceRecordId === null || legalName === null || addresses === null || active === null || changedAt === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      source: 'purchasing',
      sourceRecordId,
      legalName,
      tradingName,
      taxId,
      dunsNumber,
      status: active ? 'ACTIVE' : 'INACTIVE',
      orderingAddresses: addresses.ordering,
      remitTo: addresses.remitTo,
      paymentTerms,
      bank,
      contact,
      changedAt,
    },
  };
}
