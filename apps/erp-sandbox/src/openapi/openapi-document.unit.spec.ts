import { OPENAPI_DOCUMENT } from './openapi-document';

function collectRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => collectRefs(item, into));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) {
      if (key === '$ref' && typeof member === 'string') into.push(member);
      else collectRefs(member, into);
    }
  }
  return into;
}

type Operation = { parameters?: Array<{ name: string; in: string; required?: boolean }>; responses: Record<string, unknown> };
const paths = OPENAPI_DOCUMENT.paths as Record<string, Record<string, Operation>>;
const schemas = (OPENAPI_DOCUMENT.components as { schemas: Record<string, unknown> }).schemas;

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and every $ref points at a schema it defines', () => {
    expect(OPENAPI_DOCUMENT.openapi).toBe('3.1.0');
    const refs = collectRefs(OPENAPI_DOCUMENT);
    expect(refs.length).toBeGreaterThan(10);
    const missing = refs.filter((ref) => !(ref.replace('#/components/schemas/', '') in schemas));
    expect(missing).toEqual([]);
  });

  it('every write under /erp/v1 requires the Idempotency-Key header and documents 400, 409 and 5XX', () => {
    const writes = Object.entries(paths).flatMap(([path, item]) =>
      (['post', 'put'] as const).flatMap((method) => {
        const op = item[method];
        return op !== undefined && path.startsWith('/erp/v1') && path !== '/erp/v1/batch' ? [{ path, op }] : [];
      }),
    );
    expect(writes.map((w) => w.path).sort()).toEqual(['/erp/v1/ap-invoices', '/erp/v1/encumbrances', '/erp/v1/payments/{paymentId}/status', '/erp/v1/vendors/{supplierId}']);
    for (const { op } of writes) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }));
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '409', '5XX']));
    }
  });

  it('documents POST /erp/v1/batch: the envelope, one item per write with its key, one response per item', () => {
    const batch = paths['/erp/v1/batch']?.post;
    expect(Object.keys(batch?.responses ?? {}).sort()).toEqual(['200', '400', '413']);
    expect(schemas.BatchRequest).toMatchObject({ required: ['requests'], properties: { requests: { minItems: 1, maxItems: 500 } } });
    expect(schemas.BatchItem).toMatchObject({ required: ['method', 'path', 'body'], properties: { idempotencyKey: { type: 'string' } } });
    expect(schemas.BatchItemResponse).toMatchObject({ required: ['status', 'replayed', 'body'] });
  });

  it('every amount in the contract is a string, never a number', () => {
    const amountSchemas = Object.values(schemas).flatMap((schema) => Object.entries((schema as { properties?: Record<string, unknown> }).properties ?? {}))
      .filter(([name]) => /amount$/i.test(name))
      .map(([, schema]) => JSON.stringify(schema));
    expect(amountSchemas.length).toBeGreaterThan(4);
    for (const schema of amountSchemas) {
      expect(schema).toContain('"type":"string"');
      expect(schema).not.toContain('"type":"number"');
    }
  });
});
