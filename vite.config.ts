import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = import.meta.dirname;

/**
 * Workers have no DOM, but their bundle is resolved with the "browser" condition; a package whose
 * browser build needs `document` (the Markdown parser's entity decoder, reached through the review
 * parts the quality score reads) gets its plain build there instead.
 */
const noDomInWorkers: Plugin = {
  name: 'hindsight:no-dom-in-workers',
  enforce: 'pre',
  resolveId: (source) => (source === 'decode-named-character-reference' ? path.join(here, 'node_modules/decode-named-character-reference/index.js') : null),
};
const apiTarget = process.env.HINDSIGHT_API_URL ?? 'http://127.0.0.1:3001';

/** The web app: root src/web, built into dist/web (served by the API at /). */
export default defineConfig({
  root: path.join(here, 'src/web'),
  plugins: [react()],
  worker: { plugins: () => [noDomInWorkers] },
  build: {
    outDir: path.join(here, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 700,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // The first load stays as small as it is; what the pages share comes in two chunks instead
        // of dozens of tiny ones (HTTP/1.1 fetches six at a time, and each is revalidated on reload).
        codeSplitting: {
          groups: [
            { name: 'initial', tags: ['$initial'], priority: 3 },
            // The charts (recharts and what only it uses) load with the trends page alone.
            { name: 'charts', test: /node_modules[\\/](recharts|@mantine[\\/]charts|victory-vendor|d3-[a-z-]+|@reduxjs|react-redux|redux|redux-thunk|reselect|decimal\.js-light|es-toolkit|eventemitter3|internmap)[\\/]/, priority: 2.5 },
            { name: 'pages-vendor', test: /node_modules/, priority: 2 },
            { name: 'pages-shared', test: /src[\\/](shared|web)[\\/]/, priority: 1, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false, ws: true },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
