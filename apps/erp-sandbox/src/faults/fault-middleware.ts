import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import { CAPABILITIES, type Capability } from '../domain/posting';
import type { ApiErrorBody } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { FaultBoard } from './fault-board';

const CAPABILITY_PATH = /^\/erp\/v1\/([a-z-]+)(?:\/|$)/;

/**
 * Applies the injected fault, if any, before a capability's request reaches its controller:
 * fail answers 5xx at once, slow waits then carries on, timeout holds the request unanswered.
 */
@Injectable()
export class FaultMiddleware implements NestMiddleware {
  private readonly logger = new Logger('faults');

  constructor(private readonly board: FaultBoard) {}

  async use(request: HttpRequest & { originalUrl: string }, response: HttpResponse, next: () => void): Promise<void> {
    const capability = capabilityOf(request.originalUrl);
    if (capability === null) return next();
    const effect = this.board.decide(capability);
    switch (effect.effect) {
      case 'PASS':
        return next();
      case 'FAIL': {
        if (effect.retryAfterSeconds !== null) response.setHeader('Retry-After', String(effect.retryAfterSeconds));
        response.status(effect.status).json(faultBody(capability));
        return;
      }
      case 'DELAY':
        await new Promise((resolve) => setTimeout(resolve, effect.ms));
        return next();
      case 'HOLD': {
        this.logger.debug(`holding ${request.method} ${request.originalUrl} (${effect.ms ?? 'until released'} ms, then ${effect.afterHold})`);
        const abandon = (listener: () => void): void => {
          // A dropped request is abandoned when the client gives up; one that proceeds is processed late regardless.
          if (effect.afterHold === 'drop') response.on('close', listener);
        };
        const end = await this.board.hold(effect.ms, abandon);
        if (effect.afterHold === 'proceed') return next();
        if (end !== 'ABANDONED') request.socket.destroy();
        return;
      }
    }
  }
}

/** The body of an answer replaced by a `fail` fault (a single call's, or a batch item's). */
export function faultBody(capability: Capability): ApiErrorBody {
  return { error: 'FAULT_INJECTED', message: `the ERP is unavailable (injected fault for ${capability})` };
}

/** The capability a URL addresses (`/erp/v1/encumbrances/…` → encumbrances); null for anything else, /erp/v1/batch included. */
export function capabilityOf(url: string): Capability | null {
  const segment = CAPABILITY_PATH.exec(url)?.[1];
  return (CAPABILITIES as readonly string[]).includes(segment ?? '') ? (segment as Capability) : null;
}
