import type { ErpSandboxControls } from '../play/ports';

/** The ERP sandbox's /sandbox/v1 controls over fetch. */
export class HttpErpSandboxControls implements ErpSandboxControls {
  constructor(private readonly baseUrl: string) {}

  setFault(rule: Parameters<ErpSandboxControls['setFault']>[0]): Promise<void> {
    return this.post('/sandbox/v1/faults', rule);
  }

  tamper(change: Parameters<ErpSandboxControls['tamper']>[0]): Promise<void> {
    return this.post('/sandbox/v1/tamper', change);
  }

  private async post(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the ERP sandbox answered ${response.status} to ${path}: ${await response.text()}`);
  }
}
