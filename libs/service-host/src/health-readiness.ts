import { Inject, Injectable, type InjectionToken, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { evaluateReadiness, type ReadinessCheck, type ReadinessReport } from './health-report';
import { kafkaProbe, redisProbe, registryProbe, type Probe } from './health-probes';
import type { KafkaSecurity, RedisAuth, RegistryAuth } from './security-settings';

/** Where the service's dependencies are: the fields of ServiceRuntimeSettings readiness checks. */
export interface ReadinessSettings {
  readonly kafkaBrokers: readonly string[];
  readonly kafkaSecurity?: KafkaSecurity;
  readonly schemaRegistryUrl: string;
  readonly schemaRegistryAuth?: RegistryAuth;
  readonly redisUrl: string;
  readonly redisAuth?: RedisAuth;
}

/** A check of the app's own (e.g. ops' PostgreSQL): its providers are injected into `useFactory`, which returns the probe. */
export interface ExtraReadinessCheck {
  readonly name: string;
  readonly inject?: InjectionToken[];
  readonly useFactory: (...deps: never[]) => () => Promise<void>;
}

export interface ReadinessOptions {
  /** The app's runtime settings: Kafka (broker and the service's consumer), registry and Redis are checked. */
  readonly settings?: ReadinessSettings;
  readonly checks?: readonly ExtraReadinessCheck[];
  /** How long one result answers every probe (default 2000 ms). */
  readonly cacheMs?: number;
  /** How long one check may take (default 1500 ms). */
  readonly timeoutMs?: number;
}

export const SERVICE_NAME = Symbol('SERVICE_NAME');

/**
 * The token under which a service's consumer reports its state (MessagingModule of
 * @procurelink/messaging provides it); a registered symbol, so neither library imports the other.
 */
export const CONSUMER_STATUS = Symbol.for('procurelink.consumer-status');

/** What readiness reads from the consumer: `down` after a crash kafkajs gives up on, or a stop. */
export interface ConsumerStatusSource {
  consumerStatus(): { readonly state: 'starting' | 'running' } | { readonly state: 'down'; readonly reason: string };
}
export const READINESS_OPTIONS = Symbol('READINESS_OPTIONS');
export const EXTRA_READINESS_CHECKS = Symbol('EXTRA_READINESS_CHECKS');

/**
 * GET /health/ready's answer: every dependency checked at once within a timeout, the result
 * cached for a couple of seconds (and shared by concurrent probes) so probes do not hammer them.
 * Kafka is up when the broker answers and the service's consumer, if it has one, runs.
 */
@Injectable()
export class Readiness implements OnApplicationShutdown {
  private readonly probes: Array<{ name: string; probe: Probe }> = [];
  private readonly checks: ReadinessCheck[];
  private readonly cacheMs: number;
  private readonly timeoutMs: number;
  private cached: { at: number; report: Promise<ReadinessReport> } | undefined;

  constructor(
    @Inject(SERVICE_NAME) private readonly service: string,
    @Inject(READINESS_OPTIONS) options: ReadinessOptions,
    @Inject(EXTRA_READINESS_CHECKS) extra: ReadinessCheck[],
    private readonly moduleRef: ModuleRef,
  ) {
    this.cacheMs = options.cacheMs ?? 2_000;
    this.timeoutMs = options.timeoutMs ?? 1_500;
    const { settings } = options;
    if (settings) {
      this.probes.push(
        { name: 'kafka', probe: kafkaProbe(settings, `${service}-health`) },
        { name: 'registry', probe: registryProbe(settings, this.timeoutMs) },
        { name: 'redis', probe: redisProbe(settings, `${service}-health`, this.timeoutMs) },
      );
    }
    this.checks = [
      ...this.probes.map(({ name, probe }) => ({ name, probe: name === 'kafka' ? () => this.kafka(probe) : probe.probe })),
      ...extra,
    ];
  }

  report(): Promise<ReadinessReport> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= this.cacheMs) {
      this.cached = { at: now, report: evaluateReadiness(this.service, this.checks, this.timeoutMs) };
    }
    return this.cached.report;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.probes.map(({ probe }) => probe.close()));
  }

  private async kafka(broker: Probe): Promise<void> {
    const consumer = this.consumerSource()?.consumerStatus();
    if (consumer?.state === 'down') throw new Error(consumer.reason);
    await broker.probe();
    if (consumer?.state === 'starting') throw new Error('the consumer is joining its group');
  }

  private consumerSource(): ConsumerStatusSource | undefined {
    try {
      return this.moduleRef.get<ConsumerStatusSource>(CONSUMER_STATUS, { strict: false });
    } catch {
      return undefined;
    }
  }
}
