import { resolve } from 'node:path';
import { stableEventId } from '@procurelink/canonical-schemas';
import { createRedisIdempotencyStore } from '@procurelink/idempotency';
import { createKafka, createProducer, ensureTopics, failureHeaders, HEADERS, idempotencyClaims, readTopicToEnd, type ErrorCode } from '@procurelink/messaging';
import { deletePrefixedTopics, deleteRedisKeys, stackEndpoints, uniquePrefix } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import { applyMigrations, createOpsPool } from '../db';
import { PgReplayStore } from './infra/pg-replay-store';
import { RedisClaimLookup } from './infra/redis-claim-lookup';
import { RegistryEnvelopeReader } from './infra/registry-envelope-reader';
import { ReplayService } from './replay.service';

const stack = stackEndpoints();
const MIGRATIONS = resolve(__dirname, '../../migrations');
const prefix = uniquePrefix('ops-replay');
const schema = `t_replay_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
const group = `${prefix}procurelink.invoice-sync`;
const sourceTopic = `${prefix}source.ap.invoice.v1`;
const dltTopic = `${prefix}procurelink.invoice-sync.dlt`;
const kafka = createKafka({ clientId: 'ops-replay-int', brokers: stack.kafkaBrokers });

describe('replaying dead letters against the real PostgreSQL, Kafka and Redis', () => {
  let pool: Pool;
  let producer: Producer;
  let redis: Redis;
  let service: ReplayService;
  let offset = 0;
  const clock = { now: Date.parse('2026-01-06T09:30:00Z') };

  /** Inserts a dead letter as ops records it from the DLT: the runtime's failure headers, the original bytes. */
  async function insertDeadLetter(input: { invoiceId: string; errorCode: ErrorCode; message: string; withOrigin?: boolean }): Promise<number> {
    const headers = failureHeaders({
      headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
      origin: { topic: sourceTopic, partition: 0, offset: String(100 + offset), timestamp: String(clock.now - 60_000) },
      group,
      failure: { code: input.errorCode, retriable: false, message: input.message },
      attempts: 3,
      now: clock.now - 30_000,
    });
    if (input.withOrigin === false) delete headers[HEADERS.originalTopic];
    const value = Buffer.from(JSON.stringify({ invoiceId: input.invoiceId, supplierId: 'SUP-1', totalAmount: '120.50', currency: 'EUR' }));
    const { rows } = await pool.query<{ id: string }>(
      `insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, service, consumer_group, original_topic, record_key, business_key, supplier_id,
         error_code, error_message, attempts, first_failure_at, last_failure_at, value, headers, recorded_at)
       values ($1, 0, $2, 'invoice-sync', $3, $4, $5, $5, 'SUP-1', $6, $7, 3, now(), now(), $8, $9, now()) returning id`,
      [dltTopic, offset++, group, sourceTopic, input.invoiceId, input.errorCode, input.message, value, JSON.stringify(headers)],
    );
    return Number(rows[0]?.id);
  }

  const statusOf = async (id: number): Promise<string> => (await pool.query<{ status: string }>('select status from dead_letter where id = $1', [id])).rows[0]?.status ?? '';

  beforeAll(async () => {
    pool = await createOpsPool({ databaseUrl: stack.databaseUrl, schema, max: 4 });
    await applyMigrations(pool, { schema, dir: MIGRATIONS });
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [sourceTopic], 1);
    await admin.disconnect();
    const created = await createProducer(kafka);
    producer = created.producer;
    redis = new Redis(stack.redisUrl);
    service = new ReplayService(new PgReplayStore(pool), new RedisClaimLookup(redis), new RegistryEnvelopeReader(stack.schemaRegistryUrl), created.port, () => clock.now);
  });

  afterAll(async () => {
    await producer?.disconnect();
    await deleteRedisKeys(redis, [`p2p:idem:v1:event:${encodeURIComponent(group)}:*`]);
    await redis?.quit();
    await pool?.end();
    const admin = new Pool({ connectionString: stack.databaseUrl, max: 1 });
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    await deletePrefixedTopics(kafka, prefix);
  });

  it('when an operator dry-runs, then replays a selection › predicts each outcome, publishes only the replayable one, marks it and audits both runs', async () => {
    const replayable = await insertDeadLetter({ invoiceId: 'INV-A', errorCode: 'TARGET_UNAVAILABLE', message: 'ERP answered 503' });
    const claimedDone = await insertDeadLetter({ invoiceId: 'INV-B', errorCode: 'TARGET_UNAVAILABLE', message: 'ERP answered 503' });
    const invalid = await insertDeadLetter({ invoiceId: 'INV-C', errorCode: 'INVALID_INPUT', message: 'totalAmount: must be a decimal' });
    const noOrigin = await insertDeadLetter({ invoiceId: 'INV-D', errorCode: 'TARGET_UNAVAILABLE', message: 'timeout', withOrigin: false });
    const posted = await insertDeadLetter({ invoiceId: 'INV-E', errorCode: 'TARGET_UNAVAILABLE', message: 'timeout' });
    await pool.query(
      `insert into document (doc_type, doc_id, stage, first_seen_at, occurred_at, updated_at) values ('INVOICE', 'INV-E', 'POSTED', now(), now(), now())`,
    );
    // INV-B's event was handled by invoice-sync: its claim is confirmed in the real idempotency store, as the runtime does it
    const [rowB] = (await pool.query<{ value: Buffer }>('select value from dead_letter where id = $1', [claimedDone])).rows;
    const eventIdB = stableEventId('ap-automation', 'INV-B', JSON.stringify(JSON.parse((rowB as { value: Buffer }).value.toString())));
    const store = createRedisIdempotencyStore({ url: stack.redisUrl });
    const claims = idempotencyClaims(store);
    const [claim] = await claims.claimMany([`${group}:${eventIdB}`]);
    await claims.confirmMany([{ key: `${group}:${eventIdB}`, token: (claim as { token: string }).token }]);
    await store.close();

    const ids = [replayable, claimedDone, invalid, noOrigin, posted, 999_999];
    const progress: Array<[number, number]> = [];
    const dry = await service.replay({ selection: { ids }, dryRun: true, actor: 'ops-operator', onProgress: (done, total) => progress.push([done, total]) });

    const verdicts = Object.fromEntries(dry.items.map((item) => [item.id, item.verdict]));
    expect(verdicts).toEqual({
      [replayable]: 'WOULD_REPLAY',
      [claimedDone]: 'ALREADY_TOOK_EFFECT',
      [invalid]: 'WOULD_FAIL_AGAIN',
      [noOrigin]: 'CANNOT_REPLAY',
      [posted]: 'ALREADY_TOOK_EFFECT',
      999999: 'CANNOT_REPLAY',
    });
    expect(dry.items.find((i) => i.id === claimedDone)?.reason).toMatch(/already took effect — would change nothing: event .* claimed as done/);
    expect(dry.items.find((i) => i.id === posted)?.reason).toMatch(/invoice INV-E is POSTED/);
    expect(dry.counts).toMatchObject({ selected: 6, published: 1 });
    expect(progress).toEqual([[5, 5]]);
    expect(await readTopicToEnd(kafka, sourceTopic)).toHaveLength(0);
    for (const id of ids.slice(0, 5)) expect(await statusOf(id)).toBe('OPEN');
    const dryAudit = await service.audit(dry.auditId);
    expect(dryAudit).toMatchObject({ requestedBy: 'ops-operator', dryRun: true, selection: { ids }, counts: { selected: 6 } });
    expect(dryAudit?.outcome).toHaveLength(6);

    clock.now += 60_000;
    const real = await service.replay({ selection: { ids }, dryRun: false, actor: 'ops-operator' });

    expect(real.items.filter((i) => i.publish).map((i) => i.id)).toEqual([replayable]);
    const landed = await readTopicToEnd(kafka, sourceTopic);
    expect(landed).toHaveLength(1);
    expect(landed[0]?.key?.toString()).toBe('INV-A');
    expect(JSON.parse(landed[0]?.value?.toString() ?? '{}')).toMatchObject({ invoiceId: 'INV-A' });
    expect(landed[0]?.headers).toMatchObject({ [HEADERS.replayBy]: 'ops-operator', [HEADERS.replayAt]: new Date(clock.now).toISOString(), [HEADERS.replayCount]: '1' });
    expect(landed[0]?.headers).not.toHaveProperty(HEADERS.errorCode);
    expect(await statusOf(replayable)).toBe('REPLAYED');
    for (const id of [claimedDone, invalid, noOrigin, posted]) expect(await statusOf(id)).toBe('OPEN');
    const items = await pool.query('select dead_letter_id, verdict from replay_item where replay_id = $1', [real.auditId]);
    expect(items.rows).toEqual([{ dead_letter_id: String(replayable), verdict: 'WOULD_REPLAY' }]);

    const history = await service.history({ limit: 10 });
    expect(history.map((h) => [h.id, h.dryRun, h.requestedBy])).toEqual([
      [real.auditId, false, 'ops-operator'],
      [dry.auditId, true, 'ops-operator'],
    ]);

    // a second run finds it replayed, and publishes nothing
    const again = await service.replay({ selection: { ids: [replayable] }, dryRun: false, actor: 'ops-operator' });
    expect(again.items[0]).toMatchObject({ verdict: 'ALREADY_REPLAYED', publish: false });
    expect(await readTopicToEnd(kafka, sourceTopic)).toHaveLength(1);
  });

  it('when a filter selects › replays the OPEN dead letters it matches and no others', async () => {
    const a = await insertDeadLetter({ invoiceId: 'INV-F1', errorCode: 'HANDLER_FAILED', message: 'boom' });
    const b = await insertDeadLetter({ invoiceId: 'INV-F2', errorCode: 'HANDLER_FAILED', message: 'boom' });
    const dry = await service.replay({ selection: { filter: { service: 'invoice-sync', errorCode: 'HANDLER_FAILED', status: 'OPEN' } }, dryRun: true, actor: 'ops-operator' });
    expect(dry.items.map((i) => [i.id, i.verdict])).toEqual([
      [a, 'WOULD_REPLAY'],
      [b, 'WOULD_REPLAY'],
    ]);
    const none = await service.replay({ selection: { filter: { businessKey: 'NO-SUCH-KEY' } }, dryRun: true, actor: 'ops-operator' });
    expect(none.counts.selected).toBe(0);
  });
});
