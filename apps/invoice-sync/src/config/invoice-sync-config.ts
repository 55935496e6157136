import { ConfigError, EnvReader, foldConfigProblems, readServiceRuntimeSettings, type Env, type ServiceRuntimeSettings } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';
import { parseMatchConfig, type InvoiceMatchConfig } from '../invoice-received/domain';

/** Everything invoice-sync reads from its environment, parsed once at start-up. */
export interface InvoiceSyncConfig extends ServiceRuntimeSettings {
  /** How often waiting invoices are reviewed (INVOICE_RECEIPT_WAIT_SWEEP_MS). */
  readonly receiptWaitSweepMs: number;
  /** Tolerances, receipt wait, near-duplicate window (parseMatchConfig: INVOICE_* variables). */
  readonly match: InvoiceMatchConfig;
  /** The HTTP system API: API keys / JWT and the body limit (API_KEYS, API_JWT_*, API_BODY_LIMIT_BYTES). */
  readonly api: SystemApiConfig;
}

/** Parses invoice-sync's configuration; throws ConfigError listing every problem, each naming its variable. */
export function parseInvoiceSyncConfig(env: Env): InvoiceSyncConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const runtime = readServiceRuntimeSettings(read);
  const receiptWaitSweepMs = read.positiveInt('INVOICE_RECEIPT_WAIT_SWEEP_MS', 5000);
  const match = parseMatchConfig(env);
  if (!match.ok) problems.push(...match.problems);
  const api = foldConfigProblems(problems, () => parseSystemApiConfig(env));
  if (problems.length > 0 || !match.ok || api === undefined) throw new ConfigError('invoice-sync', problems);
  return { ...runtime, receiptWaitSweepMs, match: match.config, api };
}
