// Bundles the CLI (and browser-mode server) into out/cli/leadledger.mjs, and the import's parse worker
// next to it (out/cli/parse-worker.mjs, found by src/core/csv/parsed-rows.ts); native and large deps stay external.
// date-fns and zod are bundled: loaded as packages they are hundreds of ES modules, each resolved,
// read and compiled at every start (docs/performance.md).
import { build } from 'esbuild';

const bundled = /^(date-fns|zod)(\/|$)/;

const entries = [
  ['src/cli/index.ts', 'out/cli/leadledger.mjs'],
  ['src/core/csv/parse-worker.ts', 'out/cli/parse-worker.mjs'],
];

for (const [entry, outfile] of entries)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages-but-some',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            bundled.test(args.path) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
