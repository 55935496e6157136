import { Inject, Injectable } from '@nestjs/common';
import { decideIdempotentWrite, parseIdempotencyKey, requestFingerprint } from '../domain/idempotency';
import type { LedgerEntry, Posting, PostingKind } from '../domain/posting';
import type { Parsed, Problem } from '../domain/problem';
import { CLOCK, type Clock } from '../clock';
import { LEDGER_STORE, type LedgerStore } from '../ledger/ledger-store';

/** A write as the transport hands it over: the key header, the request identity and the parsed body. */
export interface WriteRequest {
  readonly idempotencyKey: string | readonly string[] | undefined;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly parse: () => Parsed<Posting>;
}

export type WriteOutcome =
  | { readonly outcome: 'ACCEPTED'; readonly entry: LedgerEntry }
  | { readonly outcome: 'REPLAYED'; readonly entry: LedgerEntry }
  | { readonly outcome: 'MISSING_KEY'; readonly problems: readonly Problem[] }
  | { readonly outcome: 'INVALID'; readonly problems: readonly Problem[] }
  | { readonly outcome: 'KEY_REUSED'; readonly original: LedgerEntry };

/**
 * Every write: the idempotency key first, then the body, then the ledger. A request already
 * answered is answered again from the ledger and never appended twice; a different request
 * under a used key is refused. Refused requests are not remembered, so the key stays free.
 */
@Injectable()
export class PostingService {
  constructor(
    @Inject(LEDGER_STORE) private readonly ledger: LedgerStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async write(request: WriteRequest): Promise<WriteOutcome> {
    const key = parseIdempotencyKey(request.idempotencyKey);
    if (!key.ok) return { outcome: 'MISSING_KEY', problems: [key.problem] };
    const posting = request.parse();
    if (!posting.ok) return { outcome: 'INVALID', problems: posting.problems };
    const fingerprint = requestFingerprint(request.method, request.path, request.body);
    const before = decideIdempotentWrite(await this.ledger.byIdempotencyKey(key.key), fingerprint);
    if (before.decision !== 'EXECUTE') return answer(before.decision, before.original);
    const appended = await this.ledger.append({
      ...posting.value,
      idempotencyKey: key.key,
      fingerprint,
      acceptedAt: new Date(this.clock()).toISOString(),
    });
    if (appended.outcome === 'APPENDED') return { outcome: 'ACCEPTED', entry: appended.entry };
    // Another request with the same key won the race between the lookup and the append.
    const after = decideIdempotentWrite(appended.existing, fingerprint);
    return answer(after.decision === 'EXECUTE' ? 'CONFLICT' : after.decision, appended.existing);
  }

  async latest(kind: PostingKind, subjectId: string): Promise<LedgerEntry | undefined> {
    return this.ledger.latest(kind, subjectId);
  }

  async byDocumentNumber(kind: PostingKind, documentNumber: string): Promise<LedgerEntry | undefined> {
    const entry = await this.ledger.byDocumentNumber(documentNumber);
    return entry?.kind === kind ? entry : undefined;
  }
}

function answer(decision: 'REPLAY' | 'CONFLICT', original: LedgerEntry): WriteOutcome {
  return decision === 'REPLAY' ? { outcome: 'REPLAYED', entry: original } : { outcome: 'KEY_REUSED', original };
}
