/** Aligned plain-text tables and key/value blocks for people (no colours, no box drawing). */

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
  /** longer cells are cut with … (default 60) */
  readonly maxWidth?: number;
}

const GAP = '  ';

function fit(value: string, maxWidth: number): string {
  const flat = value.replace(/\s*\n\s*/g, ' ');
  return flat.length > maxWidth ? `${flat.slice(0, Math.max(1, maxWidth - 1))}…` : flat;
}

/** A header row, then one row per entry, columns padded to their widest cell; trailing spaces trimmed. */
export function renderTable(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>, indent = ''): string {
  const cells = rows.map((row) => columns.map((column, i) => fit(row[i] ?? '', column.maxWidth ?? 60)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]): string =>
    (indent + row.map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(GAP)).trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n');
}

/** `label  value` lines with the labels padded to the longest. */
export function renderKeyValues(pairs: ReadonlyArray<readonly [string, string]>, indent = '  '): string {
  const width = Math.max(0, ...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `${indent}${label.padEnd(width)}${GAP}${value}`.trimEnd()).join('\n');
}
