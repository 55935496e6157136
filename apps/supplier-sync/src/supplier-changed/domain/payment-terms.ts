import { Decimal, type PaymentTerms } from '@procurelink/canonical-schemas';
import type { CheckedValue } from './checked-value';

const NET = /^NET(\d{1,3})$/;
const DISCOUNT_NET = /^(\d{1,2}(?:\.\d{1,4})?)\/(\d{1,3})NET(\d{1,3})$/;
const DUE_ON_RECEIPT = new Set(['DUEONRECEIPT', 'IMMEDIATE', 'NET0']);
const MAX_DAYS = 365;

/**
 * Parses a terms code such as `NET30`, `net 45`, `2/10 NET 30`, `1.5/15NET60` or `DUE_ON_RECEIPT`
 * into canonical payment terms; the code is rewritten in its compact form (`2/10NET30`).
 */
export function parsePaymentTermsCode(raw: string): CheckedValue<PaymentTerms> {
  const compact = raw.toUpperCase().replace(/[\s_]/g, '');
  if (DUE_ON_RECEIPT.has(compact)) {
    return { ok: true, value: { code: 'DUE_ON_RECEIPT', netDays: 0, discountPercent: null, discountDays: null } };
  }
  const net = NET.exec(compact);
  if (net !== null) {
    const netDays = Number(net[1]);
    if (netDays > MAX_DAYS) return tooLong();
    return { ok: true, value: { code: `NET${netDays}`, netDays, discountPercent: null, discountDays: null } };
  }
  const discounted = DISCOUNT_NET.exec(compact);
  if (discounted === null) {
    return { ok: false, code: 'MALFORMED', message: 'must be a terms code such as NET30, 2/10NET30 or DUE_ON_RECEIPT' };
  }
  const [, percentText = '', discountDaysText = '', netDaysText = ''] = discounted;
  const discountPercent = Decimal.parse(percentText).withScale(4);
  const discountDays = Number(discountDaysText);
  const netDays = Number(netDaysText);
  if (netDays > MAX_DAYS) return tooLong();
  if (discountPercent.isZero()) return { ok: false, code: 'MALFORMED', message: 'has a discount of zero percent' };
  if (discountDays >= netDays) {
    return { ok: false, code: 'MALFORMED', message: 'must give a discount period shorter than the net period' };
  }
  return {
    ok: true,
    value: { code: `${discountPercent.toString().replace(/\.?0+$/, '')}/${discountDays}NET${netDays}`, netDays, discountPercent, discountDays },
  };
}

function tooLong(): CheckedValue<PaymentTerms> {
  return { ok: false, code: 'MALFORMED', message: `must not exceed ${MAX_DAYS} days` };
}
