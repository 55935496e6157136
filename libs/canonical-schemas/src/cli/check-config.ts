export const DEFAULT_SCHEMA_REGISTRY_URL = 'http://127.0.0.1:8081/apis/ccompat/v7';

export type CheckConfig = { readonly ok: true; readonly registryUrl: string } | { readonly ok: false; readonly problem: string };

/** Reads SCHEMA_REGISTRY_URL once; a value that is not an http(s) URL is refused with what to fix. */
export function parseCheckConfig(env: Readonly<Record<string, string | undefined>>): CheckConfig {
  const raw = env['SCHEMA_REGISTRY_URL'];
  const registryUrl = raw === undefined || raw.trim() === '' ? DEFAULT_SCHEMA_REGISTRY_URL : raw.trim();
  let protocol: string;
  try {
    protocol = new URL(registryUrl).protocol;
  } catch {
    return { ok: false, problem: `SCHEMA_REGISTRY_URL is "${registryUrl}", which is not a URL (e.g. ${DEFAULT_SCHEMA_REGISTRY_URL})` };
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    return { ok: false, problem: `SCHEMA_REGISTRY_URL must be an http or https URL, got ${protocol}` };
  }
  return { ok: true, registryUrl };
}
