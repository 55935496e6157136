import { resolve } from 'node:path';
import type { CatalogueEntry } from '../catalogue/catalogue';
import { renderAsyncApi } from './asyncapi';
import { renderTopicsMarkdown } from './topics-markdown';
import { generateTypeScript } from './typescript';

/** libs/canonical-schemas, from src/codegen (tests) and dist/codegen (the CLI) alike. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');

export interface GeneratedFile {
  /** Relative to the package root. */
  readonly path: string;
  readonly content: string;
}

export const ASYNCAPI_OPTIONS = { version: '1.0.0', kafkaHost: '127.0.0.1:9092' } as const;

/** Every file derived from the canonical catalogue, rendered in memory. */
export function renderGeneratedFiles(catalogue: readonly CatalogueEntry[]): readonly GeneratedFile[] {
  return [
    { path: 'src/generated/events.ts', content: generateTypeScript(catalogue) },
    { path: 'asyncapi.json', content: renderAsyncApi(catalogue, ASYNCAPI_OPTIONS) },
    { path: 'TOPICS.md', content: renderTopicsMarkdown(catalogue) },
  ];
}
