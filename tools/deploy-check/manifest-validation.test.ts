/**
 * Run with Node's own test runner (kubernetes-models is ESM-only, which Jest's CommonJS runtime
 * cannot load): node --test tools/deploy-check/manifest-validation.test.ts
 * tools/scripts/deploy-check.sh runs it before validating the chart.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { parseManifests, validateManifest, validateManifests } from './manifest-validation.ts';

const deployment = (spec: Record<string, unknown> = {}): string => `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: po-sync
spec:
  selector:
    matchLabels: { app: po-sync }
  template:
    metadata:
      labels: { app: po-sync }
    spec:
      containers:
        - name: po-sync
          image: procurelink:test
          ports: [{ name: http, containerPort: 3102 }]
          readinessProbe:
            httpGet: { path: /health/ready, port: http }
${Object.entries(spec)
  .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`)
  .join('\n')}
`;

describe('validateManifests', () => {
  it('accepts a well-formed Deployment', () => {
    const report = validateManifests(deployment({ replicas: 2 }));
    assert.deepEqual(report.problems, []);
    assert.deepEqual(report.valid, ['Deployment/po-sync']);
  });

  it('when a Deployment has a field of the wrong type › rejects it, naming the object and the schema error', () => {
    const report = validateManifests(deployment({ replicas: 'two' }));
    assert.deepEqual(report.valid, []);
    assert.equal(report.problems.length, 1);
    assert.equal(report.problems[0]?.object, 'Deployment/po-sync');
    assert.match(report.problems[0]?.message ?? '', /spec\/replicas must be integer/);
  });

  it('when a nested required field is missing (a probe without its port) › rejects the Deployment', () => {
    const broken = deployment().replace('httpGet: { path: /health/ready, port: http }', 'httpGet: { path: /health/ready }');
    const [problem] = validateManifests(broken).problems;
    assert.equal(problem?.object, 'Deployment/po-sync');
    assert.match(problem?.message ?? '', /readinessProbe\/httpGet must have required property port/);
  });

  it('checks every document of a stream and reports only the broken ones', () => {
    const stream = ['---', deployment(), '---', 'apiVersion: v1\nkind: Service\nmetadata: { name: po-sync }\nspec:\n  ports: [{ port: "3102" }]', '---', ''].join('\n');
    const report = validateManifests(stream);
    assert.deepEqual(report.valid, ['Deployment/po-sync']);
    assert.equal(report.problems[0]?.object, 'Service/po-sync');
    assert.match(report.problems[0]?.message ?? '', /ports\/0\/port must be integer/);
  });

  it('when a ScaledObject has no scale target › rejects it against the KEDA schema', () => {
    const problem = validateManifest({ apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'po-sync' }, spec: { triggers: [] } });
    assert.equal(problem?.object, 'ScaledObject/po-sync');
    assert.match(problem?.message ?? '', /scaleTargetRef/);
  });

  it('when a ServiceMonitor endpoint is not a list › rejects it against the prometheus-operator schema', () => {
    const problem = validateManifest({ apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata: { name: 'm' }, spec: { selector: {}, endpoints: { port: 'http' } } });
    assert.equal(problem?.object, 'ServiceMonitor/m');
    assert.match(problem?.message ?? '', /endpoints must be array/);
  });

  it('when an object is of a kind without a schema here › rejects it rather than passing it unchecked', () => {
    const problem = validateManifest({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' } });
    assert.equal(problem?.object, 'Ingress/web');
    assert.match(problem?.message ?? '', /no schema for apiVersion networking\.k8s\.io\/v1 kind Ingress/);
  });

  it('when the stream is not YAML or holds nothing › reports the stream', () => {
    assert.match(validateManifests('kind: [unclosed').problems[0]?.message ?? '', /document 1: YAML syntax error/);
    assert.deepEqual(validateManifests('---\n# only a comment\n').problems, [{ object: 'stream', message: 'holds no Kubernetes object' }]);
  });
});

describe('parseManifests', () => {
  it('reads YAML 1.1 as Kubernetes does (0440 is an octal file mode)', () => {
    assert.deepEqual(parseManifests('---\ndefaultMode: 0440\n---\n'), [{ defaultMode: 0o440 }]);
  });
});

describe('validate-manifests.ts (the command)', () => {
  const cli = fileURLToPath(new URL('./validate-manifests.ts', import.meta.url));

  it('when a manifest is broken › exits 1 and prints the object and the schema error', () => {
    const run = spawnSync(process.execPath, [cli, '--label', 'broken'], { input: deployment({ replicas: 'two' }), encoding: 'utf8' });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /broken: 1 invalid object\(s\), 0 valid/);
    assert.match(run.stderr, /Deployment\/po-sync: .*spec\/replicas must be integer/);
  });

  it('when every manifest is valid › exits 0 with a summary by kind', () => {
    const run = spawnSync(process.execPath, [cli, '--label', 'fine'], { input: deployment(), encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /fine: 1 objects valid against the Kubernetes schemas \(1 Deployment\)/);
  });
});
