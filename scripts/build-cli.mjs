// Bundles the CLI (and browser-mode server) into out/cli/leadledger.mjs; native and large deps stay external.
// date-fns and zod are bundled: loaded as packages they are hundreds of ES modules, each resolved,
// read and compiled at every start (~0.4 s of a cold `leadledger report`).
import { build } from 'esbuild';

const bundled = /^(date-fns|zod)(\/|$)/;

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/leadledger.mjs',
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
        b.onResolve({ filter: /^[^./]/ }, (args) => (bundled.test(args.path) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
