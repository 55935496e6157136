import { ConfigError, EnvReader, kafkaClientOptions, readKafkaSecurity, type Env, type KafkaClientSettings } from '@procurelink/service-host';

export interface SimulatorConfig {
  readonly brokers: readonly string[];
  /** Brokers with their TLS / SASL options (KAFKA_SSL*, KAFKA_SASL_*), for every Kafka client the simulator makes. */
  readonly kafka: Omit<KafkaClientSettings, 'clientId'>;
  readonly registryUrl: string;
  readonly topicPrefix: string;
  readonly erpBaseUrl: string;
  readonly supplierApiUrl: string;
  readonly paymentApiUrl: string;
  /** The key the simulated AP lead uses on the system APIs. */
  readonly apiKey: string;
  readonly seed: number;
  /** 2 plays the day twice as fast. */
  readonly speed: number;
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly runId: string;
  /** How long the ERP waits for AP postings to settle before paying them. */
  readonly paymentSettleMs: number;
  readonly paymentDeadlineMs: number;
  /** How long to wait for every invoice of the day to reach an outcome (an early invoice's NO_RECEIPT comes last). */
  readonly outcomeWaitMs: number;
  /** How many tries invoice-sync makes (1 + the retry levels of RETRY_DELAYS_MS): the ERP hiccup lasts that many. */
  readonly invoiceAttempts: number;
}

/** The simulator's settings, each from one variable; every mistake is reported at once. */
export function parseSimulatorConfig(env: Env, now: Date): SimulatorConfig {
  const read = new EnvReader(env);
  const speedText = read.text('SIM_SPEED', '1');
  const speed = Number(speedText);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 100) read.problems.push(`SIM_SPEED=${speedText}: must be a number above 0 and at most 100`);
  const day = read.text('SIM_DAY', now.toISOString().slice(0, 10));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) read.problems.push(`SIM_DAY=${day}: must be a date YYYY-MM-DD`);
  const runId = read.text('SIM_RUN_ID', now.getTime().toString(36));
  if (!/^[a-z0-9]{1,12}$/.test(runId)) read.problems.push(`SIM_RUN_ID=${runId}: must be 1-12 lower-case letters or digits`);
  const brokers = read.text('KAFKA_BROKERS', '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
  const { clientId: _clientId, ...kafka } = kafkaClientOptions({ kafkaBrokers: brokers, kafkaSecurity: readKafkaSecurity(read) }, 'procurelink-simulator');
  const config: SimulatorConfig = {
    brokers,
    kafka,
    registryUrl: read.text('SCHEMA_REGISTRY_URL', 'http://127.0.0.1:8081/apis/ccompat/v7'),
    topicPrefix: read.text('PROCURELINK_TOPIC_PREFIX', ''),
    erpBaseUrl: read.text('ERP_BASE_URL', 'http://127.0.0.1:3190').replace(/\/+$/, ''),
    supplierApiUrl: read.text('SIM_SUPPLIER_API_URL', 'http://127.0.0.1:3101').replace(/\/+$/, ''),
    paymentApiUrl: read.text('SIM_PAYMENT_API_URL', 'http://127.0.0.1:3104').replace(/\/+$/, ''),
    apiKey: read.text('SIM_API_KEY', 'procurelink-dev-key'),
    // Each run plays a different day (quantities, amounts) unless SIM_SEED pins one: the same
    // amounts again would rightly be flagged as near duplicates of the last run's invoices.
    seed: read.positiveInt('SIM_SEED', 1 + (Number.parseInt(runId, 36) % 2_147_483_646)),
    speed,
    day,
    runId,
    paymentSettleMs: read.positiveInt('SIM_PAYMENT_SETTLE_MS', 8000),
    paymentDeadlineMs: read.positiveInt('SIM_PAYMENT_DEADLINE_MS', 120_000),
    outcomeWaitMs: read.positiveInt('SIM_OUTCOME_WAIT_MS', 120_000),
    invoiceAttempts: 1 + read.text('RETRY_DELAYS_MS', '1000,5000,15000,30000,60000,120000').split(',').length,
  };
  if (read.problems.length > 0) throw new ConfigError('simulator', read.problems);
  return config;
}
