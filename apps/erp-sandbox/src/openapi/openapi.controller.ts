import { Controller, Get } from '@nestjs/common';
import { OPENAPI_DOCUMENT } from './openapi-document';
import type { Schema } from './schemas';

@Controller()
export class OpenApiController {
  @Get('openapi.json')
  document(): Schema {
    return OPENAPI_DOCUMENT;
  }
}
