// The web app's build: apps/web → dist/web, served by the dialer at `/` (apps/dialer/src/web-static.ts).
// JSX is compiled by Vite's own transformer (automatic runtime); no React plugin is needed for a production build.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  // The script walker of @app/scripts is pure and shared with the server: imported from its file.
  resolve: { alias: { '@libs': fileURLToPath(new URL('../../libs', import.meta.url)) } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // No inline assets: the strict CSP allows only same-origin scripts and styles.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
