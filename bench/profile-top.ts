/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and self
 * time per package / source area, and per area with Node's own frames charged to their caller. Usage: node bench/profile-top.ts <file.cpuprofile> [--top 30]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chargedAreas, summariseProfile, type CpuProfile } from './p2p/profile.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' } } });
const file = positionals[0];
if (!file) {
  console.error('usage: node bench/profile-top.ts <file.cpuprofile> [--top 30]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const { totalMs, functions, areas } = summariseProfile(profile);
const top = Number(values.top);
const pct = (ms: number) => `${((ms / totalMs) * 100).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(totalMs / 1000).toFixed(1)} s sampled\n\nself time by area:`);
for (const a of areas.slice(0, top)) console.log(`${pct(a.selfMs)}  ${a.name}`);
console.log('\ntime by area, Node core and native frames charged to their caller:');
for (const a of chargedAreas(profile).slice(0, top)) console.log(`${pct(a.selfMs)}  ${a.name}`);
console.log('\nself time by function:');
for (const f of functions.slice(0, top)) console.log(`${pct(f.selfMs)}  ${f.name}  ${f.location}`);
