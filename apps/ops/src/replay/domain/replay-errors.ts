/** The selection matches more dead letters than one request may replay. */
export class SelectionTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`the selection matches more than ${limit} dead letters: narrow the filter (time range, service, error code) or replay by ids`);
    this.name = 'SelectionTooLarge';
  }
}

/** A store the verdicts depend on (idempotency store, ops database) could not answer: nothing was published. */
export class ReplayLookupFailed extends Error {
  constructor(what: string, cause: unknown) {
    super(`${what} could not be read, so no verdict can be given and nothing was replayed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'ReplayLookupFailed';
  }
}
