/**
 * The panel's Vite build: output in apps/admin/dist (served by the API at `/`, or by nginx in docker/), workspace
 * libraries taken from their TypeScript sources. Run from the workspace root with `--config apps/admin/vite.config.mts`.
 */
import react from '@vitejs/plugin-react';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.DANGBO_API_PROXY ?? 'http://127.0.0.1:4000';

/**
 * Writes `.br` and `.gz` next to every compressible output file, once at build time and at the highest levels
 * (too slow per request, free here). The API (apps/api/src/http/panel.ts) sends them to clients that accept them;
 * docker/nginx.conf compresses on the fly instead (it could use the .gz with gzip_static).
 */
function precompress(): Plugin {
  const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
  const MIN_BYTES = 1024; // below this the headers outweigh the saving
  return {
    name: 'dangbo-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? here('dist');
      const files = Object.keys(bundle).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(
        files.map(async (name) => {
          const file = path.join(dir, name);
          const raw = await readFile(file);
          if (raw.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(raw, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
            }),
            promisify(gzip)(raw, { level: zlib.Z_BEST_COMPRESSION }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * Vendor chunks for what the first screen needs (react-admin and its UI stack), named so they keep their hash, and
 * so the browser's cache, across releases that change only the panel's own code. Only modules the entry imports
 * statically (`$initial`) are grouped: a library that only lazy pages use stays with them, out of the first load.
 */
const VENDOR_GROUPS: { name: string; test: RegExp }[] = [
  { name: 'vendor-react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
  { name: 'vendor-mui', test: /[\\/]node_modules[\\/](@mui|@emotion|@popperjs|stylis)[\\/]/ },
  { name: 'vendor-ra', test: /[\\/]node_modules[\\/]/ },
];

export default defineConfig(({ command }) => ({
  root: here('.'),
  base: '/',
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      '@dangbo/vn': here('../../libs/vn/src/index.ts'),
      '@dangbo/shared-types': here('../../libs/shared-types/src/index.ts'),
      '@dangbo/rating-engine': here('../../libs/rating-engine/src/index.ts'),
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: { '/graphql': api, '/reports': api, '/exports': api, '/imports': api },
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // No public source maps next to the panel; `vite build --sourcemap` when debugging a build.
    sourcemap: false,
    // MUI alone is a 300 kB chunk (70 kB brotli); it is cached across releases by its hash.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map((group, i) => ({ ...group, tags: ['$initial' as const], priority: VENDOR_GROUPS.length - i })),
        },
      },
    },
  },
  // Apollo Client (inside ra-data-graphql) keeps its development checks unless told otherwise.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
}));
