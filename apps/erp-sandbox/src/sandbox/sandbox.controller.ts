import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { parseFaultSpec } from '../domain/faults';
import { CAPABILITIES, type Capability } from '../domain/posting';
import { parseTamper } from '../domain/tamper';
import { CLOCK, type Clock } from '../clock';
import { FaultBoard } from '../faults/fault-board';
import { validationFailed } from '../http/api-error';
import { LedgerTampering, type TamperResult } from './ledger-tampering';

type FaultsView = { faults: Array<Record<string, unknown>>; held: number };

/** Test and demo controls: faults (open), reset and tamper (guarded by ERP_SANDBOX_ALLOW_RESET). */
@Controller('sandbox/v1')
export class SandboxController {
  constructor(
    private readonly board: FaultBoard,
    private readonly tampering: LedgerTampering,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('faults')
  faults(): FaultsView {
    return { faults: this.board.describe(), held: this.board.heldCount };
  }

  @Post('faults')
  @HttpCode(201)
  setFault(@Body() body: unknown): FaultsView {
    const rule = parseFaultSpec(body, this.clock());
    if (!rule.ok) throw validationFailed(rule.problems);
    this.board.set(rule.value);
    return this.faults();
  }

  @Delete('faults')
  clearFaults(@Query('capability') capability?: string): { cleared: number; faults: Array<Record<string, unknown>> } {
    const scope = [...CAPABILITIES, 'all'].includes(capability ?? '') ? (capability as Capability | 'all') : null;
    if (capability !== undefined && scope === null) {
      throw validationFailed([{ path: 'query.capability', code: 'UNKNOWN_CODE', message: `must be one of ${[...CAPABILITIES, 'all'].join(', ')}` }]);
    }
    return { cleared: this.board.clear(scope), faults: this.board.describe() };
  }

  @Post('faults/release')
  @HttpCode(200)
  release(): { released: number } {
    return { released: this.board.release() };
  }

  @Post('reset')
  @HttpCode(200)
  reset(): Promise<{ cleared: number }> {
    return this.tampering.reset();
  }

  @Post('tamper')
  @HttpCode(200)
  tamper(@Body() body: unknown): Promise<TamperResult> {
    this.tampering.assertAllowed('tamper');
    const tamper = parseTamper(body);
    if (!tamper.ok) throw validationFailed(tamper.problems);
    return this.tampering.tamper(tamper.value);
  }
}
