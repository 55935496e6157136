import { CoalescingQueue, type Flush } from './coalescing-queue';

function recorder(answer: (items: readonly number[]) => ReadonlyArray<string | Error> = (items) => items.map((n) => `r${n}`)) {
  const flushes: number[][] = [];
  const flush: Flush<number, string> = async (items) => {
    flushes.push([...items]);
    return answer(items);
  };
  return { flushes, flush };
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingQueue', () => {
  it('when items are added in the same turn › sends them in one flush and answers each with its own result', async () => {
    const { flushes, flush } = recorder();
    const queue = new CoalescingQueue({ maxItems: 10, lingerMs: 0 }, flush);
    const results = await Promise.all([queue.add(1), queue.add(2), queue.add(3)]);
    expect(flushes).toEqual([[1, 2, 3]]);
    expect(results).toEqual(['r1', 'r2', 'r3']);
  });

  it('when maxItems is reached › flushes at once and starts a new batch for the rest', async () => {
    const { flushes, flush } = recorder();
    const queue = new CoalescingQueue({ maxItems: 2, lingerMs: 0 }, flush);
    const all = Promise.all([1, 2, 3, 4, 5].map((n) => queue.add(n)));
    expect(flushes).toEqual([[1, 2], [3, 4]]); // the full ones went before the turn ended
    await expect(all).resolves.toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(flushes).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('when items come in later turns › each turn is its own flush', async () => {
    const { flushes, flush } = recorder();
    const queue = new CoalescingQueue({ maxItems: 10, lingerMs: 0 }, flush);
    const first = queue.add(1);
    await turn();
    const second = queue.add(2);
    await Promise.all([first, second]);
    expect(flushes).toEqual([[1], [2]]);
  });

  it('when lingerMs is set › waits that long for company before flushing', async () => {
    const { flushes, flush } = recorder();
    const queue = new CoalescingQueue({ maxItems: 10, lingerMs: 30 }, flush);
    const first = queue.add(1);
    await turn();
    expect(flushes).toEqual([]);
    const second = queue.add(2);
    await Promise.all([first, second]);
    expect(flushes).toEqual([[1, 2]]);
  });

  it('when one item fails › only that item is rejected', async () => {
    const { flush } = recorder((items) => items.map((n) => (n === 2 ? new Error('item 2 refused') : `r${n}`)));
    const queue = new CoalescingQueue({ maxItems: 10, lingerMs: 0 }, flush);
    const outcomes = await Promise.allSettled([queue.add(1), queue.add(2), queue.add(3)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('item 2 refused'));
  });

  it('when the flush throws › every item of that flush is rejected with the error', async () => {
    const queue = new CoalescingQueue<number, string>({ maxItems: 10, lingerMs: 0 }, async () => {
      throw new Error('connection refused');
    });
    const outcomes = await Promise.allSettled([queue.add(1), queue.add(2)]);
    expect(outcomes).toEqual([
      { status: 'rejected', reason: new Error('connection refused') },
      { status: 'rejected', reason: new Error('connection refused') },
    ]);
    expect(queue.size).toBe(0);
  });

  it('when the flush answers the wrong number of results › every item is rejected, none hangs', async () => {
    const { flush } = recorder((items) => items.slice(1).map((n) => `r${n}`));
    const queue = new CoalescingQueue({ maxItems: 10, lingerMs: 0 }, flush);
    const outcomes = await Promise.allSettled([queue.add(1), queue.add(2)]);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect((outcomes[0] as PromiseRejectedResult).reason.message).toBe('a flush of 2 items answered 1 results');
  });

  it('when options are out of range › refuses them', () => {
    const { flush } = recorder();
    expect(() => new CoalescingQueue({ maxItems: 0, lingerMs: 0 }, flush)).toThrow('maxItems');
    expect(() => new CoalescingQueue({ maxItems: 2, lingerMs: -1 }, flush)).toThrow('lingerMs');
    expect(() => new CoalescingQueue({ maxItems: 1.5, lingerMs: 0 }, flush)).toThrow('maxItems');
  });
});
