import type { CompatibilityResult } from '../registry/check-compatibility';
import { parseCheckConfig, DEFAULT_SCHEMA_REGISTRY_URL } from './check-config';
import { renderCheckSummary, renderCheckTable } from './check-report';

const results: CompatibilityResult[] = [
  { eventType: 'SupplierSynced', subject: 'p2p.supplier.v1-io.procurelink.p2p.v1.SupplierSynced', verdict: 'COMPATIBLE', registeredVersions: [1, 2, 3], reasons: [] },
  { eventType: 'PaymentVoided', subject: 'p2p.payment.v1-io.procurelink.p2p.v1.PaymentVoided', verdict: 'NEW', registeredVersions: [], reasons: [] },
];
const broken: CompatibilityResult = {
  eventType: 'InvoicePosted',
  subject: 'p2p.invoice.v1-io.procurelink.p2p.v1.InvoicePosted',
  verdict: 'INCOMPATIBLE',
  registeredVersions: [1],
  reasons: ['against version 1: required field erpDocumentNumber was removed'],
};

describe('the schemas:check report', () => {
  it('› prints one aligned row per subject with its registered versions and result', () => {
    expect(renderCheckTable(results).split('\n')).toEqual([
      'subject                                               event type      registered  result',
      '----------------------------------------------------  --------------  ----------  ----------------',
      'p2p.supplier.v1-io.procurelink.p2p.v1.SupplierSynced  SupplierSynced  v1..v3      compatible',
      'p2p.payment.v1-io.procurelink.p2p.v1.PaymentVoided    PaymentVoided   -           new (compatible)',
      '',
    ]);
  });

  it('when everything is compatible › says so, counting the new subjects', () => {
    expect(renderCheckSummary(results, 'http://r')).toBe('schemas:check: all 2 canonical schemas are compatible with http://r (1 not registered yet)\n');
  });

  it('when a schema is incompatible › names the subject, the reason and what to do', () => {
    const summary = renderCheckSummary([...results, broken], 'http://r');
    expect(summary).toContain('1 of 3 canonical schemas are incompatible');
    expect(summary).toContain('p2p.invoice.v1-io.procurelink.p2p.v1.InvoicePosted (InvoicePosted):');
    expect(summary).toContain('- against version 1: required field erpDocumentNumber was removed');
    expect(summary).toContain('what to do:');
  });
});

describe('the schemas:check configuration', () => {
  it('when SCHEMA_REGISTRY_URL is unset or blank › uses the local stack registry', () => {
    expect(parseCheckConfig({})).toEqual({ ok: true, registryUrl: DEFAULT_SCHEMA_REGISTRY_URL });
    expect(parseCheckConfig({ SCHEMA_REGISTRY_URL: ' ' })).toEqual({ ok: true, registryUrl: DEFAULT_SCHEMA_REGISTRY_URL });
  });

  it('when SCHEMA_REGISTRY_URL is set › uses it', () => {
    expect(parseCheckConfig({ SCHEMA_REGISTRY_URL: 'https://registry.example/apis/ccompat/v7' })).toEqual({
      ok: true,
      registryUrl: 'https://registry.example/apis/ccompat/v7',
    });
  });

  it('when SCHEMA_REGISTRY_URL is not an http URL › refuses it, naming the variable', () => {
    expect(parseCheckConfig({ SCHEMA_REGISTRY_URL: 'registry:8081' })).toMatchObject({ ok: false, problem: expect.stringContaining('SCHEMA_REGISTRY_URL') });
    expect(parseCheckConfig({ SCHEMA_REGISTRY_URL: 'nonsense' })).toMatchObject({ ok: false, problem: expect.stringContaining('not a URL') });
  });
});
