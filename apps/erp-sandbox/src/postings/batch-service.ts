import { Injectable, Logger } from '@nestjs/common';
import { batchWait } from '../domain/batch-faults';
import type { BatchItem } from '../domain/batch-request';
import { BATCH_WRITES } from '../domain/batch-request';
import type { FaultEffect } from '../domain/faults';
import { FaultBoard } from '../faults/fault-board';
import { faultBody } from '../faults/fault-middleware';
import { apiErrorBody, validationFailedBody } from '../http/api-error';
import { answerWrite, type WriteAnswer } from '../http/write-answer';
import { PostingService } from './posting-service';

/** The request's connection, as far as a held batch needs it. */
export interface BatchConnection {
  /** Calls `listener` when the client closes the connection. */
  onClose(listener: () => void): void;
  /** Closes the connection unanswered. */
  drop(): void;
}

/**
 * Runs a decoded batch: each item's fault is decided first (as the fault middleware does for a single
 * call), the batch waits for the longest delay or is held as a whole, then the items are written in
 * order through PostingService, each answered exactly as its single call would be.
 */
@Injectable()
export class BatchService {
  private readonly logger = new Logger('batch');

  constructor(
    private readonly postings: PostingService,
    private readonly board: FaultBoard,
  ) {}

  /** The answers in item order, or null when a `timeout` fault dropped the request. */
  async run(items: readonly BatchItem[], connection: BatchConnection): Promise<WriteAnswer[] | null> {
    const effects = items.map((item) => (item.kind === 'WRITE' ? this.board.decide(item.route.capability) : null));
    const wait = batchWait(effects);
    if (wait.wait === 'DELAY') await new Promise((resolve) => setTimeout(resolve, wait.ms));
    if (wait.wait === 'HOLD') {
      this.logger.debug(`holding a batch of ${items.length} (${wait.ms ?? 'until released'} ms, then ${wait.afterHold})`);
      // A dropped batch is abandoned when the client gives up; one that proceeds is processed late regardless.
      const end = await this.board.hold(wait.ms, (listener) => (wait.afterHold === 'drop' ? connection.onClose(listener) : undefined));
      if (wait.afterHold === 'drop') {
        if (end !== 'ABANDONED') connection.drop();
        return null;
      }
    }
    const answers: WriteAnswer[] = [];
    for (const [index, item] of items.entries()) answers.push(await this.answer(item, effects[index] ?? null));
    return answers;
  }

  private async answer(item: BatchItem, effect: FaultEffect | null): Promise<WriteAnswer> {
    switch (item.kind) {
      case 'INVALID':
        return { status: 400, replayed: false, body: validationFailedBody(item.problems) };
      case 'NOT_FOUND':
        return {
          status: 404,
          replayed: false,
          body: apiErrorBody('NOT_FOUND', `requests[${item.index}] is not a write a batch can carry (${BATCH_WRITES.join(', ')})`),
        };
      case 'WRITE':
        if (effect?.effect === 'FAIL') return { status: effect.status, replayed: false, body: faultBody(item.route.capability) };
        return this.write(item);
    }
  }

  private async write(item: Extract<BatchItem, { kind: 'WRITE' }>): Promise<WriteAnswer> {
    try {
      const outcome = await this.postings.write({
        idempotencyKey: item.idempotencyKey,
        method: item.method,
        path: item.path,
        body: item.body,
        parse: () => item.route.parse(item.body),
      });
      return answerWrite(outcome, item.route.created);
    } catch (error) {
      // One item's failure (the ledger store down) does not hide what the items before it did.
      this.logger.error(`a batch item failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { status: 500, replayed: false, body: apiErrorBody('INTERNAL', 'the sandbox failed unexpectedly; see its log') };
    }
  }
}
