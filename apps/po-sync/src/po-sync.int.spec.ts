import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Decimal, type GoodsReceived, type PurchaseOrderApproved, type PurchaseOrderChanged } from '@procurelink/canonical-schemas';
import { createKafka, readTopicToEnd } from '@procurelink/messaging';
import { canonicalDecoder, deletePrefixedTopics, deleteRedisKeys, eventually, produceJson, readCanonicalEvents, readDeadLetters, serviceEnv, stackEndpoints, startErpSandbox, uniquePrefix, type ErpSandboxHandle } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { parsePoSyncConfig, type PoSyncConfig } from './config/po-sync-config';
import { PoSyncModule } from './po-sync.module';
import type { PurchaseOrderState } from './purchase-order/domain';
import { poSyncTopics } from './po-sync.topics';
import { RedisPurchaseOrderStore } from './purchase-order/infra/redis-purchase-order-store';
import { rebuildPurchaseOrders } from './rebuild/rebuild-purchase-orders';

jest.setTimeout(90_000);

const prefix = uniquePrefix('posync');
const topics = poSyncTopics(prefix);
const dlt = `${topics.group}.dlt`;
const stack = stackEndpoints();
const kafka = createKafka({ clientId: `po-sync-int-${Date.now()}`, brokers: stack.kafkaBrokers });
const PO = `PO-${Date.now()}`;

const line = (lineNumber: number, quantity: string, unitPrice: string, lineAmount: string, coding: object, item: object) => ({
  lineNumber,
  item,
  quantity,
  unitPrice,
  lineAmount,
  ...coding,
});
const GLOVES = { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Nitrile gloves, M', gtin: '00812345678905', unitOfMeasure: 'BX' };
const IMPLANT = { itemId: 'ITM-HIP-IMPLANT-52', description: 'Hip implant 52 mm', gtin: '00812345678929', unitOfMeasure: 'EA' };
const ICU = { departmentId: 'DEP-NORTH-ICU', costCentre: 'CC-4100', glAccount: '6100' };
const OR = { departmentId: 'DEP-NORTH-OR', costCentre: 'CC-4200', glAccount: '6110' };

function poRecord(action: string, revision: number, lines: object[], totalAmount: string, extra: object = {}) {
  return {
    action,
    poNumber: PO,
    revision,
    occurredAt: '2026-03-01T10:00:00Z',
    supplierId: 'SUP-MEDLINE',
    orderDate: '2026-03-01',
    currency: 'USD',
    totalAmount,
    shipTo: { facilityId: 'FAC-NORTH' },
    lines,
    ...extra,
  };
}

describe('po-sync on the real stack', () => {
  let sandbox: ErpSandboxHandle;
  let app: INestApplicationContext;
  let producer: Producer;
  let redis: Redis;
  let config: PoSyncConfig;

  const send = (topic: string, key: string, value: unknown) => produceJson(producer, topic, key, value);
  const encumbrances = () => sandbox.ledger({ kind: 'ENCUMBRANCE', subjectId: PO });
  const canonical = () => readCanonicalEvents(kafka, topics.canonical);
  const deadLetters = () => readDeadLetters(kafka, dlt);

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    config = parsePoSyncConfig({
      ...serviceEnv(prefix, sandbox.baseUrl),
      RETRY_DELAYS_MS: '500,1000',
    });
    app = await NestFactory.createApplicationContext(PoSyncModule.forRoot(config), { logger: false });
    await app.init();
    producer = kafka.producer();
    await producer.connect();
    redis = new Redis(stack.redisUrl);
  });

  afterAll(async () => {
    await app?.close();
    await producer?.disconnect();
    await sandbox?.stop();
    if (redis) {
      await deleteRedisKeys(redis, [`p2p:po-sync:v1:${prefix}*`, `*${topics.group}*`]);
      await redis.quit();
    }
    await deletePrefixedTopics(kafka, prefix);
  });

  it('when a PO is approved, changed, received and cancelled › posts each encumbrance once, publishes every canonical event and keeps the state', async () => {
    const approved = poRecord('APPROVED', 0, [line(1, '10', '12.50', '125.00', ICU, GLOVES), line(2, '2', '1450.00', '2900.00', OR, IMPLANT)], '3025.00');
    await send(topics.purchaseOrders, PO, approved);
    await send(topics.purchaseOrders, PO, approved); // the same source record twice

    const afterApproval = await eventually('two encumbrances', encumbrances, (entries) => entries.length >= 2);
    expect(afterApproval.map((e) => [e.idempotencyKey, e.direction, e.amount, e.facilityId])).toEqual([
      [`encumbrance:${PO}:0:1:ENCUMBER`, 'ENCUMBER', '125.00', 'FAC-NORTH'],
      [`encumbrance:${PO}:0:2:ENCUMBER`, 'ENCUMBER', '2900.00', 'FAC-NORTH'],
    ]);

    // A malformed record (money as a JSON number) and one that breaks reference data (an inactive GL account).
    await send(topics.purchaseOrders, 'PO-BROKEN', { ...poRecord('APPROVED', 0, [], '1'), poNumber: 'PO-BROKEN', totalAmount: 10.5 });
    await send(topics.purchaseOrders, 'PO-INACTIVE', {
      ...poRecord('APPROVED', 0, [line(1, '1', '5.00', '5.00', { ...ICU, glAccount: '6190' }, GLOVES)], '5.00'),
      poNumber: 'PO-INACTIVE',
    });
    const changed = poRecord('CHANGED', 1, [line(1, '14', '12.50', '175.00', ICU, GLOVES), line(2, '1', '1450.00', '1450.00', OR, IMPLANT)], '1625.00', {
      changeReason: 'one implant fewer',
    });
    await send(topics.purchaseOrders, PO, changed);

    const afterChange = await eventually('four encumbrances', encumbrances, (entries) => entries.length >= 4);
    expect(afterChange.slice(2).map((e) => [e.idempotencyKey, e.direction, e.amount])).toEqual([
      [`encumbrance:${PO}:1:1:ENCUMBER`, 'ENCUMBER', '50.00'],
      [`encumbrance:${PO}:1:2:RELEASE`, 'RELIEVE', '1450.00'],
    ]);

    const dead = await eventually('two dead letters', deadLetters, (letters) => letters.length >= 2);
    expect(dead.find((d) => d.key === 'PO-BROKEN')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('totalAmount must be a decimal string') });
    expect(dead.find((d) => d.key === 'PO-INACTIVE')).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('INACTIVE_GL_ACCOUNT at lines[0].glAccount') });
    expect(await sandbox.ledger({ kind: 'ENCUMBRANCE', subjectId: 'PO-INACTIVE' })).toEqual([]);

    await send(topics.goodsReceipts, 'GR-1', {
      receiptId: `GR-${PO}`,
      poNumber: PO,
      facilityId: 'FAC-NORTH',
      receivedAt: new Date().toISOString(),
      receivingLocation: 'DOCK-1',
      lines: [{ poLineNumber: 2, item: IMPLANT, quantityReceived: '1', lotNumber: 'LOT-77', expiryDate: '2031-12-31', serialNumber: 'SN-0001', udi: '(01)00812345678929(17)311231(10)LOT-77(21)SN-0001' }],
    });
    await eventually('the GoodsReceived event', canonical, (events) => events.some((e) => e.eventType === 'GoodsReceived'));

    await send(topics.purchaseOrders, PO, { action: 'CANCELLED', poNumber: PO, revision: 1, occurredAt: '2026-03-05T10:00:00Z', reason: 'supplier recall' });
    const all = await eventually('six encumbrances', encumbrances, (entries) => entries.length >= 6);
    expect(all.slice(4).map((e) => [e.idempotencyKey, e.direction, e.amount])).toEqual([
      [`encumbrance:${PO}:1:1:CANCEL_RELEASE`, 'RELEASE', '175.00'],
      [`encumbrance:${PO}:1:2:CANCEL_RELEASE`, 'RELEASE', '1450.00'],
    ]);

    const events = await eventually('four canonical events of the PO', canonical, (list) => list.filter((e) => (e.value as { poNumber: string }).poNumber === PO).length >= 4);
    const mine = events.filter((e) => (e.value as { poNumber: string }).poNumber === PO);
    expect(mine.map((e) => e.eventType)).toEqual(['PurchaseOrderApproved', 'PurchaseOrderChanged', 'GoodsReceived', 'PurchaseOrderCancelled']);
    const approvedEvent = mine[0]?.value as PurchaseOrderApproved;
    expect(approvedEvent.lines.map((l) => [l.lineNumber, l.lineAmount.amount.toString(), l.glAccount.name])).toEqual([
      [1, '125.0000', 'Medical and surgical supplies'],
      [2, '2900.0000', 'Implants and prostheses'],
    ]);
    expect((mine[1]?.value as PurchaseOrderChanged).totalAmount.amount.equals(Decimal.parse('1625'))).toBe(true);
    expect((mine[2]?.value as GoodsReceived).lines[0]).toMatchObject({ poLineNumber: 2, lotNumber: 'LOT-77', expiryDate: '2031-12-31', serialNumber: 'SN-0001', udi: expect.stringContaining('SN-0001') });

    // Nothing was posted twice, whatever was redelivered.
    expect((await encumbrances()).length).toBe(6);

    const store = new RedisPurchaseOrderStore(redis, prefix);
    const live = await store.load(PO);
    expect(live?.state).toMatchObject({ status: 'CANCELLED', revision: 1, receiptIds: [`GR-${PO}`] });
    const numbers = (state: PurchaseOrderState | undefined) =>
      state?.lines.map((l) => [l.lineNumber, ...[l.orderedQuantity, l.receivedQuantity, l.encumbered].map((d) => d.withScale(4).toString())]);
    expect(numbers(live?.state)).toEqual([
      [1, '14.0000', '0.0000', '0.0000'],
      [2, '1.0000', '1.0000', '0.0000'],
    ]);

    // The rebuild from the canonical topic gives the same state.
    const report = await rebuildPurchaseOrders(await readTopicToEnd(kafka, topics.canonical), canonicalDecoder(), store);
    expect(report).toMatchObject({ purchaseOrders: 1, skipped: [] });
    const rebuilt = await store.load(PO);
    expect(numbers(rebuilt?.state)).toEqual(numbers(live?.state));
    const { lines: _rebuiltLines, ...rebuiltRest } = rebuilt?.state ?? { lines: [] };
    const { lines: _liveLines, ...liveRest } = live?.state ?? { lines: [] };
    expect(rebuiltRest).toEqual(liveRest);
    expect(rebuilt?.state.lines.map((l) => [l.coding, l.item])).toEqual(live?.state.lines.map((l) => [l.coding, l.item]));
  });

  it('when a receipt names a PO nobody approved › it is retried through the retry topics, then dead-lettered', async () => {
    await send(topics.goodsReceipts, 'GR-ORPHAN', {
      receiptId: 'GR-ORPHAN',
      poNumber: 'PO-NEVER',
      facilityId: 'FAC-SOUTH',
      receivedAt: '2026-03-02T08:00:00Z',
      lines: [{ poLineNumber: 1, item: GLOVES, quantityReceived: '5', lotNumber: 'L1' }],
    });
    const dead = await eventually('the orphan receipt dead-lettered', deadLetters, (letters) => letters.some((l) => l.key === 'GR-ORPHAN'));
    expect(dead.find((d) => d.key === 'GR-ORPHAN')).toMatchObject({ code: 'HANDLER_FAILED', message: expect.stringContaining('UNKNOWN_PO') });
  });
});
