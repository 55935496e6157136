import { targetUnavailable, type OutboundRecord, type ProducerPort } from '@procurelink/messaging';

/**
 * The runtime's producer, for flows built before the runtime exists (the MessagingModule factory
 * builds the handlers that the runtime's own producer port is later bound to).
 */
export class ProducerRelay implements ProducerPort {
  private port: ProducerPort | null = null;

  get tracesRecords(): boolean {
    return this.port?.tracesRecords === true;
  }

  bind(port: ProducerPort): void {
    this.port = port;
  }

  async send(records: readonly OutboundRecord[]): Promise<void> {
    if (this.port === null) throw targetUnavailable('the Kafka producer is not bound yet');
    await this.port.send(records);
  }
}
