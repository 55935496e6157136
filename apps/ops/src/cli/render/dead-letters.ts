import type { DeadLetterPage, JsonObject } from '../api/ops-api';
import { isObject } from '../api/response-shapes';
import { cell, instant, otherSections, scalarFields, scalarPairs } from './format';
import { renderKeyValues, renderTable } from './table';

/** `dlq list` for people: one row per dead letter, then the count and the next page's cursor. */
export function renderDeadLetterList(page: DeadLetterPage): string {
  if (page.items.length === 0) return 'No dead letters match.';
  const rows = page.items.map((item) => [
    cell(item['id']),
    instant(item['lastFailureAt'] ?? item['recordedAt']),
    cell(item['service']),
    cell(item['errorCode']),
    cell(item['businessKey']),
    cell(item['facilityId']),
    cell(item['supplierId']),
    cell(item['status']),
    cell(item['attempts']),
    cell(item['errorMessage']),
  ]);
  const table = renderTable(
    [
      { header: 'ID', align: 'right' },
      { header: 'LAST FAILURE' },
      { header: 'SERVICE' },
      { header: 'CODE' },
      { header: 'BUSINESS KEY' },
      { header: 'FACILITY' },
      { header: 'SUPPLIER' },
      { header: 'STATUS' },
      { header: 'ATTEMPTS', align: 'right' },
      { header: 'MESSAGE', maxWidth: 70 },
    ],
    rows,
  );
  const count = `${page.items.length} dead letter${page.items.length === 1 ? '' : 's'}`;
  return page.next === undefined ? `${table}\n\n${count}` : `${table}\n\n${count}; more with --after ${page.next}`;
}

const SUMMARY_KEYS = ['id', 'status', 'service', 'errorCode', 'errorMessage', 'businessKey', 'key', 'supplierId', 'facilityId', 'traceId', 'dltTopic', 'dltPartition', 'dltOffset', 'recordedAt'];
const FAILURE_KEYS = ['consumerGroup', 'originalTopic', 'originalPartition', 'originalOffset', 'originalTimestamp', 'attempts', 'firstFailureAt', 'lastFailureAt'];

function renderFailure(failure: JsonObject): string {
  const replays = failure['replays'];
  const pairs = scalarPairs(failure, FAILURE_KEYS, ['errorCode', 'errorMessage']);
  if (isObject(replays)) {
    const count = typeof replays['count'] === 'number' ? replays['count'] : 0;
    pairs.push(['replays', count > 0 ? `${count} (last by ${cell(replays['by'])} at ${instant(replays['at'])})` : '0']);
  }
  return `Failure history\n${renderKeyValues(pairs)}`;
}

/** The value section: the masked decoded value pretty-printed, or why it cannot be read (with its bytes in base64). */
function renderValue(value: unknown): string {
  if (!isObject(value)) return `Value\n${value == null ? '  (no value)' : JSON.stringify(value, null, 2).replace(/^/gm, '  ')}`;
  const format = [value['format'], value['eventType']].filter((part) => typeof part === 'string').join(' ');
  const title = `Value${format ? ` (${format})` : ''}`;
  if (typeof value['pretty'] === 'string') return `${title}\n${value['pretty'].replace(/^/gm, '  ')}`;
  if ('decoded' in value) return `${title}\n${JSON.stringify(value['decoded'], null, 2).replace(/^/gm, '  ')}`;
  const lines = [typeof value['note'] === 'string' ? `  ${value['note']}` : '  (not readable)'];
  if (typeof value['base64'] === 'string') lines.push(`  base64: ${value['base64']}`);
  return `${title}\n${lines.join('\n')}`;
}

/** `dlq show` for people: the record's facts, its failure history, its (masked) value and headers. */
export function renderDeadLetter(detail: JsonObject): string {
  const failure = isObject(detail['failure']) ? detail['failure'] : undefined;
  const sections = [`Dead letter ${cell(detail['id'])}`, scalarFields(detail, SUMMARY_KEYS, failure === undefined ? [] : Object.keys(failure).filter((key) => !SUMMARY_KEYS.includes(key)))];
  if (failure !== undefined) sections.push(renderFailure(failure));
  if ('value' in detail) sections.push(renderValue(detail['value']));
  const headers = detail['headers'];
  if (isObject(headers) && Object.keys(headers).length > 0) {
    sections.push(`Headers\n${renderKeyValues(Object.entries(headers).map(([name, value]) => [name, cell(value)] as const))}`);
  }
  sections.push(...otherSections(detail, ['failure', 'value', 'headers']));
  return sections.join('\n\n');
}
