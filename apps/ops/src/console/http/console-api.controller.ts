import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { PublicRoute } from '@procurelink/system-api';
import { resolveConsoleRoute, roleAllows } from '../domain/api-routes';
import { CONSOLE_OPTIONS, type ConsoleOptions } from '../console.options';
import { OPS_API_PORT, type OpsApiPort } from '../ops-api.port';
import { sessionUser } from './console-session';
import { CSRF_HEADER, header, sendProblem, type ConsoleRequest, type ConsoleResponse } from './http-types';

const PREFIX = '/console/api/';

/**
 * /console/api/* → the /v1 ops API, for the signed-in user: session, CSRF header on POST, the
 * route allow-list and the role are checked here; the /v1 API then checks the scopes again.
 */
@Controller('console/api')
@PublicRoute()
export class ConsoleApiController {
  constructor(
    @Inject(CONSOLE_OPTIONS) private readonly options: ConsoleOptions,
    @Inject(OPS_API_PORT) private readonly api: OpsApiPort,
  ) {}

  @All('*path')
  async forward(@Req() request: ConsoleRequest, @Res() response: ConsoleResponse): Promise<void> {
    const user = sessionUser(request, this.options.sessionSecret);
    if (user === undefined) return sendProblem(response, 401, 'unauthorized', 'Unauthorized', 'sign in to the console');
    if (request.method !== 'GET' && header(request, CSRF_HEADER) === undefined) {
      return sendProblem(response, 403, 'csrf', 'Forbidden', `a console POST needs the ${CSRF_HEADER} header`);
    }
    const url = new URL(request.originalUrl, 'http://console.invalid');
    const route = resolveConsoleRoute(request.method, url.pathname.slice(PREFIX.length));
    if (route === undefined) return sendProblem(response, 404, 'not-found', 'Not Found', 'the console offers no such API call');
    if (!roleAllows(user.role, route.role)) {
      return sendProblem(response, 403, 'insufficient-role', 'Forbidden', `the ${user.role} role cannot do this; an ${route.role} can`);
    }
    const answer = await this.api.call({ method: route.method, v1Path: route.v1Path, search: route.method === 'GET' ? url.search : '', body: request.body, user });
    response.status(answer.status).setHeader('content-type', answer.contentType);
    response.send(answer.body);
  }
}
