import { Controller, Get, Param } from '@nestjs/common';
import type { Principal } from '../domain/auth-config';
import { ApiProblem } from '../domain/problems';
import { readScope } from '../domain/scopes';
import type { SubmissionReceipt } from '../domain/submission';
import { assertScopes } from './auth-problems';
import { CurrentPrincipal, ScopesCheckedByHandler } from './decorators';
import { SubmissionService } from './submission.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** GET /v1/submissions/:trackingId — the receipt; needs the read scope of the submission's document type. */
@Controller('v1/submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionService) {}

  @Get(':trackingId')
  @ScopesCheckedByHandler()
  async get(@Param('trackingId') trackingId: string, @CurrentPrincipal() principal: Principal): Promise<SubmissionReceipt> {
    const found = UUID.test(trackingId) ? await this.submissions.find(trackingId) : undefined;
    if (found === undefined) throw new ApiProblem(404, 'submission-not-found', 'Not found', 'no submission with this tracking id (receipts are kept 7 days)');
    assertScopes(principal, readScope(found.receipt.documentType));
    return found.receipt;
  }
}
