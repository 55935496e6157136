import { STATUS_OF_START_EVENT, type SlaDefinition } from './sla-definition';

/** An event that starts an SLA's clock for a document. */
export interface SlaStart {
  readonly docId: string;
  readonly facilityId: string | null;
  readonly eventType: string;
  readonly at: Date;
}

/** Something that stops the clock: an ERP posting (with the status it acknowledges) or an event. */
export interface SlaStop {
  readonly docId: string;
  readonly at: Date;
  readonly status: string | null;
}

export type SlaState = 'MET' | 'LATE' | 'OPEN' | 'PENDING';

export interface SlaEvaluation {
  readonly slaId: string;
  readonly docType: string;
  readonly docId: string;
  readonly facilityId: string | null;
  readonly startEvent: string;
  readonly startedAt: Date;
  readonly dueAt: Date;
  /** When the end came, or null while it has not. */
  readonly completedAt: Date | null;
  /** MET in time · LATE after the due time · OPEN overdue without an end · PENDING not due yet. */
  readonly state: SlaState;
}

/** A breach is LATE (done after due) or OPEN (overdue, not done). */
export const isBreach = (evaluation: SlaEvaluation): boolean => evaluation.state === 'LATE' || evaluation.state === 'OPEN';

/**
 * Evaluates one SLA per start event: the end is the first stop of the same document at or after
 * the start (or, with `sameStatus`, the stop acknowledging the status the start event announced,
 * whenever it came); due = start + withinMs.
 */
export function evaluateSla(sla: SlaDefinition, starts: readonly SlaStart[], stops: readonly SlaStop[], now: Date): SlaEvaluation[] {
  const byDoc = new Map<string, SlaStop[]>();
  for (const stop of [...stops].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const list = byDoc.get(stop.docId);
    if (list) list.push(stop);
    else byDoc.set(stop.docId, [stop]);
  }
  const sameStatus = 'erpKind' in sla.end && sla.end.sameStatus === true;
  return starts
    .filter((start) => sla.startEvents.includes(start.eventType))
    .map((start) => {
      const candidates = byDoc.get(start.docId) ?? [];
      const wanted = STATUS_OF_START_EVENT[start.eventType];
      const stop = sameStatus
        ? candidates.find((candidate) => candidate.status === wanted)
        : candidates.find((candidate) => candidate.at.getTime() >= start.at.getTime());
      const dueAt = new Date(start.at.getTime() + sla.withinMs);
      const completedAt = stop?.at ?? null;
      return {
        slaId: sla.id,
        docType: sla.docType,
        docId: start.docId,
        facilityId: start.facilityId,
        startEvent: start.eventType,
        startedAt: start.at,
        dueAt,
        completedAt,
        state: stateOf(dueAt, completedAt, now),
      };
    })
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0));
}

function stateOf(dueAt: Date, completedAt: Date | null, now: Date): SlaState {
  if (completedAt !== null) return completedAt.getTime() <= dueAt.getTime() ? 'MET' : 'LATE';
  return now.getTime() > dueAt.getTime() ? 'OPEN' : 'PENDING';
}

export interface SlaCount {
  readonly slaId: string;
  readonly description: string;
  readonly withinMs: number;
  readonly evaluated: number;
  readonly met: number;
  readonly pending: number;
  readonly late: number;
  readonly open: number;
  readonly breaches: number;
}

/** Counts per SLA, every SLA listed even with nothing to evaluate. */
export function countSlaEvaluations(slas: readonly SlaDefinition[], evaluations: readonly SlaEvaluation[]): SlaCount[] {
  return slas.map((sla) => {
    const mine = evaluations.filter((evaluation) => evaluation.slaId === sla.id);
    const count = (state: SlaState): number => mine.filter((evaluation) => evaluation.state === state).length;
    return {
      slaId: sla.id,
      description: sla.description,
      withinMs: sla.withinMs,
      evaluated: mine.length,
      met: count('MET'),
      pending: count('PENDING'),
      late: count('LATE'),
      open: count('OPEN'),
      breaches: count('LATE') + count('OPEN'),
    };
  });
}
