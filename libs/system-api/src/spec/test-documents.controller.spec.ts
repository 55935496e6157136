// A tiny service for system-api.int.spec.ts: one submit route, one status route, one route that
// forgot its scopes. Named *.spec.ts so it never ships (jest runs only *.unit|int|e2e.spec.ts).
import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, InvalidRequest, RequireScopes, SubmissionService, type FieldProblem, type Principal, type SubmissionReceipt } from '../index';

export const TEST_TOPIC = Symbol('TEST_TOPIC');

function validate(body: unknown): { invoiceNumber: string } {
  const problems: FieldProblem[] = [];
  const doc = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Record<string, unknown>;
  if (typeof doc.invoiceNumber !== 'string' || doc.invoiceNumber === '') problems.push({ path: 'invoiceNumber', code: 'REQUIRED', message: 'is required' });
  if (!Array.isArray(doc.lines)) problems.push({ path: 'lines', code: 'REQUIRED', message: 'must be an array' });
  else {
    doc.lines.forEach((line: unknown, i) => {
      const quantity = (line as { quantity?: unknown } | null)?.quantity;
      if (typeof quantity !== 'string' || !/^\d+(\.\d+)?$/.test(quantity)) problems.push({ path: `lines[${i}].quantity`, code: 'NOT_A_DECIMAL', message: 'must be a decimal string' });
    });
  }
  if (problems.length > 0) throw new InvalidRequest(problems);
  return doc as { invoiceNumber: string };
}

@Controller('v1/test-invoices')
export class TestInvoicesController {
  constructor(
    private readonly submissions: SubmissionService,
    @Inject(TEST_TOPIC) private readonly topic: string,
  ) {}

  @Post()
  @RequireScopes('invoices:submit')
  submit(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() principal: Principal): Promise<SubmissionReceipt> {
    const invoice = validate(body);
    return this.submissions.submit({ documentType: 'invoices', businessId: invoice.invoiceNumber, topic: this.topic, key: invoice.invoiceNumber, value: body, idempotencyKey, client: principal.client });
  }

  @Get(':invoiceNumber/status')
  @RequireScopes('invoices:read')
  status(@Param('invoiceNumber') invoiceNumber: string): { invoiceNumber: string; status: string } {
    return { invoiceNumber, status: 'RECEIVED' };
  }

  @Get('forgot-scopes')
  forgotScopes(): string {
    return 'should never answer';
  }
}
