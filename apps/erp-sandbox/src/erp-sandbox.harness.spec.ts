// Test helper (not a test): starts the sandbox in-process on an ephemeral port and talks to it over real HTTP.
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseErpSandboxConfig } from './config/erp-sandbox-config';
import { ErpSandboxModule } from './erp-sandbox.module';
import { installBodyParsers } from './http/body-parsing';

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export class Sandbox {
  private constructor(
    private readonly app: INestApplication,
    readonly url: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<Sandbox> {
    const config = parseErpSandboxConfig(env, Date.now());
    const app = await NestFactory.create(ErpSandboxModule.forConfig(config), { logger: false });
    installBodyParsers(app); // as main.ts does through runService's configure
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    return new Sandbox(app, `http://127.0.0.1:${port}`);
  }

  close(): Promise<void> {
    return this.app.close();
  }

  /** A JSON request; `body` is sent as is when it is a string (to send a raw JSON number or broken JSON). */
  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Answer> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text) };
  }

  write(method: 'POST' | 'PUT', path: string, body: unknown, key?: string, signal?: AbortSignal): Promise<Answer> {
    return this.send(method, path, body, key === undefined ? {} : { 'Idempotency-Key': key }, signal);
  }

  get(path: string): Promise<Answer> {
    return this.send('GET', path);
  }

  /** The ledger entries, optionally filtered by a query string such as `kind=ENCUMBRANCE`. */
  async ledger(query = ''): Promise<Array<Record<string, unknown>>> {
    const answer = await this.get(`/erp/v1/ledger${query === '' ? '' : `?${query}`}`);
    if (answer.status !== 200) throw new Error(`ledger read failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.entries;
  }
}

let counter = 0;
/** An encumbrance body; each call is a different PO line unless `overrides` say otherwise. */
export function encumbrance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    poNumber: `PO-${counter}`,
    revision: 1,
    lineNumber: 1,
    glAccount: '5100',
    costCentre: 'CC-ICU',
    facilityId: 'FAC-NORTH',
    amount: '125.50',
    currency: 'USD',
    direction: 'ENCUMBER',
    ...overrides,
  };
}

export function uniqueKey(label: string): string {
  return `${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
}
