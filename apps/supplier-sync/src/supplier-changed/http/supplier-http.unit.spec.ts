import { ApiProblem, buildOpenApiDocument, InvalidRequest, type JsonSchema } from '@procurelink/system-api';
import { ACCOUNT_1, EIN_ACME, erpVendor, purchasingSupplier } from '../domain/supplier-records.fixture.spec';
import { parseSourceRecord } from '../source';
import type { BankDetailsConfirmResult } from '../supplier-bank-details';
import { confirmationAuditLine, confirmationResponse, parseConfirmationRequest } from './bank-details-confirmation';
import { SUPPLIER_SYNC_ROUTES } from './index';
import { recordOrInvalid, toFieldProblem } from './invalid-request';
import { ERP_VENDOR_RECORD_SCHEMA, PURCHASING_SUPPLIER_RECORD_SCHEMA } from './supplier-records.routes';

function invalid(act: () => unknown): InvalidRequest {
  try {
    act();
  } catch (error) {
    if (error instanceof InvalidRequest) return error;
    throw error;
  }
  throw new Error('expected an InvalidRequest');
}

function problemOf(act: () => unknown): ApiProblem {
  try {
    act();
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('expected an ApiProblem');
}

const required = (schema: JsonSchema): string[] => (schema.required as string[] | undefined) ?? [];

describe('supplier record bodies', () => {
  it('when a record is valid › gives the parsed record with its source id', () => {
    expect(recordOrInvalid(parseSourceRecord('erp', erpVendor())).sourceRecordId).toBe(erpVendor().VENDOR_ID);
    expect(recordOrInvalid(parseSourceRecord('purchasing', purchasingSupplier())).sourceRecordId).toBe(purchasingSupplier().supplierId);
  });

  it('when the body is not an object › one problem at $', () => {
    expect(invalid(() => recordOrInvalid(parseSourceRecord('erp', [1, 2]))).problems).toEqual([expect.objectContaining({ path: '$', code: 'NOT_AN_OBJECT' })]);
  });

  it('when fields are wrong › 400 naming every path with its closed-list code', () => {
    const error = invalid(() => recordOrInvalid(parseSourceRecord('erp', erpVendor({ NAME1: null, STATUS: 'X', BANK: { ACCOUNT_NUMBER: ACCOUNT_1, ROUTING_NUMBER: '021000022' } }))));
    expect(error.status).toBe(400);
    expect(error.problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['NAME1', 'MISSING'],
        ['STATUS', 'UNKNOWN_CODE'],
        ['BANK.ROUTING_NUMBER', 'CHECKSUM_FAILED'],
      ]),
    );
  });

  it('when a bank account or tax id is wrong or misplaced › the 400 body never echoes it', () => {
    const badAccount = '44556677889900112233';
    const badTax = '12-34567';
    const bodies = [
      parseSourceRecord('erp', erpVendor({ TAX_NUMBER: badTax, BANK: { ACCOUNT_NUMBER: badAccount, ROUTING_NUMBER: '021000021' } })),
      parseSourceRecord('erp', erpVendor({ TAX_NUMBER: { value: EIN_ACME }, BANK: { IBAN: ACCOUNT_1, ACCOUNT_NUMBER: ACCOUNT_1 } })),
      parseSourceRecord('purchasing', purchasingSupplier({ taxId: badTax, bankAccount: { accountNumber: badAccount } })),
      parseSourceRecord('purchasing', purchasingSupplier({ taxId: EIN_ACME, taxIdCountry: 'ZZ', bankAccount: ACCOUNT_1 })),
    ];
    for (const parse of bodies) {
      const problem = JSON.stringify(invalid(() => recordOrInvalid(parse)).toProblem());
      for (const secret of [badAccount, badTax, EIN_ACME, '123456789', ACCOUNT_1]) expect(problem).not.toContain(secret);
    }
  });

  it('maps the whole-record path to $ and keeps the others', () => {
    expect(toFieldProblem({ path: '', code: 'NOT_AN_OBJECT', message: 'm' }).path).toBe('$');
    expect(toFieldProblem({ path: 'addresses[1].postalCode', code: 'MALFORMED', message: 'm' })).toEqual({ path: 'addresses[1].postalCode', code: 'MALFORMED', message: 'm' });
  });
});

describe('the documented request schemas', () => {
  it.each([
    ['ERP vendor record', 'erp' as const, ERP_VENDOR_RECORD_SCHEMA, erpVendor()],
    ['purchasing supplier record', 'purchasing' as const, PURCHASING_SUPPLIER_RECORD_SCHEMA, purchasingSupplier()],
  ])('%s › every field the schema marks required is required by the parser, and every property is one the parser reads', (_name, source, schema, valid) => {
    for (const field of required(schema)) {
      const { [field]: _dropped, ...without } = valid;
      const paths = invalid(() => recordOrInvalid(parseSourceRecord(source, without))).problems.map((p) => p.path);
      expect(paths).toContain(field);
    }
    expect(Object.keys(schema.properties as object).sort()).toEqual(expect.arrayContaining(Object.keys(valid).sort()));
  });
});

describe('a bank-details confirmation request', () => {
  it('when it names a change › gives the change id (extra fields ignored)', () => {
    expect(parseConfirmationRequest({ changeId: 'e1b2-33:x.y_z', note: 'called the supplier' })).toEqual({ changeId: 'e1b2-33:x.y_z' });
  });

  it.each([
    [null, '$', 'NOT_AN_OBJECT'],
    [['x'], '$', 'NOT_AN_OBJECT'],
    [{}, 'changeId', 'MISSING'],
    [{ changeId: 42 }, 'changeId', 'WRONG_TYPE'],
    [{ changeId: 'has spaces and / slashes' }, 'changeId', 'MALFORMED'],
    [{ changeId: 'x'.repeat(129) }, 'changeId', 'MALFORMED'],
  ])('when the body is %j › 400 at %s (%s)', (body, path, code) => {
    expect(invalid(() => parseConfirmationRequest(body)).problems).toEqual([expect.objectContaining({ path, code })]);
  });

  it('when it would carry an account number in another shape › the 400 does not echo it', () => {
    expect(JSON.stringify(invalid(() => parseConfirmationRequest({ changeId: `acct ${ACCOUNT_1}` })).toProblem())).not.toContain(ACCOUNT_1);
  });
});

describe('the outcome of a confirmation', () => {
  const released: BankDetailsConfirmResult = { kind: 'released', supplierId: 'SUP-1', changeId: 'chg-1', status: 'ACTIVE', releasedAt: '2026-03-01T10:00:00.000Z' };

  it('when released › 200 body with who, when and which change', () => {
    expect(confirmationResponse(released, 'ap-desk')).toEqual({ released: true, supplierId: 'SUP-1', changeId: 'chg-1', status: 'ACTIVE', confirmedBy: 'ap-desk', releasedAt: '2026-03-01T10:00:00.000Z' });
  });

  it('when the supplier is unknown › 404 not-found', () => {
    const problem = problemOf(() => confirmationResponse({ kind: 'refused', reason: 'UNKNOWN_SUPPLIER', message: 'no supplier SUP-1' }, 'ap-desk'));
    expect([problem.status, problem.slug]).toEqual([404, 'not-found']);
  });

  it.each(['NOT_ON_HOLD', 'STALE_CONFIRMATION', 'CONFIRMER_MISSING', 'CONFIRMED_BEFORE_HOLD'] as const)('when refused with %s › 409 naming the reason', (reason) => {
    const problem = problemOf(() => confirmationResponse({ kind: 'refused', reason, message: `because ${reason}` }, 'ap-desk'));
    expect(problem.status).toBe(409);
    expect(problem.toProblem()).toMatchObject({ type: 'urn:procurelink:problem:bank-details-confirmation-refused', detail: `because ${reason}`, reason });
  });

  it('is audited with who, when, which supplier and change, and the outcome', () => {
    const at = new Date('2026-03-01T09:59:59.000Z');
    expect(confirmationAuditLine('SUP-1', 'chg-1', 'ap-desk', released, at)).toBe(
      'bank-details confirmation of change chg-1 for supplier SUP-1 by ap-desk (requested 2026-03-01T09:59:59.000Z) released the payment hold (status ACTIVE) at 2026-03-01T10:00:00.000Z',
    );
    expect(confirmationAuditLine('SUP-1', 'chg-0', 'ap-desk', { kind: 'refused', reason: 'STALE_CONFIRMATION', message: 'm' }, at)).toMatch(/chg-0 .* by ap-desk .* was refused: STALE_CONFIRMATION$/);
  });
});

describe('the route docs', () => {
  it('build one OpenAPI document with every route, its scopes, and no Idempotency-Key on the confirmation', () => {
    const document = buildOpenApiDocument({ title: 'supplier-sync', version: '1' }, SUPPLIER_SYNC_ROUTES) as { paths: Record<string, Record<string, { 'x-required-scopes': string[]; parameters?: Array<{ name: string }> }>> };
    expect(Object.keys(document.paths).sort()).toEqual([
      '/v1/suppliers/erp-vendor-records',
      '/v1/suppliers/purchasing-records',
      '/v1/suppliers/{supplierId}',
      '/v1/suppliers/{supplierId}/bank-details-confirmations',
    ]);
    expect(document.paths['/v1/suppliers/{supplierId}']?.get?.['x-required-scopes']).toEqual(['suppliers:read']);
    const confirm = document.paths['/v1/suppliers/{supplierId}/bank-details-confirmations']?.post;
    expect(confirm?.['x-required-scopes']).toEqual(['suppliers:confirm-bank-details']);
    expect(confirm?.parameters?.map((p) => p.name)).toEqual(['supplierId']);
    expect(document.paths['/v1/suppliers/erp-vendor-records']?.post?.parameters?.map((p) => p.name)).toEqual(['Idempotency-Key']);
  });
});
