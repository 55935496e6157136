import { DEFAULT_SLAS, parseSlaDefinitions } from './sla-definition';

describe('SLA definitions (OPS_SLAS)', () => {
  it('round-trips the defaults', () => {
    expect(parseSlaDefinitions(JSON.stringify(DEFAULT_SLAS))).toEqual({ ok: true, value: DEFAULT_SLAS });
  });

  it('takes a custom SLA', () => {
    const custom = [{ id: 'po-fast', description: 'PO in ERP in a minute', docType: 'PURCHASE_ORDER', startEvents: ['PurchaseOrderApproved'], end: { erpKind: 'ENCUMBRANCE' }, withinMs: 60000 }];
    expect(parseSlaDefinitions(JSON.stringify(custom))).toEqual({ ok: true, value: custom });
  });

  it('refuses what is not a JSON list', () => {
    expect(parseSlaDefinitions('{')).toEqual({ ok: false, problems: [expect.stringContaining('OPS_SLAS')] });
    expect(parseSlaDefinitions('{}')).toEqual({ ok: false, problems: [expect.stringContaining('JSON list')] });
  });

  it('names every wrong field of every entry', () => {
    const parsed = parseSlaDefinitions(JSON.stringify([{ id: 'Bad Id', docType: 'RECEIPT', startEvents: [], end: { erpKind: 'LEDGER' }, withinMs: 1.5 }, { ...DEFAULT_SLAS[0] }, { ...DEFAULT_SLAS[0] }]));
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('OPS_SLAS[0].id'),
        expect.stringContaining('OPS_SLAS[0].description'),
        expect.stringContaining('OPS_SLAS[0].docType'),
        expect.stringContaining('OPS_SLAS[0].startEvents'),
        expect.stringContaining('OPS_SLAS[0].withinMs'),
        expect.stringContaining('OPS_SLAS[0].end'),
        expect.stringContaining('OPS_SLAS[2].id: po-in-erp is defined twice'),
      ]),
    );
  });
});
