import { Decimal, type PurchaseOrderLine } from '@procurelink/canonical-schemas';
import type { FieldProblem } from './field-problem';
import type { PurchaseOrderRevision } from './purchase-order-event';
import type { ReferenceData, ReferenceEntry } from './reference-data';

/** What can be wrong with a purchase order revision. A closed list. */
export const PURCHASE_ORDER_PROBLEM_CODES = [
  'INVALID_REVISION',
  'NO_LINES',
  'DUPLICATE_LINE_NUMBER',
  'INVALID_QUANTITY',
  'NEGATIVE_PRICE',
  'CURRENCY_MISMATCH',
  'LINE_AMOUNT_MISMATCH',
  'TOTAL_MISMATCH',
  'UNKNOWN_FACILITY',
  'INACTIVE_FACILITY',
  'UNKNOWN_DEPARTMENT',
  'INACTIVE_DEPARTMENT',
  'DEPARTMENT_NOT_IN_FACILITY',
  'UNKNOWN_COST_CENTRE',
  'INACTIVE_COST_CENTRE',
  'UNKNOWN_GL_ACCOUNT',
  'INACTIVE_GL_ACCOUNT',
] as const;

export type PurchaseOrderProblemCode = (typeof PURCHASE_ORDER_PROBLEM_CODES)[number];
export type PurchaseOrderProblem = FieldProblem<PurchaseOrderProblemCode>;

const TWO = Decimal.of(2n, 0);

/**
 * Every problem with a PurchaseOrderApproved or PurchaseOrderChanged, with its field path: the
 * ship-to facility and each line's department (and its facility), cost centre and GL account
 * must exist in the reference data and be active; amounts must add up in one currency. An
 * empty list means the revision may be encumbered.
 */
export function validatePurchaseOrder(order: PurchaseOrderRevision, reference: ReferenceData): readonly PurchaseOrderProblem[] {
  const problems: PurchaseOrderProblem[] = [];
  const add = (path: string, code: PurchaseOrderProblemCode, message: string) => problems.push({ path, code, message });

  if (!Number.isInteger(order.revision) || order.revision < 0) {
    add('revision', 'INVALID_REVISION', `revision must be a whole number from 0, got ${order.revision}`);
  }
  checkFacility(order.shipTo.facilityId, 'shipTo.facilityId', reference, add);
  if (order.lines.length === 0) add('lines', 'NO_LINES', 'a purchase order needs at least one line');

  const currency = order.totalAmount.currency;
  const seen = new Set<number>();
  let total = Decimal.zero();
  let totalComparable = true;
  order.lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    if (seen.has(line.lineNumber)) add(`${at}.lineNumber`, 'DUPLICATE_LINE_NUMBER', `line number ${line.lineNumber} appears more than once`);
    seen.add(line.lineNumber);
    totalComparable = checkAmounts(line, at, currency, add) && totalComparable;
    total = total.add(line.lineAmount.amount);
    checkCoding(line, at, order.shipTo.facilityId, reference, add);
  });
  if (totalComparable && order.lines.length > 0 && !total.equals(order.totalAmount.amount)) {
    add('totalAmount.amount', 'TOTAL_MISMATCH', `the lines add up to ${total.toString()} ${currency}, the total says ${order.totalAmount.amount.toString()}`);
  }
  return problems;
}

type Add = (path: string, code: PurchaseOrderProblemCode, message: string) => void;

/** Returns whether the line's amount can count towards the total (same currency). */
function checkAmounts(line: PurchaseOrderLine, at: string, currency: string, add: Add): boolean {
  const quantityValid = line.quantity.greaterThan(Decimal.zero());
  if (!quantityValid) add(`${at}.quantity`, 'INVALID_QUANTITY', `line ${line.lineNumber} orders ${line.quantity.toString()}; a quantity must be above zero`);
  if (line.unitPrice.amount.isNegative()) add(`${at}.unitPrice.amount`, 'NEGATIVE_PRICE', `line ${line.lineNumber} has a negative unit price`);
  let sameCurrency = true;
  for (const field of ['unitPrice', 'lineAmount'] as const) {
    if (line[field].currency !== currency) {
      add(`${at}.${field}.currency`, 'CURRENCY_MISMATCH', `line ${line.lineNumber} is in ${line[field].currency}, the order in ${currency}`);
      sameCurrency = false;
    }
  }
  if (sameCurrency && quantityValid && !matchesProduct(line)) {
    add(
      `${at}.lineAmount.amount`,
      'LINE_AMOUNT_MISMATCH',
      `line ${line.lineNumber}: ${line.quantity.toString()} × ${line.unitPrice.amount.toString()} is not ${line.lineAmount.amount.toString()}`,
    );
  }
  return line.lineAmount.currency === currency;
}

/** quantity × unit price rounds to the line amount at the line amount's scale (either rounding mode). */
function matchesProduct(line: PurchaseOrderLine): boolean {
  const product = line.quantity.multiply(line.unitPrice.amount);
  const halfUnit = Decimal.of(1n, line.lineAmount.amount.scale);
  return product.subtract(line.lineAmount.amount).abs().multiply(TWO).compare(halfUnit) <= 0;
}

function checkCoding(line: PurchaseOrderLine, at: string, shipToFacilityId: string, reference: ReferenceData, add: Add): void {
  const { departmentId, facilityId } = line.department;
  const department = reference.department(departmentId);
  if (checkEntry(department, `${at}.department`, `department ${departmentId}`, 'DEPARTMENT', add) && department !== undefined) {
    if (department.facilityId !== facilityId) {
      add(`${at}.department.facilityId`, 'DEPARTMENT_NOT_IN_FACILITY', `department ${departmentId} belongs to facility ${department.facilityId}, not ${facilityId}`);
    } else if (facilityId !== shipToFacilityId) {
      checkFacility(facilityId, `${at}.department.facilityId`, reference, add);
    }
  }
  checkEntry(reference.costCentre(line.costCentre.code), `${at}.costCentre`, `cost centre ${line.costCentre.code}`, 'COST_CENTRE', add);
  checkEntry(reference.glAccount(line.glAccount.accountNumber), `${at}.glAccount`, `GL ${line.glAccount.accountNumber}`, 'GL_ACCOUNT', add);
}

function checkFacility(facilityId: string, path: string, reference: ReferenceData, add: Add): void {
  checkEntry(reference.facility(facilityId), path, `facility ${facilityId}`, 'FACILITY', add);
}

/** Records UNKNOWN_x or INACTIVE_x; returns whether the entry exists and is active. */
function checkEntry(
  entry: ReferenceEntry | undefined,
  path: string,
  label: string,
  dimension: 'FACILITY' | 'DEPARTMENT' | 'COST_CENTRE' | 'GL_ACCOUNT',
  add: Add,
): boolean {
  if (entry === undefined) {
    add(path, `UNKNOWN_${dimension}`, `${label} is not in the reference data`);
    return false;
  }
  if (!entry.active) {
    add(path, `INACTIVE_${dimension}`, `${label} is inactive`);
    return false;
  }
  return true;
}
