import { Body, Controller, Headers, Inject, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireScopes, SubmissionService, type Principal, type SubmissionReceipt } from '@procurelink/system-api';
import type { SupplierSyncConfig } from '../../config/supplier-sync-config';
import { SUPPLIER_SYNC_CONFIG } from '../../supplier-sync.tokens';
import { supplierSyncTopics } from '../../supplier-sync.topics';
import { parseSourceRecord } from '../source';
import { recordOrInvalid } from './invalid-request';

/** POST a source supplier record onto its source topic (as received), keyed by the source's record id, for the Kafka flow to process. */
@Controller('v1/suppliers')
export class SupplierRecordsController {
  private readonly topics: ReturnType<typeof supplierSyncTopics>;

  constructor(
    private readonly submissions: SubmissionService,
    @Inject(SUPPLIER_SYNC_CONFIG) config: SupplierSyncConfig,
  ) {
    this.topics = supplierSyncTopics(config.topicPrefix);
  }

  @Post('erp-vendor-records')
  @RequireScopes('suppliers:submit')
  submitErpVendor(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const record = recordOrInvalid(parseSourceRecord('erp', body));
    const id = record.sourceRecordId;
    return this.submissions.submit({ documentType: 'suppliers', businessId: id, topic: this.topics.erpVendors, key: id, value: body, idempotencyKey, client: who.client });
  }

  @Post('purchasing-records')
  @RequireScopes('suppliers:submit')
  submitPurchasing(@Body() body: unknown, @Headers('idempotency-key') idempotencyKey: string | undefined, @CurrentPrincipal() who: Principal): Promise<SubmissionReceipt> {
    const record = recordOrInvalid(parseSourceRecord('purchasing', body));
    const id = record.sourceRecordId;
    return this.submissions.submit({ documentType: 'suppliers', businessId: id, topic: this.topics.purchasingSuppliers, key: id, value: body, idempotencyKey, client: who.client });
  }
}
