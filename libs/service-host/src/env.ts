/**
 * Small readers for an app's configuration schema. Each returns a value or records a problem
 * naming the variable, so one start-up reports every mistake at once.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: Env) {}

  text(name: string, fallback: string): string {
    const value = this.env[name]?.trim();
    return value === undefined || value === '' ? fallback : value;
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

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.text(name, fallback);
    if (!(allowed as readonly string[]).includes(raw)) {
      this.problems.push(`${name}=${raw}: must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return raw as T;
  }
}
