import type { Kafka, Message } from 'kafkajs';
import { cpuOf, rssMiB } from './proc.ts';
import { DEFAULT_VERDICT, judge, type BacklogSample, type Verdict } from './rate-search.ts';
import { NumberLog, type LatencySummary } from './stats.ts';

/** One running instance of a leg: where to offer records, where they come out, which processes work. */
export interface Subject {
  readonly inputTopic: string;
  readonly outputTopic: string;
  /** The process(es) doing the work: CPU per event and peak RSS are theirs. */
  readonly workerPids: readonly number[];
  /** Processes the work calls (the ERP sandbox): their CPU is reported apart. */
  readonly helperPids: readonly number[];
  /** The input record number `seq` of the trial tagged `tag`; its output must carry `keyOf(tag, seq)` as key. */
  record(tag: string, seq: number): Message;
  keyOf(tag: string, seq: number): string;
  /** The tail of the workers' output, for error messages. */
  diagnostics(): string;
  stop(): Promise<void>;
}

export interface TrialOptions {
  readonly rate: number;
  readonly warmupSeconds: number;
  readonly windowSeconds: number;
  /** After the window, how long to wait for the last outputs. */
  readonly drainSeconds: number;
  /** Records sent (and awaited) before the load starts: proves the subject is up and warms it. */
  readonly primeRecords: number;
  readonly primeTimeoutSeconds: number;
}

export interface TrialResult {
  readonly rate: number;
  readonly offeredRate: number;
  readonly verdict: Verdict;
  /** End-to-end latency (output receive time − input create time), ms, of the window's records. */
  readonly latency: LatencySummary;
  /** Window records whose output had not arrived by the end of the drain. */
  readonly missing: number;
  readonly duplicates: number;
  readonly cpuMsPerEvent: number;
  readonly helperCpuMsPerEvent: number;
  readonly peakRssMiB: number;
  readonly aborted: boolean;
}

const TICK_MS = 5;
const MAX_IN_FLIGHT_SENDS = 64;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Matches output keys `<tag><separator><seq>` of one trial to their sequence numbers. */
function seqReader(subject: Subject, tag: string): (key: Buffer | null) => number | undefined {
  const head = subject.keyOf(tag, 0).slice(0, -1); // keyOf ends with the sequence number
  return (key) => {
    if (key === null) return undefined;
    const text = key.toString('latin1');
    if (!text.startsWith(head)) return undefined;
    const seq = Number(text.slice(head.length));
    return Number.isInteger(seq) ? seq : undefined;
  };
}

/**
 * Offers `rate` records/s to a subject for warm-up + window seconds (open loop: records are
 * created on schedule whether or not earlier ones came out, each stamped with its create time),
 * reads the outputs, and judges whether the backlog stayed bounded during the window.
 */
export async function runTrial(kafka: Kafka, subject: Subject, tag: string, options: TrialOptions): Promise<TrialResult> {
  const total = Math.ceil(options.rate * (options.warmupSeconds + options.windowSeconds)) + 1;
  const createdAt = new Float64Array(total);
  const seen = new Uint8Array(total);
  const latencies = new NumberLog(Math.ceil(options.rate * options.windowSeconds) + 16);
  let completed = 0;
  let duplicates = 0;
  let windowFrom = Number.POSITIVE_INFINITY; // first sequence number of the window
  let windowTo = Number.POSITIVE_INFINITY; // one past the last
  let windowDone = 0;
  let primed = 0;

  const primeTag = `${tag}p`;
  const trialSeq = seqReader(subject, tag);
  const primeSeq = seqReader(subject, primeTag);
  const observer = kafka.consumer({ groupId: `bench-observer-${tag}`, maxWaitTimeInMs: 50, maxBytes: 50 * 1024 * 1024 });
  await observer.connect();
  await observer.subscribe({ topic: subject.outputTopic, fromBeginning: true });
  const joined = new Promise<void>((resolve) => observer.on(observer.events.GROUP_JOIN, () => resolve()));
  await observer.run({
    partitionsConsumedConcurrently: 3,
    eachBatch: async ({ batch }) => {
      const now = performance.now();
      for (const message of batch.messages) {
        const seq = trialSeq(message.key);
        if (seq === undefined) {
          if (primeSeq(message.key) !== undefined) primed += 1;
          continue;
        }
        if (seq >= total) continue;
        if (seen[seq] === 1) {
          duplicates += 1;
          continue;
        }
        seen[seq] = 1;
        completed += 1;
        if (seq >= windowFrom && seq < windowTo) {
          windowDone += 1;
          latencies.push(now - (createdAt[seq] as number));
        }
      }
    },
  });
  await joined;

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  const stopEverything = async () => {
    await producer.disconnect();
    await observer.disconnect();
  };
  try {
    // Prime: a few records through the whole path before the clock starts.
    await producer.send({ topic: subject.inputTopic, acks: -1, messages: Array.from({ length: options.primeRecords }, (_, i) => subject.record(primeTag, i)) });
    const primeDeadline = Date.now() + options.primeTimeoutSeconds * 1000;
    while (primed < options.primeRecords) {
      if (Date.now() > primeDeadline) throw new Error(`only ${primed} of ${options.primeRecords} prime records came out of ${subject.outputTopic} within ${options.primeTimeoutSeconds} s; the worker printed:\n${subject.diagnostics().slice(-3000)}`);
      await sleep(50);
    }

    let sent = 0;
    let inFlight = 0;
    let sendError: unknown;
    const started = performance.now();
    const windowStart = started + options.warmupSeconds * 1000;
    const windowEnd = windowStart + options.windowSeconds * 1000;
    const samples: BacklogSample[] = [];
    let cpu: (() => number) | undefined;
    let helperCpu: (() => number) | undefined;
    let sentAtWindowStart = 0;
    let nextSample = windowStart;
    let aborted = false;
    const abortBacklog = Math.max(DEFAULT_VERDICT.minBound, options.rate * DEFAULT_VERDICT.boundSeconds) * 5;

    while (true) {
      const now = performance.now();
      if (now >= windowEnd || aborted) break;
      if (sendError) throw sendError;
      if (cpu === undefined && now >= windowStart) {
        cpu = cpuOf(subject.workerPids);
        helperCpu = cpuOf(subject.helperPids);
        windowFrom = sent;
        sentAtWindowStart = sent;
      }
      if (now >= nextSample && cpu !== undefined) {
        samples.push({ t: (now - windowStart) / 1000, backlog: sent - completed });
        nextSample += 1000;
        if (sent - completed > abortBacklog) aborted = true;
      }
      const due = Math.min(total, Math.floor(((now - started) / 1000) * options.rate));
      if (due > sent && inFlight < MAX_IN_FLIGHT_SENDS) {
        const messages: Message[] = [];
        for (let seq = sent; seq < due; seq++) {
          messages.push(subject.record(tag, seq));
          createdAt[seq] = performance.now();
        }
        sent = due;
        inFlight += 1;
        producer.send({ topic: subject.inputTopic, acks: -1, messages }).then(
          () => (inFlight -= 1),
          (error: unknown) => (sendError = error),
        );
      }
      await sleep(TICK_MS);
    }
    const windowSeconds = (performance.now() - windowStart) / 1000;
    windowTo = sent;
    // Records of the window that already came out before windowTo was known were counted as they came.
    const offeredRate = (sent - sentAtWindowStart) / windowSeconds;
    const windowRecords = sent - windowFrom;
    const drainDeadline = performance.now() + options.drainSeconds * 1000;
    while (windowDone < windowRecords && performance.now() < drainDeadline && !aborted) await sleep(50);
    const cpuMs = cpu?.() ?? 0;
    const helperMs = helperCpu?.() ?? 0;
    const peakRssMiB = subject.workerPids.reduce((max, pid) => Math.max(max, rssMiB(pid).peak), 0);
    const verdict = judge(options.rate, offeredRate, samples);
    return {
      rate: options.rate,
      offeredRate,
      verdict: aborted && verdict.sustainable ? { ...verdict, sustainable: false, reason: 'aborted: backlog ran away' } : verdict,
      latency: latencies.summary(),
      missing: windowRecords - windowDone,
      duplicates,
      cpuMsPerEvent: windowDone > 0 ? cpuMs / windowDone : Number.NaN,
      helperCpuMsPerEvent: windowDone > 0 && subject.helperPids.length > 0 ? helperMs / windowDone : Number.NaN,
      peakRssMiB,
      aborted,
    };
  } finally {
    await stopEverything();
  }
}
