/**
 * Validates rendered Kubernetes manifests offline against the Kubernetes OpenAPI schemas, through
 * the typed models of kubernetes-models (core and apps APIs), @kubernetes-models/prometheus-operator
 * (ServiceMonitor) and @kubernetes-models/keda (ScaledObject, TriggerAuthentication).
 * Every object must be of a kind listed here: an unknown kind is a problem, never a silent pass.
 * Limits of the schemas: wrong types, missing required fields and bad enum values are caught;
 * unknown (misspelt) fields are not, since the Kubernetes schemas allow extra properties.
 */
import YAML from 'yaml'; // yaml 1.x is CommonJS: its functions hang off the default export
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

/** The kinds the chart renders, by `apiVersion/kind`. */
export const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['v1/ConfigMap', ConfigMap],
  ['v1/Secret', Secret],
  ['v1/Service', Service],
  ['v1/ServiceAccount', ServiceAccount],
  ['apps/v1/Deployment', Deployment],
  ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy],
  ['monitoring.coreos.com/v1/ServiceMonitor', ServiceMonitor],
  ['keda.sh/v1alpha1/ScaledObject', ScaledObject],
  ['keda.sh/v1alpha1/TriggerAuthentication', TriggerAuthentication],
]);

export interface ManifestProblem {
  /** `Kind/name` of the object, or `document N` when it has neither. */
  readonly object: string;
  readonly message: string;
}

export interface ValidationReport {
  /** `Kind/name` of every object that passed. */
  readonly valid: readonly string[];
  readonly problems: readonly ManifestProblem[];
}

/**
 * The objects of a multi-document YAML stream (`helm template` output), empty documents dropped.
 * Parsed as YAML 1.1, as Kubernetes' own parser reads manifests (0440 is octal, `yes` a boolean).
 * A syntax error throws, naming the document.
 */
export function parseManifests(text: string): unknown[] {
  return YAML.parseAllDocuments(text, { version: '1.1', prettyErrors: true }).flatMap((document, index) => {
    const [error] = document.errors;
    if (error !== undefined) throw new Error(`document ${index + 1}: YAML syntax error: ${error.message}`);
    const value: unknown = document.toJSON();
    return value === null || value === undefined ? [] : [value];
  });
}

function describe(object: unknown, index: number): string {
  if (typeof object !== 'object' || object === null) return `document ${index + 1}`;
  const { kind, metadata } = object as { kind?: unknown; metadata?: { name?: unknown } };
  const name = typeof metadata?.name === 'string' ? metadata.name : '(no name)';
  return `${typeof kind === 'string' ? kind : '(no kind)'}/${name}`;
}

/** Validates one object against the schema of its apiVersion and kind; undefined when it is valid. */
export function validateManifest(object: unknown, index = 0): ManifestProblem | undefined {
  const where = describe(object, index);
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    return { object: where, message: 'is not a mapping (a Kubernetes object)' };
  }
  const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
  const Model = MODELS.get(`${String(apiVersion)}/${String(kind)}`);
  if (Model === undefined) {
    return { object: where, message: `no schema for apiVersion ${String(apiVersion)} kind ${String(kind)}; known: ${[...MODELS.keys()].join(', ')}` };
  }
  try {
    new Model(object as never).validate();
    return undefined;
  } catch (error) {
    return { object: where, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Every object of the stream, each validated; a stream without objects is a problem too. */
export function validateManifests(text: string): ValidationReport {
  let objects: unknown[];
  try {
    objects = parseManifests(text);
  } catch (error) {
    return { valid: [], problems: [{ object: 'stream', message: error instanceof Error ? error.message : String(error) }] };
  }
  if (objects.length === 0) return { valid: [], problems: [{ object: 'stream', message: 'holds no Kubernetes object' }] };
  const valid: string[] = [];
  const problems: ManifestProblem[] = [];
  objects.forEach((object, index) => {
    const problem = validateManifest(object, index);
    if (problem === undefined) valid.push(describe(object, index));
    else problems.push(problem);
  });
  return { valid, problems };
}
