import { Inject, Injectable } from '@nestjs/common';
import { ERP_LEDGER_PORT, type ErpLedgerPort } from '@procurelink/erp-connector';
import { countSlaEvaluations, evaluateSla, isBreach, type SlaCount, type SlaDefinition, type SlaEvaluation, type SlaStop } from './domain';
import { PgSlaSource } from './infra/pg-sla-source';
import { SLA_CLOCK, SLA_DEFINITIONS } from './sla.tokens';

export interface SlaBreachQuery {
  readonly from: Date;
  readonly to: Date;
  readonly slaId: string | null;
  readonly facilityId: string | null;
  readonly limit: number;
}

export interface SlaBreachView {
  readonly sla: string;
  readonly docType: string;
  readonly docId: string;
  readonly facilityId: string | null;
  readonly startEvent: string;
  readonly startedAt: string;
  readonly dueAt: string;
  /** When it was done (late), or null while still open. */
  readonly actualAt: string | null;
  readonly state: 'LATE' | 'OPEN';
}

export interface SlaBreachReport {
  readonly window: { readonly from: string; readonly to: string };
  readonly counts: readonly SlaCount[];
  readonly breaches: readonly SlaBreachView[];
  readonly truncated: boolean;
}

/** SLAs computed on read: start events from ops' documents, ends from the ERP ledger or ops' events. */
@Injectable()
export class SlaService {
  constructor(
    @Inject(SLA_DEFINITIONS) private readonly slas: readonly SlaDefinition[],
    private readonly source: PgSlaSource,
    @Inject(ERP_LEDGER_PORT) private readonly ledger: ErpLedgerPort,
    @Inject(SLA_CLOCK) private readonly clock: () => Date,
  ) {}

  now(): Date {
    return this.clock();
  }

  definitions(): readonly SlaDefinition[] {
    return this.slas;
  }

  async breaches(query: SlaBreachQuery): Promise<SlaBreachReport> {
    const slas = this.slas.filter((sla) => query.slaId === null || sla.id === query.slaId);
    const now = this.clock();
    const evaluations: SlaEvaluation[] = [];
    for (const sla of slas) {
      const starts = await this.source.starts(sla.docType, sla.startEvents, query.from, query.to, query.facilityId);
      const stops = await this.stopsFor(sla, [...new Set(starts.map((start) => start.docId))]);
      evaluations.push(...evaluateSla(sla, starts, stops, now));
    }
    const breaches = evaluations.filter(isBreach);
    return {
      window: { from: query.from.toISOString(), to: query.to.toISOString() },
      counts: countSlaEvaluations(slas, evaluations),
      breaches: breaches.slice(0, query.limit).map(
        (b): SlaBreachView => ({
          sla: b.slaId,
          docType: b.docType,
          docId: b.docId,
          facilityId: b.facilityId,
          startEvent: b.startEvent,
          startedAt: b.startedAt.toISOString(),
          dueAt: b.dueAt.toISOString(),
          actualAt: b.completedAt?.toISOString() ?? null,
          state: b.state as 'LATE' | 'OPEN',
        }),
      ),
      truncated: breaches.length > query.limit,
    };
  }

  private async stopsFor(sla: SlaDefinition, docIds: readonly string[]): Promise<SlaStop[]> {
    if (docIds.length === 0) return [];
    if ('events' in sla.end) return this.source.eventStops(sla.docType, sla.end.events, docIds);
    const wanted = new Set(docIds);
    const postings = await this.ledger.ledger({ kind: sla.end.erpKind });
    return postings
      .filter((posting) => wanted.has(posting.subjectId))
      .map((posting) => ({ docId: posting.subjectId, at: new Date(posting.acceptedAt), status: typeof posting.record['status'] === 'string' ? posting.record['status'] : null }));
  }
}
