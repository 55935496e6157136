import { readFileSync } from 'node:fs';

/**
 * Small readers for an app's configuration schema. Each returns a value or records a problem
 * naming the variable, so one start-up reports every mistake at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

/** Reads a mounted file's text (a secret, a certificate); injectable so tests need no files. */
export type ReadFile = (path: string) => string;

const readUtf8: ReadFile = (path) => readFileSync(path, 'utf8');

export class EnvReader {
  readonly problems: string[] = [];

  constructor(
    private readonly env: Env,
    private readonly readFile: ReadFile = readUtf8,
  ) {}

  text(name: string, fallback: string): string {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
  }

  /**
   * A secret from NAME or from the file named by NAME_FILE (a mounted secret; one trailing
   * newline is dropped). Setting both, or a file that cannot be read, is a problem naming the
   * variable and the path — never the value. Undefined when neither is set (or on a problem).
   */
  secret(name: string): string | undefined {
    const direct = this.env[name];
    const path = this.env[`${name}_FILE`]?.trim();
    const hasDirect = direct !== undefined && direct !== '';
    const hasPath = path !== undefined && path !== '';
    if (hasDirect && hasPath) {
      this.problems.push(`${name} / ${name}_FILE: set one of them, not both`);
      return undefined;
    }
    if (hasDirect) return direct;
    if (!hasPath) return undefined;
    let content: string;
    try {
      content = this.readFile(path);
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String((error as { code: unknown }).code)})` : '';
      this.problems.push(`${name}_FILE=${path}: cannot read the file${code}`);
      return undefined;
    }
    const value = content.replace(/\r?\n$/, '');
    if (value === '') {
      this.problems.push(`${name}_FILE=${path}: the file is empty`);
      return undefined;
    }
    return value;
  }

  /** The text of a file named by a variable (a CA bundle, a certificate); undefined when unset. */
  file(name: string): string | undefined {
    const path = this.text(name, '');
    if (path === '') return undefined;
    try {
      return this.readFile(path);
    } catch (error) {
      const code = typeof error === 'object' && error !== null && 'code' in error ? ` (${String((error as { code: unknown }).code)})` : '';
      this.problems.push(`${name}=${path}: cannot read the file${code}`);
      return undefined;
    }
  }

  flag(name: string, fallback: boolean): boolean {
    return this.oneOf(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
  }

  port(name: string, fallback: number): number {
    const raw = this.text(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > 65535) {
      this.problems.push(`${name}=${raw}: must be a TCP port, a whole number from 0 to 65535`);
      return fallback;
    }
    return value;
  }

  positiveInt(name: string, fallback: number): number {
    const raw = this.text(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      this.problems.push(`${name}=${raw}: must be a whole number above 0`);
      return fallback;
    }
    return value;
  }

  /** A whole number from `min` to `max`, both included. */
  wholeNumber(name: string, fallback: number, min: number, max: number): number {
    const raw = this.text(name, String(fallback));
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${raw}: must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name}=${raw}: must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  }
}
