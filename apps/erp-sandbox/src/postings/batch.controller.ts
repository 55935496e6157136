import { Controller, Post, Req, Res } from '@nestjs/common';
import { decodeBatch } from '../domain/batch-request';
import { apiError, validationFailed } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { BatchService } from './batch-service';

/** POST /erp/v1/batch: many writes in one request, each answered as its single call would be. */
@Controller('erp/v1/batch')
export class BatchController {
  constructor(private readonly batches: BatchService) {}

  @Post()
  async post(@Req() request: HttpRequest, @Res() response: HttpResponse): Promise<void> {
    if (!request.is('application/json')) throw apiError('MALFORMED_JSON', 'send the body as JSON with Content-Type: application/json');
    const batch = decodeBatch(request.body);
    if (!batch.ok) throw validationFailed(batch.problems);
    const responses = await this.batches.run(batch.value, { onClose: (listener) => response.on('close', listener), drop: () => request.socket.destroy() });
    if (responses !== null) response.status(200).json({ responses });
  }
}
