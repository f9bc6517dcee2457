import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

/**
 * One build for both ways Tapedeck runs: `out/main/electron-main.js` (Electron),
 * `out/main/cli.js` (the `tapedeck` CLI and `tapedeck serve` under plain Node),
 * `out/main/optimize-worker.js` (the optimiser's worker threads), `out/main/core-worker.js`
 * (the core's worker pool),
 * `out/preload/preload.cjs` (sandboxed, so one self-contained CommonJS file) and
 * `out/renderer/` (the React app, served by a custom protocol or by serve).
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          'electron-main': resolve(root, 'src-main/platform/electron/electron-main.ts'),
          cli: resolve(root, 'src-main/platform/cli/cli-entry.ts'),
          // Worker threads of the optimiser: a file of their own, found beside cli.js / electron-main.js.
          'optimize-worker': resolve(root, 'src-main/research/optimize/optimize-worker.ts'),
          // The core's worker pool (large reads, backtests, the gym): beside cli.js / electron-main.js.
          'core-worker': resolve(root, 'src-main/platform/workers/core-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src-preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: { input: resolve(root, 'src-renderer/index.html') },
    },
  },
});
