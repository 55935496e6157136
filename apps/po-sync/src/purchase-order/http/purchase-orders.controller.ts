import { Body, Controller, Get, Headers, Inject, Param, Post } from '@nestjs/common';
import { ApiProblem, CurrentPrincipal, RequireScopes, SubmissionService, type Principal, type SubmissionReceipt } from '@procurelink/system-api';
import type { PoSyncConfig } from '../../config/po-sync-config';
import { PO_SYNC_CONFIG } from '../../po-sync.tokens';
import { poSyncTopics } from '../../po-sync.topics';
import { PURCHASE_ORDER_STORE, type PurchaseOrderStore } from '../ports/purchase-order-store';
import { parsePurchasingPoRecord } from '../source';
import { recordOrInvalid } from './invalid-request';
import { purchaseOrderStatus, type PurchaseOrderStatus } from './purchase-order-status';

/** POST a purchasing PO record (onto the purchasing source topic); GET where a PO is in its lifecycle. */
@Controller('v1/purchase-orders')
export class PurchaseOrdersController {
  constructor(
    private readonly submissions: SubmissionService,
    @Inject(PO_SYNC_CONFIG) private readonly config: PoSyncConfig,
    @Inject(PURCHASE_ORDER_STORE) private readonly store: PurchaseOrderStore,
  ) {}

  @Post()
  @RequireScopes('purchase-orders:submit')
  submit(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const record = recordOrInvalid(parsePurchasingPoRecord(body));
    const topic = poSyncTopics(this.config.topicPrefix).purchaseOrders;
    return this.submissions.submit({ documentType: 'purchase-orders', businessId: record.poNumber, topic, key: record.poNumber, value: body, idempotencyKey, client: who.client });
  }

  @Get(':poNumber')
  @RequireScopes('purchase-orders:read')
  async status(@Param('poNumber') poNumber: string): Promise<PurchaseOrderStatus> {
    const stored = await this.store.load(poNumber);
    if (stored === null) throw new ApiProblem(404, 'not-found', 'Not found', 'po-sync knows no purchase order with this number (yet).');
    return purchaseOrderStatus(stored.state);
  }
}
