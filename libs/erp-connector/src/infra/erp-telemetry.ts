import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { erpInstruments, startLeanSpan } from '@procurelink/observability';
import type { ErpCapability } from './erp-call';

const tracer = trace.getTracer('@procurelink/erp-connector');

/** The `operation` label of the ERP metrics: the port method that made the call. */
export type ErpOperation = 'upsertVendor' | 'postEncumbrance' | 'postApInvoice' | 'acknowledgePaymentStatus' | 'ledgerPage' | 'ledgerSummary';

export const OPERATION_OF: Record<ErpCapability, ErpOperation> = {
  vendors: 'upsertVendor',
  encumbrances: 'postEncumbrance',
  'ap-invoices': 'postApInvoice',
  payments: 'acknowledgePaymentStatus',
};

/** The `outcome` label: ok, or what a failure's code says about the ERP's answer. */
export type ErpOutcome = 'ok' | 'unavailable' | 'rejected' | 'invalid';

export function outcomeOf(error: unknown): ErpOutcome {
  if (error === undefined) return 'ok';
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'INVALID_INPUT') return 'invalid';
  if (code === 'TARGET_REJECTED') return 'rejected';
  return 'unavailable';
}

export interface ErpClientCall {
  readonly operation: ErpOperation;
  readonly method: 'GET' | 'PUT' | 'POST';
  /** The path template, low cardinality: `/erp/v1/vendors/{supplierId}`. */
  readonly template: string;
  /** The full URL; parsed only when the span records. */
  readonly url: string;
}

export interface ErpClientSpan {
  /** Request headers carrying the span's W3C traceparent; add them to the outgoing request. */
  readonly headers: Record<string, string>;
  /** The ERP answered with this status (before the body is judged). */
  answered(status: number): void;
  /** The call is over: ends the span and records the duration and, on failure, the error count. */
  end(error?: unknown): void;
}

/**
 * A CLIENT span per ERP call (HTTP client semantic conventions: `METHOD template`, method,
 * server address and port, full URL, response status, error.type), child of the active span
 * (the consumer's process span), plus `procurelink.erp.call.duration` {operation, outcome} and
 * `procurelink.erp.call.errors` {operation, code}.
 */
export function startErpClientSpan(call: ErpClientCall): ErpClientSpan {
  const started = performance.now();
  const parent = context.active();
  const span: Span = startLeanSpan(tracer, `${call.method} ${call.template}`, SpanKind.CLIENT, parent, () => {
    const url = new URL(call.url);
    return {
      'http.request.method': call.method,
      'server.address': url.hostname,
      'server.port': url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
      'url.full': url.toString(),
      'url.template': call.template,
      'procurelink.erp.operation': call.operation,
    };
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(parent, span), headers);
  let answeredWith: number | undefined;
  return {
    headers,
    answered: (status) => {
      answeredWith = status;
      if (!span.isRecording()) return;
      span.setAttribute('http.response.status_code', status);
      if (status >= 400) span.setAttribute('error.type', String(status));
    },
    end: (error?: unknown) => {
      const outcome = outcomeOf(error);
      const { callDuration, callErrors } = erpInstruments();
      callDuration.record((performance.now() - started) / 1000, { operation: call.operation, outcome });
      if (error !== undefined) {
        const code = String((error as { code?: unknown } | null)?.code ?? 'UNKNOWN');
        callErrors.add(1, { operation: call.operation, code });
        span.setStatus({ code: SpanStatusCode.ERROR, message: code });
        if (answeredWith === undefined || answeredWith < 400) span.setAttribute('error.type', code);
      }
      span.end();
    },
  };
}
