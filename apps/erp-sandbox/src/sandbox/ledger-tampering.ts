import { Inject, Injectable } from '@nestjs/common';
import { alterEntry, type Tamper } from '../domain/tamper';
import { apiError, notFound } from '../http/api-error';
import { entryView, type EntryView } from '../ledger/entry-view';
import { LEDGER_STORE, type LedgerStore } from '../ledger/ledger-store';
import { SANDBOX_OPTIONS, type SandboxOptions } from './sandbox-options';

export type TamperResult =
  | { readonly action: 'alter'; readonly before: EntryView; readonly after: EntryView }
  | { readonly action: 'delete'; readonly before: EntryView };

/** Reset and tamper: what a test or a reconciliation demo does to the ledger behind Procurelink's back. */
@Injectable()
export class LedgerTampering {
  constructor(
    @Inject(LEDGER_STORE) private readonly ledger: LedgerStore,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {}

  async reset(): Promise<{ cleared: number }> {
    this.assertAllowed('reset');
    return { cleared: await this.ledger.clear() };
  }

  async tamper(tamper: Tamper): Promise<TamperResult> {
    this.assertAllowed('tamper');
    const entry = await this.ledger.byDocumentNumber(tamper.documentNumber);
    if (entry === undefined) throw notFound(`document ${tamper.documentNumber}`);
    if (tamper.action === 'delete') {
      if (!(await this.ledger.remove(entry.documentNumber))) throw notFound(`document ${tamper.documentNumber}`);
      return { action: 'delete', before: entryView(entry) };
    }
    if (entry.amount === null) {
      throw apiError('VALIDATION_FAILED', `${entry.documentNumber} carries no amount to alter`, [
        { path: 'documentNumber', code: 'INCONSISTENT', message: 'names a posting without money (a vendor upsert); delete it instead' },
      ]);
    }
    const altered = alterEntry(entry, tamper.amount, tamper.currency);
    if (!(await this.ledger.replace(altered))) throw notFound(`document ${tamper.documentNumber}`);
    return { action: 'alter', before: entryView(entry), after: entryView(altered) };
  }

  /** Refuses (403) unless the sandbox was started with ERP_SANDBOX_ALLOW_RESET=true. */
  assertAllowed(operation: string): void {
    if (!this.options.allowReset) {
      throw apiError('SANDBOX_GUARDED', `${operation} is switched off; start the sandbox with ERP_SANDBOX_ALLOW_RESET=true to allow it`);
    }
  }
}
