#!/usr/bin/env node
/**
 * Validates rendered Kubernetes manifests offline against the Kubernetes schemas:
 *   helm template procurelink deploy/helm/procurelink | node tools/deploy-check/validate-manifests.ts [--label defaults]
 *   node tools/deploy-check/validate-manifests.ts rendered.yaml [more.yaml ...]
 * Prints one line per object kind and count, and every problem as `Kind/name: schema error`;
 * exits 1 when any object is invalid or of an unknown kind.
 */
import { readFileSync } from 'node:fs';
import { validateManifests } from './manifest-validation.ts';

const args = process.argv.slice(2);
const labelAt = args.indexOf('--label');
const label = labelAt >= 0 ? args.splice(labelAt, 2)[1] : undefined;
const sources = args.length > 0 ? args : ['-'];

let failed = false;
for (const source of sources) {
  const name = label ?? (source === '-' ? 'stdin' : source);
  const report = validateManifests(readFileSync(source === '-' ? 0 : source, 'utf8'));
  const kinds = new Map<string, number>();
  for (const object of report.valid) kinds.set(object.split('/')[0] as string, (kinds.get(object.split('/')[0] as string) ?? 0) + 1);
  const summary = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  if (report.problems.length === 0) {
    console.log(`${name}: ${report.valid.length} objects valid against the Kubernetes schemas (${summary})`);
    continue;
  }
  failed = true;
  console.error(`${name}: ${report.problems.length} invalid object(s), ${report.valid.length} valid`);
  for (const problem of report.problems) console.error(`  ${problem.object}: ${problem.message}`);
}
process.exit(failed ? 1 : 0);
