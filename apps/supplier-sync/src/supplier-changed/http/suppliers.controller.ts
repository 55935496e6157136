import { Body, Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, RequireScopes, type Principal } from '@procurelink/system-api';
import { SupplierBankDetails } from '../supplier-bank-details';
import { SupplierStatusLookup, type SupplierStatusView } from '../supplier-status-lookup';
import { confirmationAuditLine, confirmationResponse, isSupplierId, parseConfirmationRequest, supplierNotFound, type BankDetailsReleased } from './bank-details-confirmation';

/** A supplier's status (masked references only) and the confirmation of a bank-details change that releases its payment hold. */
@Controller('v1/suppliers')
export class SuppliersController {
  private readonly audit = new Logger('SupplierBankDetailsAudit');

  constructor(
    private readonly lookup: SupplierStatusLookup,
    private readonly bankDetails: SupplierBankDetails,
  ) {}

  @Get(':supplierId')
  @RequireScopes('suppliers:read')
  async status(@Param('supplierId') supplierId: string): Promise<SupplierStatusView> {
    const view = isSupplierId(supplierId) ? await this.lookup.find(supplierId) : null;
    if (view === null) throw supplierNotFound();
    return view;
  }

  @Post(':supplierId/bank-details-confirmations')
  @HttpCode(200)
  @RequireScopes('suppliers:confirm-bank-details')
  async confirm(@Param('supplierId') supplierId: string, @Body() body: unknown, @CurrentPrincipal() who: Principal): Promise<BankDetailsReleased> {
    const { changeId } = parseConfirmationRequest(body);
    if (!isSupplierId(supplierId)) throw supplierNotFound();
    const result = await this.bankDetails.confirm({ supplierId, changeId, confirmedBy: who.client });
    const line = confirmationAuditLine(supplierId, changeId, who.client, result, new Date());
    if (result.kind === 'released') this.audit.log(line);
    else this.audit.warn(line);
    return confirmationResponse(result, who.client);
  }
}
