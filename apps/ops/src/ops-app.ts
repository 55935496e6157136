import type { DynamicModule } from '@nestjs/common';
import { redisClientOptions } from '@procurelink/service-host';
import type { OpsConfig } from './config/ops-config';
import { ConsoleModule, withConsoleCredential } from './console';
import { OpsModule } from './ops.module';
import { RECONCILIATION_ROUTES, ReconciliationModule } from './reconciliation';
import { REPLAY_ROUTES, ReplayModule } from './replay';
import { SLA_ROUTES, SlaModule } from './sla';

/**
 * The whole ops application: the core (consumers, read API) with replay, reconciliation, SLAs and
 * the web console (which calls the same /v1 API with short-lived tokens carrying its user's role).
 */
export function opsApplication(config: OpsConfig): DynamicModule {
  const erp = { baseUrl: config.erpBaseUrl, timeoutMs: config.erpTimeoutMs };
  const { auth, credential } = withConsoleCredential(config.api.auth);
  return OpsModule.forRoot({ ...config, api: { ...config.api, auth } }, {
    imports: ({ messaging }) => [
      ReplayModule.forRoot({ redisUrl: config.redisUrl, redisOptions: redisClientOptions(config), schemaRegistryUrl: config.schemaRegistryUrl, schemaRegistryAuth: config.schemaRegistryAuth, topicPrefix: config.topicPrefix, imports: [messaging] }),
      ReconciliationModule.forRoot({ erp, intervalMs: config.reconcileIntervalMs }),
      SlaModule.forRoot({ erp, slas: config.slas }),
      ConsoleModule.forRoot({ ...config.console, apiCredential: credential }),
    ],
    routes: [...REPLAY_ROUTES, ...RECONCILIATION_ROUTES, ...SLA_ROUTES],
  });
}
