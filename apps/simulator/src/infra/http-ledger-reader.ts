import type { LedgerEntry, LedgerReader } from '../play/ports';

/** Reads the ERP sandbox's ledger (GET /erp/v1/ledger), following afterSequence past truncated pages. */
export class HttpLedgerReader implements LedgerReader {
  constructor(private readonly baseUrl: string) {}

  async entries(query: Readonly<Record<string, string>>): Promise<LedgerEntry[]> {
    const all: LedgerEntry[] = [];
    let after: number | undefined;
    for (let page = 0; page < 100; page += 1) {
      const params = new URLSearchParams({ ...query, limit: '10000', ...(after !== undefined ? { afterSequence: String(after) } : {}) });
      const response = await fetch(`${this.baseUrl}/erp/v1/ledger?${params.toString()}`, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`the ERP ledger answered ${response.status} for ${params.toString()}`);
      const body = (await response.json()) as { entries: LedgerEntry[]; truncated: boolean };
      all.push(...body.entries);
      if (!body.truncated || body.entries.length === 0) return all;
      after = body.entries[body.entries.length - 1]?.sequence;
    }
    return all;
  }
}
