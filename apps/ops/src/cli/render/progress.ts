/** Progress of a chunked replay, as text: a bar redrawn with \r on a terminal, one line per chunk otherwise. */

export interface ChunkProgress {
  /** chunks finished */
  readonly chunk: number;
  readonly chunks: number;
  /** ids sent so far */
  readonly done: number;
  readonly total: number;
}

/** `[##########----------]  50/120 records (chunk 1/3)` */
export function progressBar(progress: ChunkProgress, width = 30): string {
  const ratio = progress.total === 0 ? 1 : Math.min(1, progress.done / progress.total);
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(progress.done).padStart(String(progress.total).length)}/${progress.total} records (chunk ${progress.chunk}/${progress.chunks})`;
}

/** `replay: chunk 1/3 done, 50/120 records` — for logs and pipes. */
export function progressLine(progress: ChunkProgress, label: string): string {
  return `${label}: chunk ${progress.chunk}/${progress.chunks} done, ${progress.done}/${progress.total} records`;
}
