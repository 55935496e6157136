import { Decimal } from '@procurelink/canonical-schemas';
import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { OPTIONAL_ID, REQUIRED_CURRENCY, REQUIRED_ID, type Posting } from './posting';

export interface ApInvoiceLine {
  readonly lineNumber: number;
  readonly poLineNumber: number | null;
  readonly description: string;
  readonly quantity: string | null;
  readonly amount: string;
  readonly glAccount: string | null;
}

export interface ApInvoiceRecord {
  readonly invoiceId: string;
  readonly supplierId: string;
  readonly supplierInvoiceNumber: string | null;
  readonly poNumber: string;
  readonly facilityId: string | null;
  readonly invoiceDate: string | null;
  readonly dueDate: string | null;
  /** The document total: the sum of the line amounts plus taxAmount. Negative for a credit memo. */
  readonly amount: string;
  readonly taxAmount: string | null;
  readonly currency: string;
  readonly lines: readonly ApInvoiceLine[];
}

const FIELDS = [
  'invoiceId', 'supplierId', 'supplierInvoiceNumber', 'poNumber', 'facilityId', 'invoiceDate', 'dueDate',
  'amount', 'taxAmount', 'currency', 'lines',
];
const LINE_FIELDS = ['lineNumber', 'poLineNumber', 'description', 'quantity', 'amount', 'glAccount'];
const CALENDAR_DATE = { required: false, maxLength: 10, pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, hint: 'a date YYYY-MM-DD' };
export const MAX_INVOICE_LINES = 500;

/** POST /erp/v1/ap-invoices: an accounts-payable invoice; the lines (plus tax) must add up to the amount exactly. */
export function parseApInvoice(body: unknown): Parsed<Posting> {
  const read = new JsonReader();
  const object = read.object(body, '', FIELDS);
  if (object === null) return refused(read.problems);
  const invoiceId = read.text(object, 'invoiceId', '', REQUIRED_ID);
  const supplierId = read.text(object, 'supplierId', '', REQUIRED_ID);
  const supplierInvoiceNumber = read.text(object, 'supplierInvoiceNumber', '', { required: false, maxLength: 80 });
  const poNumber = read.text(object, 'poNumber', '', REQUIRED_ID);
  const facilityId = read.text(object, 'facilityId', '', OPTIONAL_ID);
  const invoiceDate = read.text(object, 'invoiceDate', '', CALENDAR_DATE);
  const dueDate = read.text(object, 'dueDate', '', CALENDAR_DATE);
  const amount = read.amount(object, 'amount', '', { required: true, sign: 'any' });
  const taxAmount = read.amount(object, 'taxAmount', '', { required: false, sign: 'any' });
  const currency = read.text(object, 'currency', '', REQUIRED_CURRENCY);
  const rawLines = read.list(object, 'lines', '', { required: true, minItems: 1, maxItems: MAX_INVOICE_LINES });
  const lines = (rawLines ?? []).map((line, index) => readLine(read, line, `lines[${index}]`));
  checkLineNumbersUnique(read, lines);
  if (
    read.problems.length > 0 || invoiceId === null || supplierId === null || poNumber === null || amount === null ||
    currency === null || rawLines === null
  ) {
    return refused(read.problems);
  }
  const complete = lines.filter((line): line is ApInvoiceLine => line !== null);
  const linesTotal = complete.reduce((sum, line) => sum.add(Decimal.parse(line.amount)), Decimal.zero());
  const expected = linesTotal.add(Decimal.parse(taxAmount ?? '0'));
  if (!expected.equals(Decimal.parse(amount))) {
    return refused([{ path: 'lines', code: 'INCONSISTENT', message: `line amounts plus taxAmount come to ${expected.toString()}, not the invoice amount` }]);
  }
  const record: ApInvoiceRecord = {
    invoiceId, supplierId, supplierInvoiceNumber, poNumber, facilityId, invoiceDate, dueDate, amount, taxAmount, currency, lines: complete,
  };
  return parsed({ kind: 'AP_INVOICE', businessKey: invoiceId, subjectId: invoiceId, facilityId, currency, amount, direction: null, record: { ...record } }, []);
}

function readLine(read: JsonReader, value: unknown, path: string): ApInvoiceLine | null {
  const object = read.object(value, path, LINE_FIELDS);
  if (object === null) return null;
  const lineNumber = read.integer(object, 'lineNumber', path, { required: true, min: 1, max: 100_000 });
  const poLineNumber = read.integer(object, 'poLineNumber', path, { required: false, min: 1, max: 100_000 });
  const description = read.text(object, 'description', path, { required: true, maxLength: 200 });
  const quantity = read.amount(object, 'quantity', path, { required: false, sign: 'positive' });
  const amount = read.amount(object, 'amount', path, { required: true, sign: 'any' });
  const glAccount = read.text(object, 'glAccount', path, { ...OPTIONAL_ID, maxLength: 40 });
  if (lineNumber === null || description === null || amount === null) return null;
  return { lineNumber, poLineNumber, description, quantity, amount, glAccount };
}

function checkLineNumbersUnique(read: JsonReader, lines: readonly (ApInvoiceLine | null)[]): void {
  const seen = new Set<number>();
  lines.forEach((line, index) => {
    if (line === null) return;
    if (seen.has(line.lineNumber)) read.fail(`lines[${index}].lineNumber`, 'DUPLICATE', 'is used by an earlier line');
    seen.add(line.lineNumber);
  });
}
