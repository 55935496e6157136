import { matchesFilter, type LedgerFilter } from '../domain/ledger-query';
import { documentNumber, type LedgerEntry, type PostingKind } from '../domain/posting';
import type { AppendOutcome, LedgerStore, NewLedgerEntry } from '../ledger/ledger-store';

/** The default ledger: in the process's memory, gone when it stops. Single-threaded, so append is atomic. */
export class MemoryLedgerStore implements LedgerStore {
  private entries: LedgerEntry[] = [];
  private readonly byKey = new Map<string, LedgerEntry>();
  private lastSequence = 0;

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async append(entry: NewLedgerEntry): Promise<AppendOutcome> {
    const existing = this.byKey.get(entry.idempotencyKey);
    if (existing !== undefined) return { outcome: 'KEY_TAKEN', existing };
    const sequence = ++this.lastSequence;
    const stored: LedgerEntry = { ...entry, sequence, documentNumber: documentNumber(entry.kind, sequence) };
    this.entries.push(stored);
    this.byKey.set(stored.idempotencyKey, stored);
    return { outcome: 'APPENDED', entry: stored };
  }

  async byIdempotencyKey(key: string): Promise<LedgerEntry | undefined> {
    return this.byKey.get(key);
  }

  async byDocumentNumber(number: string): Promise<LedgerEntry | undefined> {
    return this.entries.find((entry) => entry.documentNumber === number);
  }

  async latest(kind: PostingKind, subjectId: string): Promise<LedgerEntry | undefined> {
    return this.entries.findLast((entry) => entry.kind === kind && entry.subjectId === subjectId);
  }

  async list(filter: LedgerFilter): Promise<LedgerEntry[]> {
    return this.entries.filter((entry) => matchesFilter(entry, filter)).slice(0, filter.limit);
  }

  async replace(entry: LedgerEntry): Promise<boolean> {
    const index = this.entries.findIndex((candidate) => candidate.sequence === entry.sequence);
    if (index < 0) return false;
    this.entries[index] = entry;
    this.byKey.set(entry.idempotencyKey, entry);
    return true;
  }

  async remove(number: string): Promise<boolean> {
    const entry = this.entries.find((candidate) => candidate.documentNumber === number);
    if (entry === undefined) return false;
    this.entries = this.entries.filter((candidate) => candidate !== entry);
    this.byKey.delete(entry.idempotencyKey);
    return true;
  }

  async clear(): Promise<number> {
    const count = this.entries.length;
    this.entries = [];
    this.byKey.clear();
    return count;
  }
}
