/**
 * The panel's Vite build: output in apps/admin/dist (served by the API at `/`, or by nginx in docker/), workspace
 * libraries taken from their TypeScript sources. Run from the workspace root with `--config apps/admin/vite.config.mts`.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = process.env.DANGBO_API_PROXY ?? 'http://127.0.0.1:4000';

export default defineConfig(({ command }) => ({
  root: here('.'),
  base: '/',
  plugins: [react()],
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
    proxy: { '/graphql': api, '/reports': api },
  },
  preview: { host: '127.0.0.1', port: 4300 },
  build: {
    outDir: here('dist'),
    emptyOutDir: true,
    // No public source maps next to the panel; `vite build --sourcemap` when debugging a build.
    sourcemap: false,
    // react-admin + MUI make one large vendor chunk; it is cached across releases by its hash.
    chunkSizeWarningLimit: 2500,
  },
  // Apollo Client (inside ra-data-graphql) keeps its development checks unless told otherwise.
  define: command === 'build' ? { 'globalThis.__DEV__': 'false' } : {},
}));
