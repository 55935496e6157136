import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalogue } from '../catalogue/catalogue';
import { PACKAGE_ROOT, renderGeneratedFiles } from './generated-files';

describe('the files generated from the schemas and the topic catalogue', () => {
  const files = renderGeneratedFiles(buildCatalogue());

  it.each(files.map((file) => [file.path, file.content] as const))(
    'libs/canonical-schemas/%s › matches what `npm run schemas:generate` writes (run it when this fails)',
    (path, content) => {
      expect(readFileSync(join(PACKAGE_ROOT, path), 'utf8')).toBe(content);
    },
  );

  it('› are rendered the same way every time', () => {
    expect(renderGeneratedFiles(buildCatalogue())).toEqual(files);
  });
});
