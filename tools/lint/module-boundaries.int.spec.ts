import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The dependency rules are enforced by the linter, not by hope: each case lints a file that
 * breaks one rule, at a real path in the workspace, and expects the rule to fire.
 */
describe('architecture rules in the lint configuration', () => {
  const root = resolve(__dirname, '../..');

  beforeAll(() => {
    // The Nx rule reads the cached project graph and skips itself when there is none: compute it first.
    const nx = spawnSync(resolve(root, 'node_modules/.bin/nx'), ['show', 'projects'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    if (nx.status !== 0) throw new Error(`nx show projects failed: ${nx.stderr}`);
  }, 60_000);

  // ESLint runs in its own process: its configuration is an ES module, which Jest's sandbox cannot load.
  async function ruleIds(path: string, code: string): Promise<string[]> {
    const eslint = spawnSync(
      process.execPath,
      [resolve(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', '--stdin', '--stdin-filename', path],
      { cwd: root, input: code, encoding: 'utf8', timeout: 60_000 },
    );
    if (eslint.status !== 0 && eslint.status !== 1) throw new Error(`eslint failed: ${eslint.stderr}`);
    const [result] = JSON.parse(eslint.stdout) as Array<{ messages: Array<{ ruleId: string | null; message: string }> }>;
    return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
  }

  it('when a library imports an app › enforce-module-boundaries refuses it', async () => {
    const messages = await ruleIds('libs/messaging/src/bad.ts', "import { PoSyncModule } from '@procurelink/po-sync';\nexport const x = PoSyncModule;\n");
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('when an app imports another app › enforce-module-boundaries refuses it', async () => {
    const messages = await ruleIds('apps/invoice-sync/src/bad.ts', "import { PoSyncModule } from '@procurelink/po-sync';\nexport const x = PoSyncModule;\n");
    expect(messages.join('\n')).toMatch(/@nx\/enforce-module-boundaries/);
  });

  it('when an app imports a library › it is allowed', async () => {
    const messages = await ruleIds('apps/po-sync/src/ok.ts', "import { readWireHeader } from '@procurelink/canonical-schemas';\nexport const x = readWireHeader;\n");
    expect(messages).toEqual([]);
  });

  it('when domain code imports an infrastructure adapter › no-restricted-imports refuses it', async () => {
    const messages = await ruleIds('apps/po-sync/src/orders/domain/decide.ts', "import { ErpHttpAdapter } from '../infra/erp-http.adapter';\nexport const x = ErpHttpAdapter;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*never imports infrastructure adapters/);
  });

  it('when domain code imports a Kafka client › no-restricted-imports refuses it', async () => {
    const messages = await ruleIds('libs/messaging/src/domain/decide.ts', "import { Kafka } from 'kafkajs';\nexport const x = Kafka;\n");
    expect(messages.join('\n')).toMatch(/no-restricted-imports: .*free of clients and frameworks/);
  });

  it('when production code reads process.env outside its configuration entry point › the lint refuses it', async () => {
    const messages = await ruleIds('libs/messaging/src/consumer.ts', "export const brokers = process.env['KAFKA_BROKERS'];\n");
    expect(messages.join('\n')).toMatch(/no-restricted-syntax: read configuration once/);
  });
});
