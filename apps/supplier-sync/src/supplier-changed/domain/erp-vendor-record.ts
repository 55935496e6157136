import { ERP_ADDRESS_FIELDS, readAddress, readCountry } from './address-fields';
import { readBankDetails } from './bank-details';
import { readDuns, readEmail, readPaymentTerms, readPhone, readRecordId, readTaxId } from './common-fields';
import { isJsonObject, jsonTypeOf, readInstant, readObject, readText } from './json-fields';
import type { ParsedSupplierRecord } from './parsed-supplier-record';
import { problem, type Parsed, type Problem } from './problem';
import type { SourceStatus } from './source-system';

interface ErpAddressBlock {
  readonly STREET: string;
  readonly STREET2?: string | null;
  readonly CITY: string;
  readonly REGION?: string | null;
  readonly POSTAL_CODE: string;
  readonly COUNTRY: string;
}

/** An ERP vendor master record as the ERP sends it (JSON on its source topic or POSTed to the API). */
export interface ErpVendorRecord extends ErpAddressBlock {
  readonly VENDOR_ID: string;
  /** Legal name. */
  readonly NAME1: string;
  /** Second name line, taken as the trading ("doing business as") name. */
  readonly NAME2?: string | null;
  readonly TAX_NUMBER: string;
  /** Country that issued TAX_NUMBER; defaults to COUNTRY. */
  readonly TAX_COUNTRY?: string | null;
  readonly DUNS?: string | null;
  readonly REMIT_TO?: ErpAddressBlock | null;
  /** Terms code, e.g. NET30 or 2/10NET30. */
  readonly PAYMENT_TERMS?: string | null;
  readonly BANK?: { readonly IBAN?: string | null; readonly ACCOUNT_NUMBER?: string | null; readonly ROUTING_NUMBER?: string | null } | null;
  readonly EMAIL?: string | null;
  readonly PHONE?: string | null;
  /** A active, I inactive, B blocked. */
  readonly STATUS: 'A' | 'I' | 'B';
  /** ISO 8601 instant with a zone. */
  readonly LAST_CHANGED: string;
}

const ERP_STATUS: Readonly<Record<string, SourceStatus>> = { A: 'ACTIVE', I: 'INACTIVE', B: 'BLOCKED' };

function readStatus(record: Readonly<Record<string, unknown>>, problems: Problem[]): SourceStatus | null {
  const code = readText(record, 'STATUS', 'STATUS', { required: true, maxLength: 1 }, problems);
  if (code === null) return null;
  const status = ERP_STATUS[code.toUpperCase()];
  if (status === undefined) problems.push(problem('STATUS', 'UNKNOWN_CODE', "must be 'A' (active), 'I' (inactive) or 'B' (blocked)"));
  return status ?? null;
}

/** Strictly parses an ERP vendor master record; unknown extra fields are ignored, never copied. */
export function parseErpVendorRecord(input: unknown): Parsed<ParsedSupplierRecord> {
  if (!isJsonObject(input)) {
    return { ok: false, problems: [problem('', 'NOT_AN_OBJECT', `an ERP vendor record must be a JSON object, not ${jsonTypeOf(input)}`)] };
  }
  const problems: Problem[] = [];
  const sourceRecordId = readRecordId(input, 'VENDOR_ID', problems);
  const legalName = readText(input, 'NAME1', 'NAME1', { required: true, maxLength: 140 }, problems);
  const tradingName = readText(input, 'NAME2', 'NAME2', { required: false, maxLength: 140 }, problems);
  const address = readAddress(input, '', ERP_ADDRESS_FIELDS, problems);
  const taxCountry = readCountry(input, 'TAX_COUNTRY', 'TAX_COUNTRY', false, problems) ?? address?.country ?? null;
  const taxId = readTaxId(input, 'TAX_NUMBER', true, taxCountry, problems);
  const dunsNumber = readDuns(input, 'DUNS', problems);
  const remitBlock = readObject(input, 'REMIT_TO', 'REMIT_TO', false, problems);
  const remitTo = remitBlock === null ? null : readAddress(remitBlock, 'REMIT_TO', ERP_ADDRESS_FIELDS, problems);
  const paymentTerms = readPaymentTerms(input, 'PAYMENT_TERMS', problems);
  const bankBlock = readObject(input, 'BANK', 'BANK', false, problems);
  const bank =
    bankBlock === null
      ? null
      : readBankDetails(bankBlock, 'BANK', { iban: 'IBAN', accountNumber: 'ACCOUNT_NUMBER', routingNumber: 'ROUTING_NUMBER' }, problems);
  const email = readEmail(input, 'EMAIL', 'EMAIL', problems);
  const phone = readPhone(input, 'PHONE', 'PHONE', problems);
  const status = readStatus(input, problems);
  const changedAt = readInstant(input, 'LAST_CHANGED', 'LAST_CHANGED', problems);

  if (problems.length > 0 || sourceRecordId === null || legalName === null || address === null || status === null || changedAt === null) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      source: 'erp',
      sourceRecordId,
      legalName,
      tradingName,
      taxId,
      dunsNumber,
      status,
      orderingAddresses: [address],
      remitTo,
      paymentTerms,
      bank,
      contact: { name: null, email, phone },
      changedAt,
    },
  };
}
