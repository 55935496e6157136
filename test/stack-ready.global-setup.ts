import { connect } from 'node:net';
import { stackEndpoints } from './stack-env';

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolvePromise(false);
    });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

function hostPort(address: string): [string, number] {
  const url = new URL(address.includes('://') ? address : `tcp://${address}`);
  return [url.hostname, Number(url.port)];
}

/** Integration and end-to-end tiers need the real stack; say so plainly when it is not there. */
export default async function stackReady(): Promise<void> {
  const endpoints = stackEndpoints();
  const checks: Array<[string, string]> = [
    ['Kafka', endpoints.kafkaBrokers[0] ?? ''],
    ['schema registry', endpoints.schemaRegistryUrl],
    ['Redis', endpoints.redisUrl],
    ['PostgreSQL', endpoints.databaseUrl],
  ];
  const missing: string[] = [];
  for (const [name, address] of checks) {
    const [host, port] = hostPort(address);
    if (!(await reachable(host, port))) missing.push(`${name} (${host}:${port})`);
  }
  if (missing.length > 0) {
    throw new Error(`the local stack is not reachable: ${missing.join(', ')}. Start it with: npm run stack -- up`);
  }
}
