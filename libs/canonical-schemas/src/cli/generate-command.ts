import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildCatalogue } from '../catalogue/catalogue';
import { PACKAGE_ROOT, renderGeneratedFiles } from '../codegen/generated-files';
import type { CommandOutput } from './output';

/** `npm run schemas:generate`: rewrites the files derived from the .avsc and the topic catalogue. */
export function runGenerateCommand(output: CommandOutput, packageRoot: string = PACKAGE_ROOT): number {
  try {
    for (const file of renderGeneratedFiles(buildCatalogue())) {
      const target = join(packageRoot, file.path);
      const unchanged = readIfPresent(target) === file.content;
      if (!unchanged) {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      }
      output.out.write(`schemas:generate: ${unchanged ? 'unchanged' : 'wrote    '} libs/canonical-schemas/${file.path}\n`);
    }
    return 0;
  } catch (error) {
    output.err.write(`schemas:generate: ${(error as Error).message}\n  what to do: fix the schema named above and run it again\n`);
    return 1;
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
