import type { CatalogueEntry } from '../catalogue/catalogue';
import { CANONICAL_TOPICS } from '../catalogue/topics';

/** TOPICS.md: the canonical topics, keys, event types and subjects, generated from the catalogue. */
export function renderTopicsMarkdown(catalogue: readonly CatalogueEntry[]): string {
  const lines = [
    '# Canonical topics',
    '',
    '<!-- Generated from src/catalogue/topics.ts by `npm run schemas:generate`. Do not edit: a unit test fails when it is stale. -->',
    '',
    'Events of one aggregate share a topic keyed by the aggregate id, so Kafka keeps them in order per aggregate.',
    'Values are Avro in the Confluent wire format; each event type is its own registry subject',
    '(TopicRecordNameStrategy: `<topic>-<fully.qualified.RecordName>`), governed with `FULL_TRANSITIVE` compatibility.',
    'Event type names are the Avro record names: explicit, past tense, never changed.',
    '',
    '| topic | key field | the key is | event types |',
    '| --- | --- | --- | --- |',
    ...CANONICAL_TOPICS.map((t) => `| \`${t.topic}\` | \`${t.keyField}\` | ${t.keyDescription} | ${t.eventTypes.join(', ')} |`),
    '',
  ];
  for (const topic of CANONICAL_TOPICS) {
    lines.push(`## \`${topic.topic}\``, '', topic.description, '', '| event type | registry subject |', '| --- | --- |');
    for (const entry of catalogue.filter((e) => topic.eventTypes.some((type) => type === e.eventType))) {
      lines.push(`| ${entry.eventType} | \`${entry.subject}\` |`);
    }
    lines.push('');
  }
  lines.push(
    '## Changing a schema',
    '',
    'Edit the `.avsc` under `schemas/`, run `npm run schemas:generate` (TypeScript types, this file, `asyncapi.json`)',
    'and `npm run schemas:check` (asks the registry whether the change is compatible). Add fields with a default;',
    'never remove a field that has none. A breaking change is a new event version on a new `.v2` topic.',
    '',
  );
  return lines.join('\n');
}
