/**
 * Leg (c), run as its own process: the naive NestJS way — @nestjs/microservices' Kafka transport,
 * an @EventPattern handler that takes one message at a time, decodes it (Avro), makes an awaited
 * Redis call (an idempotency SET NX) and awaits the send of the re-encoded value through a ClientKafka.
 * Decorators are applied as functions because Node runs this file by stripping types only.
 * Environment: BENCH_BROKERS, BENCH_REGISTRY, BENCH_REDIS, BENCH_INPUT, BENCH_OUTPUT, BENCH_GROUP.
 */
import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, Ctx, EventPattern, Payload, Transport, type ClientKafka, type MicroserviceOptions } from '@nestjs/microservices';
import { Redis } from 'ioredis';
import { lastValueFrom } from 'rxjs';
import { avroReencoder, env } from './worker-avro.ts';

const brokers = env('BENCH_BROKERS').split(',');
const input = env('BENCH_INPUT');
const output = env('BENCH_OUTPUT');
const group = env('BENCH_GROUP');
const reencode = avroReencoder(env('BENCH_REGISTRY'));
const redis = new Redis(env('BENCH_REDIS'));

async function main(): Promise<void> {
  const client = ClientProxyFactory.create({
    transport: Transport.KAFKA,
    options: { client: { clientId: 'bench-nest-client', brokers }, producerOnlyMode: true, producer: { allowAutoTopicCreation: false } },
  }) as ClientKafka;
  await client.connect();

  class BenchController {
    async handle(message: { key: string; value: Buffer }): Promise<void> {
      const encoded = await reencode(message.value);
      await redis.set(`bench:nest:${group}:${message.key}`, '1', 'PX', 600_000, 'NX');
      await lastValueFrom(client.emit(output, { key: message.key, value: encoded }));
    }
  }
  // With a Kafka transport the handler receives the payload; the key travels in the context, so
  // take the raw message from the context (what a handler needing the key does).
  const descriptor = Object.getOwnPropertyDescriptor(BenchController.prototype, 'handle') as PropertyDescriptor;
  const original = descriptor.value as (message: { key: string; value: Buffer }) => Promise<void>;
  descriptor.value = function (this: BenchController, _payload: unknown, context: { getMessage(): { key: Buffer | string; value: Buffer } }) {
    const raw = context.getMessage();
    return original.call(this, { key: raw.key.toString(), value: raw.value });
  };
  Object.defineProperty(BenchController.prototype, 'handle', descriptor);
  Payload()(BenchController.prototype, 'handle', 0);
  Ctx()(BenchController.prototype, 'handle', 1);
  EventPattern(input)(BenchController.prototype, 'handle', descriptor);
  Controller()(BenchController);

  class BenchModule {}
  Module({ controllers: [BenchController] })(BenchModule);

  const app = await NestFactory.createMicroservice<MicroserviceOptions>(BenchModule, {
    logger: ['error'],
    transport: Transport.KAFKA,
    options: {
      client: { clientId: 'bench-nest', brokers },
      consumer: { groupId: group },
      subscribe: { fromBeginning: true },
      producer: { allowAutoTopicCreation: false },
    },
  });
  await app.listen();
  console.log('bench worker ready');
  const stop = () => void Promise.all([app.close(), client.close(), redis.quit()]).finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
