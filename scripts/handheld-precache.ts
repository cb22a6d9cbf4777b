// The service worker's precache: what every handheld needs to start and work offline, found
// from the build's chunk graph rather than from file names (chunk names change as code moves).
// Used by vite.config.ts; see docs/decisions/0034-compressed-assets-and-a-handheld-precache.md.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

interface ManifestEntry {
  url: string;
  revision: string | null;
  size: number;
  integrity?: string;
}

interface Options {
  /** Modules (absolute paths) of the pages fetched only when opened, and what only they import. */
  onDemandPages: RegExp;
  /** Other built files (relative to the output folder) that are never precached. */
  onDemandFiles: RegExp;
}

interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  facadeModuleId: string | null;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/**
 * The files reachable from the app's entry without going through an on-demand page, and every
 * script and style file of the build (the ones whose place in the precache this decides).
 */
export function handheldFiles(
  chunks: readonly ChunkInfo[],
  onDemandPages: RegExp,
): { needed: Set<string>; decided: Set<string> } {
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const needed = new Set<string>();
  const decided = new Set<string>();
  for (const chunk of chunks) {
    decided.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) decided.add(css);
  }
  const visit = (fileName: string): void => {
    const chunk = byFile.get(fileName);
    if (!chunk || needed.has(fileName)) return;
    if (chunk.isDynamicEntry && !chunk.isEntry && onDemandPages.test(chunk.facadeModuleId ?? '')) return;
    needed.add(fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) needed.add(css);
    for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
  return { needed, decided };
}

/** Subresource Integrity value of a built file, checked by the browser when it is precached. */
function integrityOf(path: string): string {
  return `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
}

export function handheldPrecache(options: Options) {
  let outDir = 'dist/client';
  let files: { needed: Set<string>; decided: Set<string> } | undefined;

  const plugin: Plugin = {
    name: 'aisle:handheld-precache',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (output) => output.type === 'chunk',
      ) as unknown as ChunkInfo[];
      files = handheldFiles(chunks, options.onDemandPages);
    },
  };

  /** workbox-build's manifestTransforms: drops what is fetched on demand, adds the SRI hashes. */
  const transform = (entries: ManifestEntry[]) => {
    if (!files) throw new Error('handheld-precache: the bundle was not seen before the service worker');
    const { needed, decided } = files;
    const manifest = entries
      .filter((entry) => !options.onDemandFiles.test(entry.url))
      .filter((entry) => !decided.has(entry.url) || needed.has(entry.url))
      .map((entry) => ({ ...entry, integrity: integrityOf(join(outDir, entry.url)) }));
    return { manifest, warnings: [] };
  };

  return { plugin, transform };
}
