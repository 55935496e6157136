import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { DIRECTIONS, OPTIONAL_ID, REQUIRED_CURRENCY, REQUIRED_ID, type Direction, type Posting } from './posting';

export interface EncumbranceRecord {
  readonly poNumber: string;
  readonly revision: number;
  readonly lineNumber: number;
  readonly glAccount: string;
  readonly costCentre: string;
  readonly facilityId: string;
  readonly departmentId: string | null;
  readonly supplierId: string | null;
  /** Always positive; the direction says whether it adds to or takes from the commitment. */
  readonly amount: string;
  readonly currency: string;
  readonly direction: Direction;
  readonly reason: string | null;
}

const FIELDS = [
  'poNumber', 'revision', 'lineNumber', 'glAccount', 'costCentre', 'facilityId',
  'departmentId', 'supplierId', 'amount', 'currency', 'direction', 'reason',
];

/** POST /erp/v1/encumbrances: ENCUMBER commits budget, RELIEVE reduces it (a change), RELEASE frees what is left (a cancel). */
export function parseEncumbrance(body: unknown): Parsed<Posting> {
  const read = new JsonReader();
  const object = read.object(body, '', FIELDS);
  if (object === null) return refused(read.problems);
  const poNumber = read.text(object, 'poNumber', '', REQUIRED_ID);
  const revision = read.integer(object, 'revision', '', { required: true, min: 0, max: 1_000_000 });
  const lineNumber = read.integer(object, 'lineNumber', '', { required: true, min: 1, max: 100_000 });
  const glAccount = read.text(object, 'glAccount', '', { ...REQUIRED_ID, maxLength: 40 });
  const costCentre = read.text(object, 'costCentre', '', { ...REQUIRED_ID, maxLength: 40 });
  const facilityId = read.text(object, 'facilityId', '', REQUIRED_ID);
  const departmentId = read.text(object, 'departmentId', '', OPTIONAL_ID);
  const supplierId = read.text(object, 'supplierId', '', OPTIONAL_ID);
  const amount = read.amount(object, 'amount', '', { required: true, sign: 'positive' });
  const currency = read.text(object, 'currency', '', REQUIRED_CURRENCY);
  const direction = read.code(object, 'direction', '', DIRECTIONS, true);
  const reason = read.text(object, 'reason', '', { required: false, maxLength: 200 });
  if (
    read.problems.length > 0 || poNumber === null || revision === null || lineNumber === null || glAccount === null ||
    costCentre === null || facilityId === null || amount === null || currency === null || direction === null
  ) {
    return refused(read.problems);
  }
  const record: EncumbranceRecord = {
    poNumber, revision, lineNumber, glAccount, costCentre, facilityId, departmentId, supplierId, amount, currency, direction, reason,
  };
  return parsed(
    {
      kind: 'ENCUMBRANCE',
      businessKey: encumbranceKey(poNumber, revision, lineNumber, direction),
      subjectId: poNumber,
      facilityId,
      currency,
      amount,
      direction,
      record: { ...record },
    },
    [],
  );
}

/** PO-1001/2/3/RELIEVE: one posting per PO revision, line and direction. */
export function encumbranceKey(poNumber: string, revision: number, lineNumber: number, direction: Direction): string {
  return `${poNumber}/${revision}/${lineNumber}/${direction}`;
}
