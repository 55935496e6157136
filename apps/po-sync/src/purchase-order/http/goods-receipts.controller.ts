import { Body, Controller, Headers, Inject, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireScopes, SubmissionService, type Principal, type SubmissionReceipt } from '@procurelink/system-api';
import type { PoSyncConfig } from '../../config/po-sync-config';
import { PO_SYNC_CONFIG } from '../../po-sync.tokens';
import { poSyncTopics } from '../../po-sync.topics';
import { parseInventoryReceiptRecord } from '../source';
import { recordOrInvalid } from './invalid-request';

/** POST an inventory goods receipt onto the inventory source topic, keyed by its PO (receipts of one PO stay in order). */
@Controller('v1/goods-receipts')
export class GoodsReceiptsController {
  constructor(
    private readonly submissions: SubmissionService,
    @Inject(PO_SYNC_CONFIG) private readonly config: PoSyncConfig,
  ) {}

  @Post()
  @RequireScopes('goods-receipts:submit')
  submit(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const receipt = recordOrInvalid(parseInventoryReceiptRecord(body));
    const topic = poSyncTopics(this.config.topicPrefix).goodsReceipts;
    return this.submissions.submit({ documentType: 'goods-receipts', businessId: receipt.receiptId, topic, key: receipt.poNumber, value: body, idempotencyKey, client: who.client });
  }
}
