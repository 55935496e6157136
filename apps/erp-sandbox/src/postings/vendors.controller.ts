import { Controller, Get, Param, Put, Req, Res } from '@nestjs/common';
import { parseVendorUpsert } from '../domain/vendor-upsert';
import { notFound } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { respondToWrite } from '../http/write-response';
import { entryView, type EntryView } from '../ledger/entry-view';
import { PostingService } from './posting-service';

@Controller('erp/v1/vendors')
export class VendorsController {
  constructor(private readonly postings: PostingService) {}

  @Put(':supplierId')
  upsert(@Param('supplierId') supplierId: string, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<EntryView> {
    return respondToWrite(this.postings, request, response, 200, () => parseVendorUpsert(supplierId, request.body));
  }

  @Get(':supplierId')
  async read(@Param('supplierId') supplierId: string): Promise<EntryView> {
    const entry = await this.postings.latest('VENDOR_UPSERT', supplierId);
    if (entry === undefined) throw notFound(`vendor ${supplierId}`);
    return entryView(entry);
  }
}
