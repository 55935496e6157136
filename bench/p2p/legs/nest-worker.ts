/**
 * Leg (c), run as its own process: the naive NestJS way — @nestjs/microservices' Kafka transport,
 * an @EventPattern handler that takes one message at a time, decodes it (Avro), makes an awaited
 * Redis call (an idempotency SET NX), encodes it and awaits the send through a ClientKafka.
 * Decorators are applied as functions because Node runs this file by stripping types only.
 * Environment: BENCH_BROKERS, BENCH_REGISTRY, BENCH_REDIS, BENCH_INPUT, BENCH_OUTPUT, BENCH_GROUP.
 */
import 'reflect-metadata';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, Ctx, EventPattern, Payload, Transport, type ClientKafka, type MicroserviceOptions } from '@nestjs/microservices';
import { Redis } from 'ioredis';
import { lastValueFrom } from 'rxjs';

interface AvroType {
  fromBuffer(buffer: Buffer): unknown;
  toBuffer(value: unknown): Buffer;
}

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const brokers = env('BENCH_BROKERS').split(',');
const input = env('BENCH_INPUT');
const output = env('BENCH_OUTPUT');
const group = env('BENCH_GROUP');
const registry = new SchemaRegistry({ host: env('BENCH_REGISTRY') });
const redis = new Redis(env('BENCH_REDIS'));
const types = new Map<number, AvroType>();

async function main(): Promise<void> {
  const client = ClientProxyFactory.create({
    transport: Transport.KAFKA,
    options: { client: { clientId: 'bench-nest-client', brokers }, producerOnlyMode: true, producer: { allowAutoTopicCreation: false } },
  }) as ClientKafka;
  await client.connect();

  class BenchController {
    async handle(message: { key: string; value: Buffer }): Promise<void> {
      const value = message.value;
      const id = value.readUInt32BE(1);
      let type = types.get(id);
      if (!type) {
        type = (await registry.getSchema(id)) as unknown as AvroType;
        types.set(id, type);
      }
      const decoded = type.fromBuffer(value.subarray(5));
      await redis.set(`bench:nest:${group}:${message.key}`, '1', 'PX', 600_000, 'NX');
      const encoded = Buffer.concat([value.subarray(0, 5), type.toBuffer(decoded)]);
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
