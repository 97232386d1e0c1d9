/**
 * Builds the web app (web/) into static files in dist/web, shipped in the package and served
 * by `megaroth serve`. The built index.html carries the same Content-Security-Policy as the
 * server's header, and the build prints each chunk's size and the initial JavaScript (gzip).
 */
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/cli/commands/serve.js';

/** The meta tag is added only to the build: the dev server injects inline scripts. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'megaroth-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Prints every chunk's gzip size and the total JavaScript the page loads before any click. */
function buildReport(): Plugin {
  return {
    name: 'megaroth-build-report',
    apply: 'build',
    generateBundle(_options, bundle) {
      const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
      const rows: [string, number, number][] = [];
      const initial = new Set<string>();
      const visit = (name: string): void => {
        const c = bundle[name];
        if (!c || c.type !== 'chunk' || initial.has(name)) return;
        initial.add(name);
        c.imports.forEach(visit);
      };
      for (const [name, c] of Object.entries(bundle)) {
        const bytes = c.type === 'chunk' ? Buffer.from(c.code) : Buffer.from(c.source);
        rows.push([name, bytes.length, gzipSync(bytes).length]);
        if (c.type === 'chunk' && c.isEntry) visit(name);
      }
      const lines = ['', 'megaroth web build (raw / gzip):'];
      for (const [name, raw, gz] of rows.sort((a, b) => b[2] - a[2])) {
        lines.push(`  ${name.padEnd(48)} ${kb(raw).padStart(10)} ${kb(gz).padStart(10)}`);
      }
      const initialGzip = rows
        .filter(([name]) => initial.has(name))
        .reduce((sum, [, , gz]) => sum + gz, 0);
      lines.push(`  initial JavaScript (entry and its imports): ${kb(initialGzip)} gzip`, '');
      this.info(lines.join('\n'));
    },
  };
}

export default defineConfig({
  root: 'web',
  base: './',
  plugins: [react(), contentSecurityPolicy(), buildReport()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1000,
  },
  worker: { format: 'es' },
});
