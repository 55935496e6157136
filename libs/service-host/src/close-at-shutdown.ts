import type { FactoryProvider, InjectionToken, OnApplicationShutdown } from '@nestjs/common';

/** A connection closed with `quit()` (ioredis) or `close()` (e.g. the idempotency store). */
export type Closable = { quit(): Promise<unknown>; disconnect?(): void } | { close(): Promise<unknown> };

function close(connection: Closable): Promise<unknown> {
  if ('close' in connection) return connection.close();
  return connection.quit().catch(() => connection.disconnect?.());
}

/**
 * A provider that closes the connections behind `tokens` at application shutdown, after the
 * consumers have stopped; one failing close does not keep the others open.
 */
export function closeAtShutdown(...tokens: InjectionToken[]): FactoryProvider<OnApplicationShutdown> {
  return {
    provide: Symbol('CLOSE_AT_SHUTDOWN'),
    inject: tokens,
    useFactory: (...connections: Closable[]): OnApplicationShutdown => ({
      async onApplicationShutdown(): Promise<void> {
        await Promise.allSettled(connections.map(close));
      },
    }),
  };
}
