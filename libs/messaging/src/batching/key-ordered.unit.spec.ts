import { runKeyOrdered } from './key-ordered';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('running a batch in order per key', () => {
  it('when keys interleave › records of one key run strictly in order while keys overlap', async () => {
    const records = ['a1', 'b1', 'a2', 'c1', 'b2', 'a3'];
    const started: string[] = [];
    let running = 0;
    let maxRunning = 0;
    await runKeyOrdered(records, (r) => r[0] as string, 3, async (r) => {
      started.push(r);
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await tick(r.startsWith('a') ? 5 : 1);
      running -= 1;
    });
    for (const key of ['a', 'b', 'c']) {
      const order = started.filter((r) => r.startsWith(key));
      expect(order).toEqual([...order].sort());
    }
    expect(maxRunning).toBe(3);
  });

  it('when concurrency is 1 › keys run one after another', async () => {
    let running = 0;
    let maxRunning = 0;
    await runKeyOrdered(['a', 'b', 'c'], (r) => r, 1, async () => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      await tick(1);
      running -= 1;
    });
    expect(maxRunning).toBe(1);
  });

  it('when a record of a key fails › the rest of that key is not run and reports the failure; other keys go on', async () => {
    const ran: string[] = [];
    const results = await runKeyOrdered(['a1', 'a2', 'b1'], (r) => r[0] as string, 2, async (r) => {
      ran.push(r);
      if (r === 'a1') throw new Error('producer down');
      return r;
    });
    expect(ran.sort()).toEqual(['a1', 'b1']);
    expect(results[0]).toMatchObject({ ok: false });
    expect(results[1]).toMatchObject({ ok: false });
    expect(results[2]).toEqual({ ok: true, value: 'b1' });
  });
});
