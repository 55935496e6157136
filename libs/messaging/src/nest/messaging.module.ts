import { Module, type DynamicModule } from '@nestjs/common';
import { PRODUCER_PORT, type OutboundRecord, type ProducerPort } from '../ports/records';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { MessagingRuntime } from './messaging.runtime';

/**
 * Where readiness (HealthModule of @procurelink/service-host) finds the consumer's state: a
 * registered symbol both libraries name, so neither imports the other.
 */
export const CONSUMER_STATUS = Symbol.for('procurelink.consumer-status');

/** Runs a service's consumers on the Procurelink runtime; options come from the app's configuration. */
@Module({})
export class MessagingModule {
  static forRootAsync(options: {
    readonly imports?: DynamicModule['imports'];
    readonly inject?: Array<string | symbol | (abstract new (...args: never[]) => unknown)>;
    readonly useFactory: (...deps: never[]) => MessagingOptions | Promise<MessagingOptions>;
  }): DynamicModule {
    return {
      module: MessagingModule,
      imports: options.imports ?? [],
      providers: [
        { provide: MESSAGING_OPTIONS, inject: options.inject ?? [], useFactory: options.useFactory },
        MessagingRuntime,
        { provide: CONSUMER_STATUS, useExisting: MessagingRuntime },
        {
          provide: PRODUCER_PORT,
          inject: [MessagingRuntime],
          useFactory: (runtime: MessagingRuntime): ProducerPort => ({
            send: (records: readonly OutboundRecord[]) => runtime.publisher.send(records),
          }),
        },
      ],
      exports: [MessagingRuntime, PRODUCER_PORT],
    };
  }
}
