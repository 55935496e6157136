import { AvroRegistryDecoder, canonicalRegistry, createKafka, readTopicToEnd, type KafkaClientOptions } from '@procurelink/messaging';

export interface InvoiceOutcomeEvent {
  readonly eventType: string;
  readonly invoiceId: string;
  readonly reason?: string | undefined;
}

/** Reads the canonical invoice topic and decodes the events of the invoices whose ids start with the prefix. */
export async function readInvoiceEvents(connection: Omit<KafkaClientOptions, 'clientId'>, registryUrl: string, topic: string, idPrefix: string): Promise<InvoiceOutcomeEvent[]> {
  const kafka = createKafka({ ...connection, clientId: 'procurelink-simulator-report' });
  const decoder = new AvroRegistryDecoder(canonicalRegistry(registryUrl));
  const events: InvoiceOutcomeEvent[] = [];
  for (const record of await readTopicToEnd(kafka, topic)) {
    if (!record.key?.toString().startsWith(idPrefix)) continue;
    const decoded = await decoder.decode(record);
    const value = decoded.value as { invoiceId: string; reason?: string };
    events.push({ eventType: decoded.eventType, invoiceId: value.invoiceId, reason: value.reason });
  }
  return events;
}
