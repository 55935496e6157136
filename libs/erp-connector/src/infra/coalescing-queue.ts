/** How a coalescing queue decides when to send what it holds. */
export interface CoalescingOptions {
  /** The most items one flush carries (at least 1). */
  readonly maxItems: number;
  /**
   * How long the first item of a flush may wait for company, in ms. 0: until the current turn of
   * the event loop is over (setImmediate), which gathers the calls made by concurrent handlers
   * whose reads came back together, at no added latency.
   */
  readonly lingerMs: number;
}

/** Every item's result, in the order given; an Error rejects that item's promise only. */
export type Flush<I, R> = (items: readonly I[]) => Promise<ReadonlyArray<R | Error>>;

interface Waiting<I, R> {
  readonly item: I;
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Gathers items added close together into one flush: at `maxItems`, or when the linger is over.
 * Each `add` settles with its own item's result. A flush that throws, or answers with the wrong
 * number of results, rejects every item of that flush with the error (nothing is left hanging).
 */
export class CoalescingQueue<I, R> {
  private pending: Array<Waiting<I, R>> = [];
  private timer: { cancel(): void } | null = null;

  constructor(
    private readonly options: CoalescingOptions,
    private readonly flush: Flush<I, R>,
  ) {
    if (!Number.isSafeInteger(options.maxItems) || options.maxItems < 1) throw new Error('CoalescingQueue: maxItems must be a whole number above 0');
    if (!Number.isSafeInteger(options.lingerMs) || options.lingerMs < 0) throw new Error('CoalescingQueue: lingerMs must be a whole number of ms, 0 or more');
  }

  add(item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.maxItems) this.send();
      else if (this.timer === null) this.timer = this.schedule(() => this.send());
    });
  }

  /** Items waiting for their flush. */
  get size(): number {
    return this.pending.length;
  }

  private send(): void {
    this.timer?.cancel();
    this.timer = null;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    void this.settle(batch);
  }

  private async settle(batch: ReadonlyArray<Waiting<I, R>>): Promise<void> {
    let results: ReadonlyArray<R | Error>;
    try {
      results = await this.flush(batch.map((waiting) => waiting.item));
      if (results.length !== batch.length) throw new Error(`a flush of ${batch.length} items answered ${results.length} results`);
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiting of batch) waiting.reject(failure);
      return;
    }
    batch.forEach((waiting, index) => {
      const result = results[index] as R | Error;
      if (result instanceof Error) waiting.reject(result);
      else waiting.resolve(result);
    });
  }

  private schedule(run: () => void): { cancel(): void } {
    if (this.options.lingerMs === 0) {
      const immediate = setImmediate(run);
      return { cancel: () => clearImmediate(immediate) };
    }
    const timeout = setTimeout(run, this.options.lingerMs);
    return { cancel: () => clearTimeout(timeout) };
  }
}
