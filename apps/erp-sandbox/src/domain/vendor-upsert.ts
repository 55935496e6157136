import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { COUNTRY, COUNTRY_HINT, OPTIONAL_ID, REQUIRED_ID, type Posting } from './posting';

export const VENDOR_STATUSES = ['ACTIVE', 'INACTIVE', 'ON_HOLD'] as const;
export type VendorStatus = (typeof VENDOR_STATUSES)[number];

export interface RemitTo {
  readonly line1: string;
  readonly line2: string | null;
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string;
  readonly country: string;
}

/** A bank account by reference only: the clear number never reaches the ERP sandbox. */
export interface BankAccountReference {
  readonly token: string;
  readonly maskedNumber: string;
  readonly bankCountry: string;
}

export interface VendorRecord {
  readonly supplierId: string;
  readonly legalName: string;
  readonly tradingName: string | null;
  readonly status: VendorStatus;
  readonly remitTo: RemitTo;
  readonly bankAccount: BankAccountReference | null;
  readonly paymentTermsCode: string | null;
}

const TOKEN = /^[A-Za-z0-9][A-Za-z0-9_:.-]{7,127}$/;
const LOOKS_LIKE_ACCOUNT_NUMBER = /^\d{6,}$|^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/;
const MASKED = /^\*{4,}[0-9A-Z]{4}$/;

/** PUT /erp/v1/vendors/{supplierId}: a vendor upsert. */
export function parseVendorUpsert(supplierId: string, body: unknown): Parsed<Posting> {
  const read = new JsonReader();
  const id = read.textAt(supplierId, 'params.supplierId', REQUIRED_ID);
  const object = read.object(body, '', ['legalName', 'tradingName', 'status', 'remitTo', 'bankAccount', 'paymentTermsCode']);
  if (object === null) return refused(read.problems);
  const legalName = read.text(object, 'legalName', '', { required: true, maxLength: 200 });
  const tradingName = read.text(object, 'tradingName', '', { required: false, maxLength: 200 });
  const status = read.code(object, 'status', '', VENDOR_STATUSES, true);
  const remitTo = readRemitTo(read, object.remitTo);
  const bankAccount = readBankAccount(read, object.bankAccount);
  const paymentTermsCode = read.text(object, 'paymentTermsCode', '', { ...OPTIONAL_ID, maxLength: 20 });
  if (read.problems.length > 0 || id === null || legalName === null || status === null || remitTo === null) {
    return refused(read.problems);
  }
  const record: VendorRecord = { supplierId: id, legalName, tradingName, status, remitTo, bankAccount, paymentTermsCode };
  return parsed(
    { kind: 'VENDOR_UPSERT', businessKey: id, subjectId: id, facilityId: null, currency: null, amount: null, direction: null, record: { ...record } },
    [],
  );
}

function readRemitTo(read: JsonReader, value: unknown): RemitTo | null {
  if (value === undefined || value === null) return read.fail('remitTo', 'MISSING', 'is required');
  const object = read.object(value, 'remitTo', ['line1', 'line2', 'city', 'region', 'postalCode', 'country']);
  if (object === null) return null;
  const line1 = read.text(object, 'line1', 'remitTo', { required: true, maxLength: 120 });
  const line2 = read.text(object, 'line2', 'remitTo', { required: false, maxLength: 120 });
  const city = read.text(object, 'city', 'remitTo', { required: true, maxLength: 80 });
  const region = read.text(object, 'region', 'remitTo', { required: false, maxLength: 80 });
  const postalCode = read.text(object, 'postalCode', 'remitTo', { required: true, maxLength: 20 });
  const country = read.text(object, 'country', 'remitTo', { required: true, maxLength: 2, pattern: COUNTRY, hint: COUNTRY_HINT });
  if (line1 === null || city === null || postalCode === null || country === null) return null;
  return { line1, line2, city, region, postalCode, country };
}

function readBankAccount(read: JsonReader, value: unknown): BankAccountReference | null {
  if (value === undefined || value === null) return null;
  const object = read.object(value, 'bankAccount', ['token', 'maskedNumber', 'bankCountry']);
  if (object === null) return null;
  const token = read.text(object, 'token', 'bankAccount', { required: true, maxLength: 128, pattern: TOKEN, hint: 'a vault token of 8 to 128 letters, digits, "_", ":", "." or "-"' });
  if (token !== null && LOOKS_LIKE_ACCOUNT_NUMBER.test(token)) {
    read.fail('bankAccount.token', 'MALFORMED', 'looks like a clear account number or IBAN; send the vault token, never the number');
  }
  const maskedNumber = read.text(object, 'maskedNumber', 'bankAccount', { required: true, maxLength: 40, pattern: MASKED, hint: 'masked, showing the last four characters only, e.g. ****1234' });
  const bankCountry = read.text(object, 'bankCountry', 'bankAccount', { required: true, maxLength: 2, pattern: COUNTRY, hint: COUNTRY_HINT });
  if (token === null || maskedNumber === null || bankCountry === null) return null;
  return { token, maskedNumber, bankCountry };
}
