import { hash } from 'node:crypto';
import { IdempotencyInvalidArgumentError } from '../errors';
import { normaliseCurrency, normaliseDecimal, normaliseDocumentNumber, normaliseRevision, shown } from './normalise';

/** Every key this library builds starts with it; bump the version when a key format changes. */
export const IDEMPOTENCY_KEY_PREFIX = 'p2p:idem:v1:';

/** Longest encoded identifier part; longer identifiers are refused rather than truncated. */
const MAX_PART_LENGTH = 160;

/*
 * Key rules.
 *
 * 1. A key is `p2p:idem:v1:<kind>:<part>:<part>…`. Identifier parts are trimmed and
 *    percent-encoded (encodeURIComponent), so a ":" inside an identifier can never shift a part
 *    into its neighbour and two different identities can never share a key.
 * 2. No secret or personal value is ever written in clear. Parts kept readable are identifiers
 *    issued by systems (supplier id, invoice and PO numbers, revision, payment id and status,
 *    system and operation names, consumer group, event id) and the invoice amount and currency.
 *    A value that is, or may be, sensitive — tax ids, bank details, names, and any free-form
 *    business key a caller supplies — is replaced by its SHA-256 digest (lower-case hex).
 *    A new builder that takes such a value must pass it through `hashKeyPart`.
 * 3. Business identities are normalised (see normalise.ts), so the same invoice written two ways
 *    gives one key.
 */

/** SHA-256 of the UTF-8 value, lower-case hex: how a sensitive part appears in a key. */
export function hashKeyPart(value: string): string {
  return hash('sha256', value, 'hex');
}

function identifier(label: string, raw: unknown): string {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    throw new IdempotencyInvalidArgumentError(`${label} must be a non-empty string (got ${shown(raw)})`);
  }
  const encoded = encodeURIComponent(raw.trim());
  if (encoded.length > MAX_PART_LENGTH) {
    throw new IdempotencyInvalidArgumentError(`${label} is too long for a key (${encoded.length} > ${MAX_PART_LENGTH} characters encoded)`);
  }
  return encoded;
}

function key(kind: string, ...parts: string[]): string {
  return `${IDEMPOTENCY_KEY_PREFIX}${kind}:${parts.join(':')}`;
}

export interface InvoiceIdentity {
  readonly supplierId: string;
  readonly invoiceNumber: string;
  /** The exact decimal amount as a string, e.g. "1250.00"; never a JS number. */
  readonly amount: string;
  readonly currency: string;
}

/** `p2p:idem:v1:invoice:<supplierId>:<INVOICENUMBER>:<amount>:<CUR>`, e.g. `…:invoice:SUP-42:INV123:100.5:EUR`. */
export function invoiceKey(identity: InvoiceIdentity): string {
  return key(
    'invoice',
    identifier('supplierId', identity.supplierId),
    encodeURIComponent(normaliseDocumentNumber(identity.invoiceNumber, 'invoiceNumber')),
    normaliseDecimal(identity.amount, 'amount'),
    normaliseCurrency(identity.currency),
  );
}

export interface PurchaseOrderIdentity {
  readonly poNumber: string;
  readonly revision: number | string;
}

/** `p2p:idem:v1:po:<poNumber>:r<revision>`, e.g. `…:po:PO-2024-0042:r3`. PO numbers are kept exact. */
export function purchaseOrderKey(identity: PurchaseOrderIdentity): string {
  return key('po', identifier('poNumber', identity.poNumber), `r${normaliseRevision(identity.revision)}`);
}

export interface PaymentIdentity {
  readonly paymentId: string;
  readonly status: string;
}

/** `p2p:idem:v1:payment:<paymentId>:<STATUS>`, e.g. `…:payment:PAY-9:COMPLETED`; the status is upper-cased. */
export function paymentKey(identity: PaymentIdentity): string {
  const status = typeof identity.status === 'string' ? identity.status.toUpperCase() : identity.status;
  return key('payment', identifier('paymentId', identity.paymentId), identifier('status', status));
}

export interface TargetCallIdentity {
  /** The target system, e.g. "erp". */
  readonly system: string;
  /** The operation on it, e.g. "post-invoice". */
  readonly operation: string;
  /** What makes this call unique; may hold anything, so it is always hashed. */
  readonly businessKey: string;
}

/** `p2p:idem:v1:call:<system>:<operation>:<sha256(businessKey)>`. */
export function targetCallKey(identity: TargetCallIdentity): string {
  if (typeof identity.businessKey !== 'string' || identity.businessKey.length === 0) {
    throw new IdempotencyInvalidArgumentError('businessKey must be a non-empty string');
  }
  return key(
    'call',
    identifier('system', identity.system),
    identifier('operation', identity.operation),
    hashKeyPart(identity.businessKey),
  );
}

export interface EventIdentity {
  readonly consumerGroup: string;
  readonly eventId: string;
}

/** `p2p:idem:v1:event:<consumerGroup>:<eventId>`: one event handled once per consumer group. */
export function eventKey(identity: EventIdentity): string {
  return key('event', identifier('consumerGroup', identity.consumerGroup), identifier('eventId', identity.eventId));
}
