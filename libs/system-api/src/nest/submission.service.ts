import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { PRODUCER_PORT, sanitizeMessage, type ProducerPort } from '@procurelink/messaging';
import { randomUUID } from 'node:crypto';
import { requestFingerprint } from '../domain/canonical-json';
import { ApiProblem, InvalidRequest } from '../domain/problems';
import {
  decideExistingKey,
  idempotencySlot,
  isValidIdempotencyKey,
  receiptFor,
  type IdempotencyRecord,
  type SubmissionInput,
  type SubmissionReceipt,
} from '../domain/submission';
import { SUBMISSION_STORE, type StoredSubmission, type SubmissionStore } from '../domain/submission-store.port';
import { markReplayed } from './replayed';
import { DEFAULT_IDEMPOTENCY_TTL_SECONDS, RECEIPT_TTL_SECONDS, SYSTEM_API_OPTIONS, type SystemApiOptions } from './system-api.options';

export const SUBMITTED_BY_HEADER = 'procurelink.submitted-by';
export const EVENT_ID_HEADER = 'procurelink.event-id';
const WAIT_FOR_FIRST_MS = 10_000;
const POLL_MS = 50;

const unavailable = (what: string): ApiProblem =>
  new ApiProblem(503, 'unavailable', 'Service unavailable', `${what} is unavailable; retry (with the same Idempotency-Key)`, {}, { 'Retry-After': '1' });

/**
 * Accepts a document: publishes it (JSON) to its topic and answers a receipt. With an
 * Idempotency-Key the first request claims the key (SET NX), publishes, then records its
 * receipt under the key; the same key with the same body answers that receipt again (waiting
 * while the first is still publishing), with another body 409. A failed publish releases the key.
 */
@Injectable()
export class SubmissionService implements OnModuleInit {
  private producer!: ProducerPort;
  private readonly logger = new Logger('SystemApi');

  constructor(
    @Inject(SYSTEM_API_OPTIONS) private readonly options: SystemApiOptions,
    @Inject(SUBMISSION_STORE) private readonly store: SubmissionStore,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const token = this.options.producerToken ?? PRODUCER_PORT;
    try {
      this.producer = this.moduleRef.get<ProducerPort>(token, { strict: false });
    } catch {
      throw new Error(`SystemApiModule: no provider for ${String(token)}; import MessagingModule (which exports PRODUCER_PORT) in the service module`);
    }
  }

  async submit(input: SubmissionInput): Promise<SubmissionReceipt> {
    const trackingId = randomUUID();
    if (input.idempotencyKey === undefined) return this.publishAndRecord(input, trackingId, undefined, undefined);
    if (!isValidIdempotencyKey(input.idempotencyKey)) {
      throw new InvalidRequest([{ path: 'header:Idempotency-Key', code: 'INVALID_IDEMPOTENCY_KEY', message: 'must be 1-255 visible ASCII characters' }]);
    }
    const slot = idempotencySlot(input.client, input.idempotencyKey);
    const fingerprint = requestFingerprint(input.documentType, input.value);
    const claim: IdempotencyRecord = { fingerprint, trackingId, state: 'pending' };
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const existing = await this.guard(() => this.store.claim(slot, claim, this.options.idempotencyTtlSeconds ?? DEFAULT_IDEMPOTENCY_TTL_SECONDS));
      if (existing === undefined) return this.publishAndRecord(input, trackingId, slot, fingerprint);
      const decision = decideExistingKey(existing, fingerprint);
      if (decision.kind === 'replay') return markReplayed(decision.receipt);
      if (decision.kind === 'conflict') {
        throw new ApiProblem(409, 'idempotency-key-reused', 'Conflict', 'this Idempotency-Key was already used with a different request body');
      }
      if (Date.now() > deadline) {
        throw new ApiProblem(409, 'idempotency-key-in-progress', 'Conflict', 'a request with this Idempotency-Key is still being processed; retry shortly');
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async publishAndRecord(input: SubmissionInput, trackingId: string, slot: string | undefined, fingerprint: string | undefined): Promise<SubmissionReceipt> {
    const receipt = receiptFor(input, trackingId, new Date());
    try {
      await this.producer.send([
        {
          topic: input.topic,
          key: input.key,
          value: JSON.stringify(input.value),
          headers: { [EVENT_ID_HEADER]: trackingId, [SUBMITTED_BY_HEADER]: input.client },
        },
      ]);
    } catch (error) {
      this.logger.error(`publishing a ${input.documentType} submission failed: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}`);
      if (slot !== undefined) await this.store.release(slot, trackingId).catch(() => undefined);
      throw unavailable('the event log');
    }
    const stored: StoredSubmission = { receipt, client: input.client };
    const done: IdempotencyRecord | undefined = fingerprint === undefined ? undefined : { fingerprint, trackingId, state: 'done', receipt };
    // Published: from here the submission stands. A failure to record it is logged, not answered as an error.
    await this.store.complete(slot, done, stored, RECEIPT_TTL_SECONDS).catch((error: unknown) => {
      this.logger.error(`recording submission ${trackingId} failed: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}`);
    });
    return receipt;
  }

  async find(trackingId: string): Promise<StoredSubmission | undefined> {
    return this.guard(() => this.store.find(trackingId));
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`submission store: ${sanitizeMessage(error instanceof Error ? error.message : String(error))}`);
      throw unavailable('the submission store');
    }
  }
}
