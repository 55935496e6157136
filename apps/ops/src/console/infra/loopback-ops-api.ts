import type { AddressInfo } from 'node:net';
import type { HttpAdapterHost } from '@nestjs/core';
import type { JwtConfig } from '@procurelink/system-api';
import type { OpsApiAnswer, OpsApiCall, OpsApiPort } from '../ops-api.port';
import { consoleBearerToken } from './console-api-credentials';

const TIMEOUT_MS = 60_000;

/**
 * Calls the /v1 API of the app the console runs in, over the loopback interface, with a token of
 * the user's internal principal: the /v1 guard, scopes, validation and audit apply exactly as for
 * any client. The address is the app's own listening socket unless `baseUrl` is given.
 */
export class LoopbackOpsApi implements OpsApiPort {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly credential: JwtConfig,
    private readonly baseUrl?: string,
  ) {}

  async call(request: OpsApiCall): Promise<OpsApiAnswer> {
    const token = consoleBearerToken(request.user, this.credential, Math.floor(Date.now() / 1000));
    const response = await fetch(`${this.origin()}${request.v1Path}${request.search}`, {
      method: request.method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(request.method === 'POST' ? { 'content-type': 'application/json' } : {}),
      },
      ...(request.method === 'POST' ? { body: JSON.stringify(request.body ?? {}) } : {}),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
  }

  private origin(): string {
    if (this.baseUrl !== undefined) return this.baseUrl.replace(/\/$/, '');
    const address = this.adapterHost.httpAdapter.getHttpServer().address() as AddressInfo | string | null;
    if (address === null || typeof address === 'string') throw new Error('the ops console needs the app to listen on a TCP port to reach its /v1 API');
    const host = ['0.0.0.0', '::', ''].includes(address.address) ? '127.0.0.1' : address.address;
    return `http://${address.family === 'IPv6' && host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }
}
