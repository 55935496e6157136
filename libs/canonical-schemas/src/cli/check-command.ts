import { buildCatalogue } from '../catalogue/catalogue';
import { checkCatalogueCompatibility, type CheckOptions } from '../registry/check-compatibility';
import { parseCheckConfig } from './check-config';
import { renderCheckSummary, renderCheckTable } from './check-report';
import type { CommandOutput } from './output';

export const EXIT_OK = 0;
export const EXIT_INCOMPATIBLE = 1;
export const EXIT_CANNOT_CHECK = 2;

/**
 * `npm run schemas:check`: asks the registry whether every local canonical schema is compatible
 * with what it holds. Exit 0 when all are, 1 when any is not, 2 when the check could not run.
 */
export async function runCheckCommand(
  env: Readonly<Record<string, string | undefined>>,
  output: CommandOutput,
  options: CheckOptions = {},
): Promise<number> {
  const config = parseCheckConfig(env);
  if (!config.ok) {
    output.err.write(`schemas:check: ${config.problem}\n  what to do: set SCHEMA_REGISTRY_URL to the registry's Confluent-compatible API\n`);
    return EXIT_CANNOT_CHECK;
  }
  try {
    const results = await checkCatalogueCompatibility(config.registryUrl, {
      ...options,
      catalogue: options.catalogue ?? buildCatalogue(options),
    });
    output.out.write(renderCheckTable(results));
    const summary = renderCheckSummary(results, config.registryUrl);
    if (results.some((result) => result.verdict === 'INCOMPATIBLE')) {
      output.err.write(summary);
      return EXIT_INCOMPATIBLE;
    }
    output.out.write(summary);
    return EXIT_OK;
  } catch (error) {
    output.err.write(
      `schemas:check: could not check the schemas: ${(error as Error).message}\n` +
        '  what to do: start the registry (npm run stack -- up) or point SCHEMA_REGISTRY_URL at a running one, and fix any schema error named above\n',
    );
    return EXIT_CANNOT_CHECK;
  }
}
