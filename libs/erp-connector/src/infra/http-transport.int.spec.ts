import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { HttpTransport } from './http-transport';

/** A server on 127.0.0.1 whose answer each test sets; it counts connections and keeps the last request. */
let server: Server;
let baseUrl: string;
let connections = 0;
let openSockets = new Set<Socket>();
let last: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string } = { headers: {}, body: '' };
let respond: (response: ServerResponse) => void = (response) => response.end();

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      last = { method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') };
      respond(response);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections += 1;
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

beforeEach(() => {
  connections = 0;
  openSockets = new Set();
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const waitUntil = async (done: () => boolean): Promise<void> => {
  for (let attempt = 0; attempt < 100 && !done(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('HttpTransport over node:http', () => {
  it('sends method, path, headers and the body with its length, and reads status, headers and the UTF-8 body', async () => {
    respond = (response) => response.writeHead(201, { 'content-type': 'application/json', 'idempotent-replayed': 'true' }).end('{"name":"Müller"}');
    const transport = new HttpTransport('http:');
    const statuses: number[] = [];
    const answer = await transport.exchange({
      method: 'POST',
      url: `${baseUrl}/erp/v1/vendors/SUP%3A1?x=1`,
      headers: { 'idempotency-key': 'key-1', 'user-agent': 'test-agent/1', 'content-type': 'application/json' },
      body: '{"legalName":"Ärzte"}',
      timeoutMs: 1_000,
      answered: (status) => statuses.push(status),
    });
    transport.close();
    expect(answer).toMatchObject({ status: 201, text: '{"name":"Müller"}' });
    expect(answer.headers['idempotent-replayed']).toBe('true');
    expect(statuses).toEqual([201]);
    expect(last).toMatchObject({ method: 'POST', url: '/erp/v1/vendors/SUP%3A1?x=1', body: '{"legalName":"Ärzte"}' });
    expect(last.headers).toMatchObject({ 'idempotency-key': 'key-1', 'user-agent': 'test-agent/1', 'content-length': String(Buffer.byteLength('{"legalName":"Ärzte"}')) });
  });

  it('when called one after another › reuses one kept-alive connection', async () => {
    respond = (response) => response.writeHead(200).end('{}');
    const transport = new HttpTransport('http:');
    for (let call = 0; call < 5; call += 1) await transport.exchange({ method: 'GET', url: `${baseUrl}/ping`, headers: {}, timeoutMs: 1_000 });
    transport.close();
    expect(connections).toBe(1);
  });

  it('when closed › the idle kept-alive connections are closed', async () => {
    respond = (response) => response.writeHead(200).end('{}');
    const transport = new HttpTransport('http:');
    await transport.exchange({ method: 'GET', url: `${baseUrl}/ping`, headers: {}, timeoutMs: 1_000 });
    expect(openSockets.size).toBe(1);
    transport.close();
    await waitUntil(() => openSockets.size === 0);
    expect(openSockets.size).toBe(0);
  });

  it('when the body stalls after the status › fails with a TimeoutError after about timeoutMs, the status already reported', async () => {
    respond = (response) => response.writeHead(200, { 'content-length': '100' }).write('{"partial":');
    const transport = new HttpTransport('http:');
    const statuses: number[] = [];
    const started = Date.now();
    const error = await transport.exchange({ method: 'GET', url: `${baseUrl}/slow`, headers: {}, timeoutMs: 300, answered: (status) => statuses.push(status) }).catch((caught: unknown) => caught);
    transport.close();
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(statuses).toEqual([200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await waitUntil(() => openSockets.size === 0);
    expect(openSockets.size).toBe(0);
  });

  it('when the connection drops in the middle of the body › fails with ECONNRESET, not a truncated answer', async () => {
    respond = (response) => {
      response.writeHead(200, { 'content-length': '100' }).write('{"partial":');
      setTimeout(() => response.socket?.destroy(), 20);
    };
    const transport = new HttpTransport('http:');
    const error = await transport.exchange({ method: 'GET', url: `${baseUrl}/cut`, headers: {}, timeoutMs: 1_000 }).catch((caught: unknown) => caught);
    transport.close();
    expect(error).toMatchObject({ code: 'ECONNRESET' });
  });

  it('when the protocol is not http(s) › refuses to start', () => {
    expect(() => new HttpTransport('ftp:')).toThrow('the protocol must be http: or https:');
  });
});
