import type { ProcessingError } from '@procurelink/messaging';
import type {
  ApInvoiceRequest,
  EncumbranceRequest,
  ErpApInvoicePort,
  ErpEncumbrancePort,
  ErpPaymentStatusPort,
  ErpPosting,
  ErpVendorPort,
  PaymentStatusRequest,
  VendorUpsert,
} from '../ports';
import { CoalescingQueue } from './coalescing-queue';
import type { ErpCall } from './erp-call';
import { BATCH_PATH, batchRequestText, batchUnsupported, readBatchAnswer, type BatchedWrite } from './erp-batch-wire';
import { errorFromNetwork, errorFromStatus, parseJsonOrUndefined } from './erp-error-mapping';
import { isReplayed, postingFromSuccess } from './erp-response-mapping';
import { resolveErpHttpOptions } from './erp-http-options';
import { OPERATION_OF, startErpClientSpan, type ErpClientSpan } from './erp-telemetry';
import { HttpTransport, type HttpAnswer } from './http-transport';

/** Path templates of the calls, for span names (low cardinality). */
const TEMPLATE: Record<ErpCall['capability'], string> = {
  vendors: '/erp/v1/vendors/{supplierId}',
  encumbrances: '/erp/v1/encumbrances',
  'ap-invoices': '/erp/v1/ap-invoices',
  payments: '/erp/v1/payments/{paymentId}/status',
};

export interface HttpErpClientOptions {
  /** Where the ERP's REST API lives, e.g. `http://127.0.0.1:3190` (a base path is kept). */
  readonly baseUrl: string;
  /** Per request, answer body included. */
  readonly timeoutMs: number;
  readonly userAgent?: string;
  /**
   * Writes made close together go as one `POST /erp/v1/batch` (each with its own answer): at most
   * `maxItems` per batch, the first waiting at most `lingerMs` (0: the rest of the event-loop turn).
   * Absent or `maxItems: 1`: one request per write. An ERP that answers the batch path with 404 or
   * 405 is sent each write on its own for the next ten minutes; then the batch path is tried again
   * (an ERP adapter upgraded meanwhile is batched without a restart).
   */
  readonly batch?: ErpBatchOptions;
  /** Milliseconds since the epoch; tests move it. Default Date.now. */
  readonly clock?: () => number;
}

export interface ErpBatchOptions {
  readonly maxItems: number;
  readonly lingerMs: number;
}

/** How long writes go singly after the ERP answered the batch path 404 or 405, before it is tried again. */
const BATCH_PATH_RECHECK_MS = 10 * 60_000;

/** A write waiting for its batch, with the span that times it. */
interface QueuedWrite extends BatchedWrite {
  readonly span: ErpClientSpan;
}

/**
 * The four ERP ports over the REST contract of apps/erp-sandbox/CONTRACT.md, over node:http(s)
 * with a keep-alive agent of its own (see http-transport.ts). Each call is a CLIENT span (its
 * traceparent sent along) and feeds the ERP call metrics. `close()` (or Nest's onModuleDestroy)
 * drops the kept-alive sockets.
 */
export class HttpErpClient implements ErpVendorPort, ErpEncumbrancePort, ErpApInvoicePort, ErpPaymentStatusPort {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly userAgent: string;
  private readonly transport: HttpTransport;
  private readonly batches: CoalescingQueue<QueuedWrite, ErpPosting> | null;
  private readonly clock: () => number;
  /** Until when (clock ms) writes go singly because the ERP answered the batch path 404 or 405. */
  private batchPathMissingUntil = 0;

  constructor(options: HttpErpClientOptions) {
    const resolved = resolveErpHttpOptions('HttpErpClient', options);
    ({ baseUrl: this.baseUrl, timeoutMs: this.timeoutMs, userAgent: this.userAgent } = resolved);
    this.transport = new HttpTransport(new URL(this.baseUrl).protocol);
    this.batches = resolved.batch.maxItems > 1 ? new CoalescingQueue(resolved.batch, (writes) => this.sendBatch(writes)) : null;
    this.clock = options.clock ?? Date.now;
  }

  private batchPathUsable(): boolean {
    return this.batchPathMissingUntil === 0 || this.clock() >= this.batchPathMissingUntil;
  }

  /** Closes the kept-alive connections to the ERP; calls still in flight fail as unreachable. */
  close(): void {
    this.transport.close();
  }

  onModuleDestroy(): void {
    this.close();
  }

  upsertVendor(request: VendorUpsert, idempotencyKey: string): Promise<ErpPosting> {
    const { supplierId, ...body } = request;
    const path = `/erp/v1/vendors/${encodeURIComponent(supplierId)}`;
    return this.write({ capability: 'vendors', method: 'PUT', path, idempotencyKey }, body);
  }

  postEncumbrance(request: EncumbranceRequest, idempotencyKey: string): Promise<ErpPosting> {
    return this.write({ capability: 'encumbrances', method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey }, request);
  }

  postApInvoice(request: ApInvoiceRequest, idempotencyKey: string): Promise<ErpPosting> {
    return this.write({ capability: 'ap-invoices', method: 'POST', path: '/erp/v1/ap-invoices', idempotencyKey }, request);
  }

  acknowledgePaymentStatus(request: PaymentStatusRequest, idempotencyKey: string): Promise<ErpPosting> {
    const { paymentId, ...body } = request;
    const path = `/erp/v1/payments/${encodeURIComponent(paymentId)}/status`;
    return this.write({ capability: 'payments', method: 'PUT', path, idempotencyKey }, body);
  }

  private async write(call: ErpCall, body: object): Promise<ErpPosting> {
    const url = `${this.baseUrl}${call.path}`;
    const span = startErpClientSpan({ operation: OPERATION_OF[call.capability], method: call.method, template: TEMPLATE[call.capability], url });
    try {
      const posting =
        this.batches !== null && this.batchPathUsable() ? await this.batches.add({ call, body, span }) : await this.send(call, url, body, span.headers, span.answered);
      span.end();
      return posting;
    } catch (error) {
      span.end(error);
      throw error;
    }
  }

  /** One batch request for the writes; each gets its own outcome (an error only fails its own write). */
  private async sendBatch(writes: readonly QueuedWrite[]): Promise<Array<ErpPosting | Error>> {
    if (!this.batchPathUsable()) return this.sendEach(writes);
    let answer: HttpAnswer;
    try {
      answer = await this.transport.exchange({
        method: 'POST',
        url: `${this.baseUrl}${BATCH_PATH}`,
        headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': this.userAgent },
        body: batchRequestText(writes),
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      return writes.map(({ call }) => errorFromNetwork(call, error, this.timeoutMs));
    }
    if (batchUnsupported(answer.status)) {
      this.batchPathMissingUntil = this.clock() + BATCH_PATH_RECHECK_MS;
      return this.sendEach(writes);
    }
    return readBatchAnswer(writes, answer.status, parseJsonOrUndefined(answer.text)).map(({ status, outcome }, index) => {
      if (status !== null) writes[index]?.span.answered(status);
      return outcome;
    });
  }

  private sendEach(writes: readonly QueuedWrite[]): Promise<Array<ErpPosting | Error>> {
    return Promise.all(
      writes.map(({ call, body, span }) => this.send(call, `${this.baseUrl}${call.path}`, body, span.headers, span.answered).catch((error: unknown) => error as Error)),
    );
  }

  private async send(call: ErpCall, url: string, body: object, trace: Record<string, string>, answered: (status: number) => void): Promise<ErpPosting> {
    let answer: HttpAnswer;
    try {
      answer = await this.transport.exchange({
        method: call.method,
        url,
        headers: {
          ...trace,
          'content-type': 'application/json',
          accept: 'application/json',
          'user-agent': this.userAgent,
          'idempotency-key': call.idempotencyKey,
        },
        body: JSON.stringify(body),
        timeoutMs: this.timeoutMs,
        answered,
      });
    } catch (error) {
      throw errorFromNetwork(call, error, this.timeoutMs);
    }
    const { status } = answer;
    const replayed = isReplayed(headerOf(answer, 'idempotent-replayed'));
    const parsed = parseJsonOrUndefined(answer.text);
    const outcome: ErpPosting | ProcessingError =
      status === 200 || status === 201 ? postingFromSuccess(call, status, parsed, replayed) : errorFromStatus(call, status, parsed);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }
}

/** A response header as fetch's `headers.get` gives it: repeated values joined with `, `, or null. */
function headerOf(answer: HttpAnswer, name: string): string | null {
  const value = answer.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}
