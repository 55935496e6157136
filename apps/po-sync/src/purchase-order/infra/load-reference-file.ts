import { readFileSync } from 'node:fs';
import { parseReferenceFile, type ReferenceDirectory } from '../reference/reference-file';

/** A reference-data file that cannot be used: names the file (by path) and every problem. */
export class ReferenceDataError extends Error {
  constructor(path: string, problems: readonly string[]) {
    super(`PO_REFERENCE_DATA_PATH=${path}: the reference data cannot be used:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ReferenceDataError';
  }
}

/** Reads and validates the reference-data file once at start-up; throws ReferenceDataError on any problem. */
export function loadReferenceFile(path: string): ReferenceDirectory {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReferenceDataError(path, [`cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReferenceDataError(path, [`is not JSON: ${(error as Error).message}`]);
  }
  const result = parseReferenceFile(json);
  if (!result.ok) throw new ReferenceDataError(path, result.problems);
  return result.directory;
}
