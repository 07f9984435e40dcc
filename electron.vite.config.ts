import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { contentSecurityPolicy } from './src/main/security.ts';

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The job worker is its own entry, so the file holding its code holds only its own imports (jobs/job-worker.ts).
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/main/cli.ts'), 'job-worker': resolve('src/main/jobs/job-worker.ts') },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only require 'electron': bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [
      react(),
      {
        name: 'ferry-csp',
        // The CSP lives in one place (security.ts); the page carries it as a meta tag too.
        transformIndexHtml: (html) => html.replace('%FERRY_CSP%', contentSecurityPolicy()),
      },
    ],
  },
});
