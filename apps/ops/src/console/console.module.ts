import { Inject, Logger, Module, type DynamicModule, type MiddlewareConsumer, type NestModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CONSOLE_ASSETS, CONSOLE_OPTIONS, type ConsoleOptions } from './console.options';
import { ConsoleApiController } from './http/console-api.controller';
import { ConsolePageController } from './http/console-page.controller';
import { consoleSecurityHeaders } from './http/security-headers.middleware';
import { loadConsoleAssets } from './infra/console-assets';
import { LoopbackOpsApi } from './infra/loopback-ops-api';
import { OPS_API_PORT } from './ops-api.port';

/**
 * The web console at /console: the page and its files, sign-in with a signed session cookie, and
 * /console/api/* forwarded to the app's /v1 ops API with the user's role as scopes.
 */
@Module({})
export class ConsoleModule implements NestModule, OnModuleInit {
  constructor(@Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions) {}

  static forRoot(options: ConsoleOptions): DynamicModule {
    return {
      module: ConsoleModule,
      controllers: [ConsolePageController, ConsoleApiController],
      providers: [
        { provide: CONSOLE_OPTIONS, useValue: options },
        { provide: CONSOLE_ASSETS, useFactory: () => loadConsoleAssets(options.assetsDir) },
        { provide: OPS_API_PORT, inject: [HttpAdapterHost], useFactory: (host: HttpAdapterHost) => new LoopbackOpsApi(host, options.apiCredential, options.apiBaseUrl) },
      ],
    };
  }

  onModuleInit(): void {
    const logger = new Logger('OpsConsole');
    if (this.options.devUsersInUse) logger.warn('OPS_CONSOLE_USERS is unset: the development users viewer/viewer and operator/operator can sign in; never use this outside development');
    if (this.options.devSecretInUse) logger.warn('OPS_CONSOLE_SECRET is unset: sessions are signed with the documented development secret; never use this outside development');
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(consoleSecurityHeaders).forRoutes(ConsolePageController, ConsoleApiController);
  }
}
