/**
 * `megaroth serve`'s static server: files from the app folder only (no `..`, encoded or not, no
 * symlink out), the right content types, GET and HEAD only, and the Content-Security-Policy on
 * every answer.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { request } from 'node:http';

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  startStaticServer,
  type StaticServer,
} from '../../src/cli/commands/serve.js';
import { runCli } from '../helpers/cli.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request (the path is sent as written, without the client normalising `..`). */
function get(server: StaticServer, path: string, method = 'GET'): Promise<Answer> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        ok({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', fail);
    req.end();
  });
}

let dir: string;
let server: StaticServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'megaroth-serve-'));
  const root = join(dir, 'web');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'app-1234.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('static server', () => {
  it('listens on 127.0.0.1 and serves index.html at /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get(server, '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('<title>app</title>');
  });

  it('sends the Content-Security-Policy and nosniff on every answer', async () => {
    for (const path of ['/', '/assets/app-1234.js', '/missing']) {
      const r = await get(server, path);
      expect(r.headers['content-security-policy']).toContain(CONTENT_SECURITY_POLICY);
      expect(r.headers['content-security-policy']).toContain("connect-src 'self'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('gives scripts and styles their content types', async () => {
    expect((await get(server, '/assets/app-1234.js')).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await get(server, '/assets/app-1234.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect(contentTypeOf('x.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/link.txt',
    '/%00index.html',
    '/%E0%A4%A',
    '/assets',
    '/missing.js',
  ])('does not serve %s', async (path) => {
    const r = await get(server, path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('secret');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(server, '/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await get(server, '/', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers['allow']).toBe('GET, HEAD');
  });

  it('refuses a folder without a built app, naming the fix', async () => {
    await expect(startStaticServer({ root: dir, port: 0 })).rejects.toThrow(/npm run build/);
  });

  it('a port in use is an input error naming --port', async () => {
    await expect(startStaticServer({ root: join(dir, 'web'), port: server.port })).rejects.toThrow(
      /--port|cannot be used/,
    );
  });
});

describe('megaroth serve', () => {
  it('the built command serves dist/web on 127.0.0.1, prints the address and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((ok, fail) => {
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (c: string) => {
          out += c;
          const m = /megaroth web app: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m?.[1]) ok(m[1]);
        });
        child.on('exit', (code) => {
          fail(new Error(`serve exited with ${String(code)}: ${out}`));
        });
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    } finally {
      const exited = new Promise<number | null>((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);

  it('rejects a bad port with exit code 2', async () => {
    const r = await runCli(['serve', '--port', '70000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port: must be from 0 to 65535');
  });
});
