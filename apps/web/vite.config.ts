import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const sharedEntry = fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Compile the shared package from source: no separate build step for it.
    alias: { '@mnpddh/shared': sharedEntry },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The API serves the app under `default-src 'self'`: no inline module
    // preload polyfill, no data: URIs inlined into the CSS or JS.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    // Which chunks and styles each page loads (dist/.vite/manifest.json, not served: dotfiles are ignored):
    // the page-weight test adds them up against the 2G budget.
    manifest: true,
    rolldownOptions: {
      // The shared package is schemas and constants only: a page that imports one constant (the privacy
      // notice on the public help page) must not pull every schema and zod into the public entry.
      treeshake: { moduleSideEffects: [{ test: /packages[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
