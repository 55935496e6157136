import { randomUUID } from 'node:crypto';
import { stackEndpoints } from '@procurelink/test-support';
import { buildCatalogue, catalogueEntry } from '../catalogue/catalogue';
import { registerCanonicalSchemas } from '../registry/register';
import type { NamedSchemaJson } from '../schema/avro-json';
import { EXIT_CANNOT_CHECK, EXIT_INCOMPATIBLE, EXIT_OK, runCheckCommand } from './check-command';
import type { CommandOutput } from './output';

function capture(): CommandOutput & { text: () => { out: string; err: string } } {
  let out = '';
  let err = '';
  return {
    out: { write: (chunk: string) => (out += chunk) },
    err: { write: (chunk: string) => (err += chunk) },
    text: () => ({ out, err }),
  };
}

describe('npm run schemas:check', () => {
  it('against the real registry › prints a row per canonical subject and exits 0 when all are compatible', async () => {
    const output = capture();
    const code = await runCheckCommand({ SCHEMA_REGISTRY_URL: stackEndpoints().schemaRegistryUrl }, output);
    expect(output.text().err).toBe('');
    expect(code).toBe(EXIT_OK);
    expect(output.text().out).toContain('p2p.invoice.v1-io.procurelink.p2p.v1.InvoiceException');
    expect(output.text().out).toMatch(/all 14 canonical schemas are compatible/);
  });

  it('when a local schema breaks a registered one › exits 1 naming the subject, the reason and what to do', async () => {
    const { schemaRegistryUrl } = stackEndpoints();
    const catalogue = buildCatalogue({ topicPrefix: `test.check-cli.${randomUUID().slice(0, 8)}.` });
    await registerCanonicalSchemas(schemaRegistryUrl, { catalogue });
    const posted = catalogueEntry(catalogue, 'InvoicePosted');
    const schema = posted.schema as NamedSchemaJson;
    const broken = { ...posted, schema: { ...schema, fields: (schema.fields ?? []).filter((f) => f.name !== 'erpDocumentNumber') } };
    const output = capture();
    const code = await runCheckCommand({ SCHEMA_REGISTRY_URL: schemaRegistryUrl }, output, {
      catalogue: catalogue.map((entry) => (entry === posted ? broken : entry)),
    });
    expect(code).toBe(EXIT_INCOMPATIBLE);
    expect(output.text().out).toMatch(new RegExp(`${posted.subject.replace(/\./g, '\\.')} +InvoicePosted +v1 +INCOMPATIBLE`));
    expect(output.text().err).toContain(`1 of 14 canonical schemas are incompatible`);
    expect(output.text().err).toContain(`${posted.subject} (InvoicePosted):\n    - against version 1: required field erpDocumentNumber was removed`);
    expect(output.text().err).toContain('what to do:');
  });

  it('when the registry does not answer › exits 2 and says what to do', async () => {
    const output = capture();
    const code = await runCheckCommand({ SCHEMA_REGISTRY_URL: 'http://127.0.0.1:9/apis/ccompat/v7' }, output);
    expect(code).toBe(EXIT_CANNOT_CHECK);
    expect(output.text().err).toMatch(/could not check the schemas: the schema registry at http:\/\/127\.0\.0\.1:9.*\n {2}what to do:/);
  });

  it('when SCHEMA_REGISTRY_URL is not a URL › exits 2 naming the variable', async () => {
    const output = capture();
    expect(await runCheckCommand({ SCHEMA_REGISTRY_URL: 'registry' }, output)).toBe(EXIT_CANNOT_CHECK);
    expect(output.text().err).toContain('SCHEMA_REGISTRY_URL');
  });
});
