import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ApiProblem, PublicRoute, rateLimitKey, SystemApiRateLimit } from '@procurelink/system-api';
import { signSession } from '../domain/session-token';
import { checkPassword } from '../domain/users';
import type { ConsoleAsset } from '../infra/console-assets';
import { CONSOLE_ASSETS, CONSOLE_OPTIONS, type ConsoleOptions } from '../console.options';
import { sessionCookie, sessionUser } from './console-session';
import { CSRF_HEADER, header, sendProblem, type ConsoleRequest, type ConsoleResponse } from './http-types';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Sign-in attempts per address per minute (whatever the outcome): slows password guessing to a crawl. */
export const CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE = 10;

/** The page, its files, and signing in and out. Public for the /v1 guard: the console checks its own session. */
@Controller('console')
@PublicRoute()
export class ConsolePageController {
  constructor(
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
    @Inject(CONSOLE_ASSETS) private readonly assets: ReadonlyMap<string, ConsoleAsset>,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  page(@Res() response: ConsoleResponse): void {
    this.sendAsset(response, 'index.html');
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() response: ConsoleResponse): void {
    this.sendAsset(response, name);
  }

  @Get('session')
  session(@Req() request: ConsoleRequest, @Res() response: ConsoleResponse): void {
    const user = sessionUser(request, this.options.sessionSecret);
    if (user === undefined) return sendProblem(response, 401, 'unauthorized', 'Unauthorized', 'sign in to the console');
    response.status(200).setHeader('content-type', 'application/json');
    response.send(JSON.stringify(user));
  }

  @Post('login')
  @HttpCode(200)
  async login(@Req() request: ConsoleRequest, @Body() body: unknown, @Res() response: ConsoleResponse): Promise<void> {
    if (header(request, CSRF_HEADER) === undefined) return sendProblem(response, 403, 'csrf', 'Forbidden', `a console POST needs the ${CSRF_HEADER} header`);
    const limited = await this.loginLimited(request);
    if (limited !== undefined) {
      for (const [name, value] of Object.entries(limited.headers)) response.setHeader(name, value);
      return sendProblem(response, 429, 'too-many-requests', 'Too many requests', limited.detail);
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const user = checkPassword(this.options.users, text(fields.username), text(fields.password));
    if (user === undefined) return sendProblem(response, 401, 'unauthorized', 'Unauthorized', 'unknown user name or wrong password');
    const token = signSession(user, this.options.sessionSecret, Math.floor(Date.now() / 1000), this.options.sessionTtlSeconds);
    response.setHeader('set-cookie', sessionCookie(token, this.options.sessionTtlSeconds, this.options.secureCookie));
    response.status(200).setHeader('content-type', 'application/json');
    response.send(JSON.stringify(user));
  }

  @Post('logout')
  logout(@Req() request: ConsoleRequest, @Res() response: ConsoleResponse): void {
    if (header(request, CSRF_HEADER) === undefined) return sendProblem(response, 403, 'csrf', 'Forbidden', `a console POST needs the ${CSRF_HEADER} header`);
    response.setHeader('set-cookie', sessionCookie('', 0, this.options.secureCookie));
    response.status(204).send('');
  }

  /** The 429 of an address past CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE (counted in the system API's Redis), if it is. */
  private async loginLimited(request: ConsoleRequest): Promise<ApiProblem | undefined> {
    const limit = this.moduleRef.get(SystemApiRateLimit, { strict: false });
    const key = `console-login:${rateLimitKey(undefined, request.ip ?? request.socket?.remoteAddress)}`;
    try {
      await limit.enforce(key, CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE, 60_000, 'sign-in attempts from this address');
      return undefined;
    } catch (error) {
      if (error instanceof ApiProblem) return error;
      throw error;
    }
  }

  private sendAsset(response: ConsoleResponse, name: string): void {
    const asset = this.assets.get(name);
    if (asset === undefined) return sendProblem(response, 404, 'not-found', 'Not Found', 'no such console file');
    response.status(200).setHeader('content-type', asset.contentType);
    response.send(asset.body);
  }
}
