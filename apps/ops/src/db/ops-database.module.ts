import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { applyMigrations } from './apply-migrations';
import { createOpsPool } from './ops-pool';

/** The ops PostgreSQL pool (search_path = the ops schema, migrations applied). Inject as `Pool`. */
export const OPS_DB = Symbol('OPS_DB');

export interface OpsDatabaseOptions {
  readonly databaseUrl: string;
  readonly schema: string;
  readonly migrationsDir: string;
}

/**
 * Global: provides OPS_DB to every module of the app. The pool is created and the migrations
 * applied before anything that injects it starts; the pool closes at application shutdown.
 */
@Module({})
export class OpsDatabaseModule {
  static forRoot(options: OpsDatabaseOptions): DynamicModule {
    return {
      module: OpsDatabaseModule,
      global: true,
      providers: [
        {
          provide: OPS_DB,
          useFactory: async (): Promise<Pool> => {
            const pool = await createOpsPool({ databaseUrl: options.databaseUrl, schema: options.schema });
            try {
              await applyMigrations(pool, { schema: options.schema, dir: options.migrationsDir });
            } catch (error) {
              await pool.end();
              throw error;
            }
            return pool;
          },
        },
        {
          provide: Symbol('OPS_DB_CLOSE'),
          inject: [OPS_DB],
          useFactory: (pool: Pool): OnApplicationShutdown => ({
            onApplicationShutdown: async () => {
              await pool.end().catch(() => undefined);
            },
          }),
        },
      ],
      exports: [OPS_DB],
    };
  }
}
