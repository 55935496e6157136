import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { isReceipt, isReplayed } from './replayed';

interface ReceiptResponse {
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
}

/** A write handler (not GET) returning a SubmissionReceipt answers 202 with Location; a replay adds Idempotent-Replayed: true. */
@Injectable()
export class ReceiptInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (context.getType() === 'http' && isReceipt(value) && context.switchToHttp().getRequest<{ method: string }>().method !== 'GET') {
          const response = context.switchToHttp().getResponse<ReceiptResponse>();
          response.status(202);
          response.setHeader('Location', value.links.status);
          if (isReplayed(value)) response.setHeader('Idempotent-Replayed', 'true');
        }
        return value;
      }),
    );
  }
}
