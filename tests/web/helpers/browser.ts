/**
 * Browser tests' harness: the built app (dist/web) served by `megaroth serve`'s own server on a
 * free port, Debian's Chromium driven by playwright-core (never a downloaded browser), every
 * request recorded, and screenshots in tests/web/screenshots/ (git-ignored).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../../../src/cli/commands/serve.js';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB_ROOT = resolve('dist/web');
export const SHOTS = resolve('tests/web/screenshots');

export const LAPTOP = { width: 1366, height: 768 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export interface Harness {
  readonly browser: Browser;
  readonly server: StaticServer;
  /** Every URL any page asked for. */
  readonly requests: string[];
  /** Console errors and page errors (a CSP violation shows here). */
  readonly errors: string[];
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  }
  if (!existsSync(resolve(WEB_ROOT, 'index.html'))) {
    throw new Error('dist/web is not built: run `npm run build` (npm test does)');
  }
  mkdirSync(SHOTS, { recursive: true });
  const server = await startStaticServer({ root: WEB_ROOT, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    browser,
    server,
    requests,
    errors,
    async newPage(viewport = LAPTOP) {
      const context = await browser.newContext({
        viewport,
        reducedMotion: 'reduce',
        acceptDownloads: true,
        locale: 'en-US',
        timezoneId: 'UTC',
      });
      context.setDefaultTimeout(60_000);
      context.on('request', (r) => {
        requests.push(r.url());
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => {
        errors.push(e.message);
      });
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

/** Opens the app and waits until the answer is shown. */
export async function openApp(h: Harness, page: Page, route = '#/'): Promise<void> {
  await page.goto(`${h.server.url}${route}`);
  await page.locator('.save-state[data-state="saved"]').waitFor();
}

export async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), animations: 'disabled', fullPage });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: string[] }[];
          }[];
        }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** The scenarios saved in the page's IndexedDB. */
export function storedDrafts(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>[]>((ok, fail) => {
        const open = indexedDB.open('megaroth');
        open.onerror = () => {
          fail(new Error('cannot open IndexedDB'));
        };
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('scenarios').objectStore('scenarios').getAll();
          req.onsuccess = () => {
            ok((req.result as { draft: Record<string, unknown> }[]).map((r) => r.draft));
            db.close();
          };
          req.onerror = () => {
            fail(new Error('cannot read scenarios'));
          };
        };
      }),
  );
}
