import { resolve } from 'node:path';
import { ConfigError, EnvReader, foldConfigProblems, readServiceRuntimeSettings, type Env, type ServiceRuntimeSettings } from '@procurelink/service-host';
import { parseSystemApiConfig, type SystemApiConfig } from '@procurelink/system-api';
import { parsePoSyncDecisionConfig, type ReceiptRules } from '../purchase-order/domain';

/** The demo network's reference data, shipped with the app (apps/po-sync/reference-data). */
export const DEFAULT_REFERENCE_DATA_PATH = resolve(__dirname, '../../reference-data/demo-network.json');

/** Everything po-sync reads from its environment, parsed once at start-up. */
export interface PoSyncConfig extends ServiceRuntimeSettings {
  readonly referenceDataPath: string;
  readonly receiptRules: ReceiptRules;
  /** The HTTP system API: credentials (API key hashes, JWT settings) and the body limit. */
  readonly api: SystemApiConfig;
}

/** Parses po-sync's configuration; throws ConfigError listing every problem, each naming its variable. */
export function parsePoSyncConfig(env: Env): PoSyncConfig {
  const read = new EnvReader(env);
  const problems = read.problems;
  const runtime = readServiceRuntimeSettings(read);
  const referenceDataPath = resolve(read.text('PO_REFERENCE_DATA_PATH', DEFAULT_REFERENCE_DATA_PATH));
  const decisions = parsePoSyncDecisionConfig(env);
  if (!decisions.ok) problems.push(...decisions.problems);
  const api = foldConfigProblems(problems, () => parseSystemApiConfig(env));
  if (problems.length > 0 || !decisions.ok || api === undefined) throw new ConfigError('po-sync', problems);
  return { ...runtime, referenceDataPath, receiptRules: decisions.config, api };
}
