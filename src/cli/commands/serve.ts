/**
 * `megaroth serve [--port N]`: serves the built web app (dist/web) on 127.0.0.1 with a tiny
 * static file server: GET and HEAD only, fixed content types, no path outside the app folder,
 * and a Content-Security-Policy that lets the page talk to nothing but itself.
 */
import { realpathSync, statSync, createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../engine/errors.js';
import { parseIntOption } from '../options.js';
import type { Register } from './index.js';

/**
 * The page may load its own scripts, styles, images and workers and connect to its own origin
 * only: no third-party script, font, analytics or request. Styles allow inline attributes
 * because the charts (Observable Plot) set them. The built index.html carries the same policy
 * in a meta tag (vite.config.ts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Only in the HTTP header: a meta tag cannot set it. */
const HEADER_ONLY_POLICY = "frame-ancestors 'none'";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** The content type of a file, by its extension. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The folder of the built web app beside this module (dist/cli/commands → dist/web). */
export function defaultWebRoot(): string {
  return fileURLToPath(new URL('../../web/', import.meta.url));
}

export interface StaticServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a request path names inside `root`, or undefined when it names nothing there
 * (missing, a directory, or outside the root after decoding `..`, `%2e%2e` or a symlink).
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]?.split('#')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const file = resolve(root, `.${path.startsWith('/') ? path : `/${path}`}`);
  const inside = (p: string): boolean => {
    const rel = relative(root, p);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (!inside(file) || !isFile(file)) return undefined;
  return inside(realpathSync(file)) ? file : undefined;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', `${CONTENT_SECURITY_POLICY}; ${HEADER_ONLY_POLICY}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed');
    return;
  }
  const file = resolveRequestPath(root, req.url ?? '/');
  if (file === undefined) {
    send(res, 404, 'not found');
    return;
  }
  const hashed = relative(root, file).startsWith(`assets`);
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(statSync(file).size),
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}

/** Serves the files under `root` on host:port (port 0: a free port). */
export function startStaticServer(opts: {
  readonly root: string;
  readonly port: number;
  readonly host?: string;
}): Promise<StaticServer> {
  const host = opts.host ?? '127.0.0.1';
  let root: string;
  try {
    root = realpathSync(opts.root);
  } catch {
    root = opts.root;
  }
  if (!isFile(join(root, 'index.html'))) {
    return Promise.reject(
      new InputError([
        {
          path: root,
          message: 'the web app is not built here (no index.html): run `npm run build` first',
        },
      ]),
    );
  }
  const server = createServer((req, res) => {
    handle(root, req, res);
  });
  return new Promise((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      fail(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new InputError([
              {
                path: '--port',
                message: `port ${String(opts.port)} cannot be used (${e.code}); choose another with --port`,
              },
            ])
          : e,
      );
    });
    server.listen(opts.port, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : opts.port;
      ok({
        url: `http://${host}:${String(port)}/`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              done();
            });
          }),
      });
    });
  });
}

export const DEFAULT_PORT = 4173;

export const register: Register = (program, io) => {
  program
    .command('serve')
    .summary('Serve the web app on this computer (127.0.0.1)')
    .description(
      'Serves the megaroth web app on 127.0.0.1 and prints its address. Everything runs in your\nbrowser; the page sends nothing anywhere. Stop with Ctrl+C.',
    )
    .option(
      '--port <port>',
      `port to listen on (0: any free port; default ${String(DEFAULT_PORT)})`,
      (v) => parseIntOption('--port', v, 0, 65535),
      DEFAULT_PORT,
    )
    .action(async (opts: { port: number }) => {
      const server = await startStaticServer({ root: defaultWebRoot(), port: opts.port });
      io.out(`megaroth web app: ${server.url}\n`);
      io.out('Everything runs in your browser; nothing leaves this computer. Ctrl+C stops.\n');
      await new Promise<void>((done) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void server.close().then(done);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
};
