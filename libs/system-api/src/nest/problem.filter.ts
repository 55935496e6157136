import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { sanitizeMessage } from '@procurelink/messaging';
import { problemFor } from './problem-mapping';
import { writeProblem, type ProblemResponse } from './write-problem';

/** Every HTTP error goes out as application/problem+json; unexpected ones are logged without request data. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('SystemApi');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const http = host.switchToHttp();
    const request = http.getRequest<{ method?: string; route?: { path?: string } }>();
    const mapped = problemFor(error);
    if (mapped.unexpected) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : 'non-Error thrown';
      this.logger.error(`${request.method ?? '?'} ${request.route?.path ?? '(unmatched)'} failed: ${sanitizeMessage(text)}`);
    }
    writeProblem(http.getResponse<ProblemResponse>(), mapped.problem, mapped.headers);
  }
}
