import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiProblem, CurrentPrincipal, InvalidRequest, RequireScopes, type Principal } from '@procurelink/system-api';
import { ReplayLookupFailed, SelectionTooLarge } from '../domain/replay-errors';
import type { ReplayReport } from '../domain/replay-report';
import { parseReplayRequest } from '../domain/replay-request';
import type { ReplayAuditEntry } from '../ports';
import { ReplayService } from '../replay.service';
import { parseHistoryQuery, parseReplayId } from './history-query';

/** POST /v1/dead-letters/replay (dry run or real, audited); GET /v1/replays, /v1/replays/:id (the audit). */
@Controller('v1')
export class ReplayController {
  constructor(private readonly replays: ReplayService) {}

  @Post('dead-letters/replay')
  @HttpCode(200)
  @RequireScopes('ops:replay')
  async replay(@Body() body: unknown, @CurrentPrincipal() who: Principal): Promise<ReplayReport> {
    const parsed = parseReplayRequest(body);
    if (!parsed.ok) throw new InvalidRequest(parsed.problems);
    const report = await this.replays.replay({ ...parsed.request, actor: who.client }).catch(asProblem);
    if (report.error !== undefined) throw new ApiProblem(503, 'replay-incomplete', 'Replay incomplete', report.error, { report });
    return report;
  }

  @Get('replays')
  @RequireScopes('ops:read')
  history(@Query() query: Record<string, unknown>): Promise<ReplayAuditEntry[]> {
    return this.replays.history(parseHistoryQuery(query));
  }

  @Get('replays/:id')
  @RequireScopes('ops:read')
  async one(@Param('id') id: string): Promise<ReplayAuditEntry> {
    const entry = await this.replays.audit(parseReplayId(id));
    if (entry === null) throw new ApiProblem(404, 'not-found', 'Not found', 'No replay with this id.');
    return entry;
  }
}

function asProblem(error: unknown): never {
  if (error instanceof SelectionTooLarge) throw new ApiProblem(422, 'selection-too-large', 'Selection too large', error.message);
  if (error instanceof ReplayLookupFailed) throw new ApiProblem(503, 'replay-lookup-failed', 'Service unavailable', error.message);
  throw error;
}
