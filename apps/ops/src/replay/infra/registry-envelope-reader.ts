import { AvroRegistryDecoder, canonicalRegistry } from '@procurelink/messaging';
import type { RegistryCredentials } from '@procurelink/canonical-schemas';
import type { EnvelopeReader } from '../ports';

/** The envelope event id of a canonical Avro value, through the schema registry (schemas cached per id). */
export class RegistryEnvelopeReader implements EnvelopeReader {
  private readonly decoder: AvroRegistryDecoder;

  constructor(registryUrl: string, auth?: RegistryCredentials) {
    this.decoder = new AvroRegistryDecoder(canonicalRegistry(registryUrl, auth));
  }

  async eventIdOf(value: Buffer): Promise<{ eventId: string } | { why: string }> {
    try {
      const decoded = await this.decoder.decode({ topic: '', partition: 0, offset: '0', timestamp: '0', key: null, value, headers: {} });
      return decoded.eventId ? { eventId: decoded.eventId } : { why: 'the Avro value has no envelope event id' };
    } catch (error) {
      return { why: `the Avro value could not be read (${(error as { code?: string }).code ?? 'error'})` };
    }
  }
}
