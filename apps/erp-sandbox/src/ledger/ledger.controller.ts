import { Controller, Get, Inject, Query } from '@nestjs/common';
import { parseLedgerQuery } from '../domain/ledger-query';
import { summariseLedger, type LedgerSummary } from '../domain/ledger-summary';
import { validationFailed } from '../http/api-error';
import { entryView, type EntryView } from './entry-view';
import { LEDGER_STORE, type LedgerStore } from './ledger-store';

/** Every accepted posting, for tests, demos and reconciliation. Never subject to injected faults. */
@Controller('erp/v1/ledger')
export class LedgerController {
  constructor(@Inject(LEDGER_STORE) private readonly ledger: LedgerStore) {}

  @Get()
  async list(@Query() query: Record<string, unknown>): Promise<{ count: number; truncated: boolean; entries: EntryView[] }> {
    const filter = parseLedgerQuery(query);
    if (!filter.ok) throw validationFailed(filter.problems);
    const entries = await this.ledger.list(filter.value);
    return { count: entries.length, truncated: entries.length === filter.value.limit, entries: entries.map(entryView) };
  }

  @Get('summary')
  async summary(@Query() query: Record<string, unknown>): Promise<LedgerSummary> {
    const filter = parseLedgerQuery(query);
    if (!filter.ok) throw validationFailed(filter.problems);
    return summariseLedger(await this.ledger.list({ ...filter.value, limit: Number.MAX_SAFE_INTEGER }));
  }
}
