import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { parseEncumbrance } from '../domain/encumbrance';
import { notFound } from '../http/api-error';
import type { HttpRequest, HttpResponse } from '../http/http-types';
import { respondToWrite } from '../http/write-response';
import { entryView, type EntryView } from '../ledger/entry-view';
import { PostingService } from './posting-service';

@Controller('erp/v1/encumbrances')
export class EncumbrancesController {
  constructor(private readonly postings: PostingService) {}

  @Post()
  post(@Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<EntryView> {
    return respondToWrite(this.postings, request, response, 201, () => parseEncumbrance(request.body));
  }

  @Get(':documentNumber')
  async read(@Param('documentNumber') documentNumber: string): Promise<EntryView> {
    const entry = await this.postings.byDocumentNumber('ENCUMBRANCE', documentNumber);
    if (entry === undefined) throw notFound(`encumbrance ${documentNumber}`);
    return entryView(entry);
  }
}
