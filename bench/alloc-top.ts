/**
 * Summarises an allocation profile written by `npm run bench -- --alloc-profile DIR`: sampled bytes
 * per source area, per function and per site (the function and its nearest caller in another area).
 * Usage: node bench/alloc-top.ts <file.heapprofile> [--top 30] [--events N] (N: events the process handled, for bytes per event)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summariseAllocations, type HeapProfile } from './p2p/profile.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' }, events: { type: 'string' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: node bench/alloc-top.ts <file.heapprofile> [--top 30] [--events N]');
  process.exit(2);
}
const { totalBytes, functions, areas, sites } = summariseAllocations(JSON.parse(readFileSync(file, 'utf8')) as HeapProfile);
const top = Number(values.top);
const pct = (bytes: number) => `${((bytes / totalBytes) * 100).toFixed(1).padStart(5)} %`;
const perEvent = values.events ? `, ${(totalBytes / Number(values.events) / 1024).toFixed(1)} KiB per event` : '';
console.log(`${file}: ${(totalBytes / 1024 ** 2).toFixed(0)} MiB allocated (sampled)${perEvent}\n\nby area:`);
for (const a of areas.slice(0, top)) console.log(`${pct(a.bytes)}  ${a.name}`);
console.log('\nby function:');
for (const f of functions.slice(0, top)) console.log(`${pct(f.bytes)}  ${f.name}`);
console.log('\nby site (function ← its nearest caller in another area):');
for (const s of sites.slice(0, top)) console.log(`${pct(s.bytes)}  ${s.name}`);
