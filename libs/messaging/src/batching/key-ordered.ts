/**
 * Runs `work` over records so that records of one key run strictly in order while different
 * keys run concurrently, at most `concurrency` keys at a time. Resolves when all are done;
 * a failing `work` stops only the rest of its own key and is reported in its slot.
 */
export async function runKeyOrdered<R, T>(
  records: readonly R[],
  keyOf: (record: R) => string,
  concurrency: number,
  work: (record: R) => Promise<T>,
): Promise<Array<{ ok: true; value: T } | { ok: false; error: unknown }>> {
  const lanes = new Map<string, number[]>();
  records.forEach((record, index) => {
    const key = keyOf(record);
    const lane = lanes.get(key);
    if (lane) lane.push(index);
    else lanes.set(key, [index]);
  });
  const results: Array<{ ok: true; value: T } | { ok: false; error: unknown }> = new Array(records.length);
  const queue = [...lanes.values()];
  const runLane = async (lane: number[]): Promise<void> => {
    let failed: unknown;
    for (const index of lane) {
      if (failed !== undefined) {
        results[index] = { ok: false, error: failed };
        continue;
      }
      try {
        results[index] = { ok: true, value: await work(records[index] as R) };
      } catch (error) {
        failed = error ?? new Error('failed');
        results[index] = { ok: false, error: failed };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, async () => {
    for (let lane = queue.shift(); lane !== undefined; lane = queue.shift()) await runLane(lane);
  });
  await Promise.all(workers);
  return results;
}
