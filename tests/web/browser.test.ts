/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against the
 * production build served by `megaroth serve`'s server: the built-in example's answer, live
 * edits, an invalid field, reload, export/import, the client report as a PDF, keyboard use,
 * axe-core, and no request to anywhere but the page's own origin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { formatUsd } from '../../src/engine/money.js';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { runCli } from '../helpers/cli.js';

import {
  LAPTOP,
  PHONE,
  SHOTS,
  openApp,
  seriousViolations,
  shot,
  startHarness,
  storedDrafts,
  type Harness,
} from './helpers/browser.js';

const SLOW = 180_000;
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
}, SLOW);

afterAll(async () => {
  await h.close();
}, SLOW);

const WAGES = '#f-jobs-0-wages';
const glance = (page: Page) => page.locator('.glance');

describe('the planner', () => {
  it(
    'opens on the built-in example and shows the solo 401(k)’s after-tax room',
    async () => {
      for (const [viewport, name] of [
        [LAPTOP, 'laptop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await h.newPage(viewport);
        await openApp(h, page);
        await glance(page).getByText('$22,674.08').waitFor();
        await expect(page.locator('h1').textContent()).resolves.toBe(PHYSICIAN_EXAMPLE.name);
        // The plan's table has the same figure, and it opens to its rule and citation.
        const solo = page.locator('section.plan', { hasText: 'Solo 401(k) at Lee Moonlighting' });
        const row = solo.locator('tr', { hasText: 'After-tax room' }).first();
        await expect(row.locator('button.fig').textContent()).resolves.toBe('$22,674.08');
        await shot(page, `${name}-planner`);
        await shot(page, `${name}-planner-full`, true);
        await row.locator('button.fig').click();
        const explanation = solo.locator('.explanation').first();
        await explanation.waitFor();
        await expect(explanation.textContent()).resolves.toMatch(/Rule:.*IRC 415\(c\)/);
        await explanation.scrollIntoViewIfNeeded();
        await shot(page, `${name}-explanation`);
        await page.context().close();
      }
    },
    SLOW,
  );

  it(
    'editing wages changes the answer at once',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator(WAGES).fill('200000');
      // A lower hospital match leaves more of the shared 415(c) limit to the solo 401(k).
      await glance(page).getByText('$26,674.08').waitFor();
      await page.context().close();
    },
    SLOW,
  );

  it(
    'an invalid value shows a message beside the field, keeps the text and the last answer',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator(WAGES).fill('30O000');
      const field = page.locator('.field', { has: page.locator(WAGES) });
      await field
        .locator('.error')
        .getByText('expected an amount in dollars (a number, e.g. 12000.50), got the text "30O000"')
        .waitFor();
      await expect(page.locator(WAGES).inputValue()).resolves.toBe('30O000');
      await expect(page.locator(WAGES).getAttribute('aria-invalid')).resolves.toBe('true');
      await page.locator('.stale-note').waitFor();
      await expect(glance(page).textContent()).resolves.toContain('$22,674.08');
      await field.scrollIntoViewIfNeeded();
      await shot(page, 'laptop-invalid-field');
      // Fixing it brings the live answer back.
      await page.locator(WAGES).fill('200000');
      await glance(page).getByText('$26,674.08').waitFor();
      await expect(page.locator('.stale-note').count()).resolves.toBe(0);
      await page.context().close();
    },
    SLOW,
  );

  it(
    'undo and redo',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator(WAGES).fill('200000');
      await glance(page).getByText('$26,674.08').waitFor();
      await page.getByRole('button', { name: 'Undo' }).click();
      await glance(page).getByText('$22,674.08').waitFor();
      await expect(page.locator(WAGES).inputValue()).resolves.toBe('300000');
      await page.getByRole('button', { name: 'Redo' }).click();
      await glance(page).getByText('$26,674.08').waitFor();
      await page.context().close();
    },
    SLOW,
  );

  it(
    'reload keeps the scenario',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator(WAGES).fill('200000');
      await glance(page).getByText('$26,674.08').waitFor();
      await expect
        .poll(async () => (await storedDrafts(page)).map((d) => JSON.stringify(d)).join(), {
          timeout: 60_000,
        })
        .toContain('"wages":200000');
      await page.reload();
      await page.locator('.save-state[data-state="saved"]').waitFor();
      await glance(page).getByText('$26,674.08').waitFor();
      await expect(page.locator(WAGES).inputValue()).resolves.toBe('200000');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'a record saved by an older version of the app opens',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      const old = { ...structuredClone(PHYSICIAN_EXAMPLE), name: 'Saved by version 1' };
      await page.evaluate(
        (scenario) =>
          new Promise<void>((ok, fail) => {
            const open = indexedDB.open('megaroth');
            open.onsuccess = () => {
              const tx = open.result.transaction(['scenarios', 'meta'], 'readwrite');
              tx.objectStore('scenarios').put(
                { version: 1, id: 'v1', name: 'Saved by version 1', scenario, savedAt: 0 },
                'v1',
              );
              tx.objectStore('meta').put('v1', 'current');
              tx.oncomplete = () => {
                open.result.close();
                ok();
              };
              tx.onerror = () => {
                fail(new Error('write failed'));
              };
            };
          }),
        old,
      );
      await page.reload();
      await page.locator('h1', { hasText: 'Saved by version 1' }).waitFor();
      await glance(page).getByText('$22,674.08').waitFor();
      await page.context().close();
    },
    SLOW,
  );
});

describe('situations', () => {
  it(
    'each situation opens filled in and shows its answer',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/start');
      const titles = await page.locator('button.situation strong').allTextContents();
      expect(titles.length).toBeGreaterThanOrEqual(10);
      for (const [i, title] of titles.entries()) {
        if (title === 'Start empty') continue;
        await page.goto(`${h.server.url}#/start`);
        await page.locator('button.situation').nth(i).click();
        await page.locator('.glance li').first().waitFor();
        await expect(page.locator('.stale-note').count()).resolves.toBe(0);
        await shot(page, `situation-${String(i + 1)}`);
      }
      // Start empty: the one missing field is named beside it, and the answer waits for it.
      await page.goto(`${h.server.url}#/start`);
      await page.locator('button.situation', { hasText: 'Start empty' }).click();
      const birth = page.locator('.field', { has: page.locator('#f-people-0-birthDate') });
      await birth.locator('.error').getByText('required').waitFor();
      await page.locator('#f-people-0-birthDate').fill('1980-05-01');
      await page.getByText('Deferral room left').waitFor();
      await page.context().close();
    },
    SLOW,
  );
});

describe('tools', () => {
  it(
    'each tool shows its report, and a bad input gets the CLI’s message beside the field',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/tools');
      await page.locator('a.situation').first().waitFor();
      const links = await page
        .locator('a.situation')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(links).toEqual([
        '#/tools/rollover',
        '#/tools/form8606',
        '#/tools/clocks',
        '#/tools/ledger',
        '#/tools/solo',
        '#/tools/optimize',
        '#/tools/paychecks',
        '#/tools/tax',
        '#/tools/montecarlo',
        '#/tools/acp',
      ]);
      // The tools that run in a worker have their own tests below.
      for (const link of links.filter((l) => !/montecarlo|acp/.test(l))) {
        await page.goto(`${h.server.url}${link}`);
        await page.locator('#tool-answer ~ .card, #tool-answer ~ section').first().waitFor();
        await expect(page.locator('.answer-col button.fig').count()).resolves.toBeGreaterThan(2);
        await shot(page, `tool-${link.replace('#/tools/', '')}`);
      }
      // Tax: the same figure as `megaroth tax` for the page's inputs.
      const tax = await runCli(
        'tax --year 2026 --status single --taxable-income 250000 --json'.split(' '),
      );
      await page.goto(`${h.server.url}#/tools/tax`);
      await page.getByLabel('Tax year').selectOption('2026');

      const taxRow = page.locator('tr', { hasText: 'Federal income tax' }).first();
      await expect(taxRow.locator('button.fig').textContent()).resolves.toBe(
        formatUsd(Math.round((JSON.parse(tax.stdout) as { tax: number }).tax * 100)),
      );
      // Rollover: $20,000 of a $100,000 account with $20,000 basis, pro-rata: $4,000 basis.

      await page.goto(`${h.server.url}#/tools/rollover`);
      const basis = page.locator('tr', { hasText: 'After-tax basis in the distribution' });
      await expect(basis.locator('button.fig').textContent()).resolves.toBe('$4,000.00');
      const amount = page.getByLabel('Amount withdrawn');
      await amount.fill('20O00');
      await page
        .locator('.field', { has: amount })
        .locator('.error')
        .getByText('expected an amount in dollars with at most 2 decimals')
        .waitFor();
      await expect(amount.inputValue()).resolves.toBe('20O00');
      await page.context().close();
    },
    SLOW,
  );
});

describe('Monte Carlo in a worker', () => {
  it(
    'runs in the background with progress, can be cancelled, and shows its table',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/tools/montecarlo');
      // A long run, cancelled while it runs.
      await page.getByLabel('Return paths').selectOption('100000');
      await page.getByRole('button', { name: 'Run the simulation' }).click();
      await page.locator('progress').waitFor();
      await shot(page, 'laptop-montecarlo-running');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Cancelled.').waitFor();
      // A short run to the end.
      await page.getByLabel('Return paths').selectOption('1000');
      await page.getByRole('button', { name: 'Run the simulation' }).click();
      // The page shows the `compare` report the CLI prints for the same file, paths and seed.
      const cli = await runCli(
        'compare examples/physician-moonlighting.yaml --paths 1000 --seed 1 --json'.split(' '),
      );
      const json = JSON.parse(cli.stdout) as {
        strategies: { label: string; monteCarloEnd: { p50: number } }[];
      };
      const table = page.locator('table', { hasText: 'After-tax wealth by strategy' });
      await table.waitFor();
      await expect(table.locator('tbody tr').count()).resolves.toBe(4);
      const first = json.strategies[0];
      if (!first) throw new Error('no strategies');
      const row = table.locator('tbody tr', { hasText: first.label });
      await expect(row.locator('td').nth(3).textContent()).resolves.toBe(
        formatUsd(Math.round(first.monteCarloEnd.p50 * 100)),
      );
      await page
        .locator('table', { hasText: 'How often the full Mega Backdoor ends ahead' })
        .waitFor();

      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'laptop-montecarlo');
      await page.context().close();
    },
    SLOW,
  );
});

describe('ACP test in a worker', () => {
  it(
    'tests a generated census as the CLI does, cancels a long run, and reads a CSV file',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/tools/acp');
      // A long run, cancelled while it runs.
      await page.getByLabel('Employees').selectOption('1000000');
      await page.getByRole('button', { name: 'Run the ACP test' }).click();
      await page.locator('progress').waitFor();
      await page.getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Cancelled.').waitFor();
      // 1,000 employees, seed 1: the same report as `megaroth census` + `megaroth acp`.
      const dir = mkdtempSync(join(tmpdir(), 'megaroth-acp-'));
      await runCli(['census', '--employees', '1000', '--seed', '1', '--out', 'c.csv'], dir);
      const cli = await runCli(['acp', 'c.csv', '--json'], dir);
      const json = JSON.parse(cli.stdout) as {
        passed: boolean;
        excessAggregateContributions: number;
      };
      await page.getByLabel('Employees').selectOption('1000');
      await page.getByRole('button', { name: 'Run the ACP test' }).click();
      const excess = page.locator('tr', { hasText: 'Excess aggregate contributions' });
      await excess.waitFor();
      await expect(excess.locator('button.fig').textContent()).resolves.toBe(
        formatUsd(Math.round(json.excessAggregateContributions * 100)),
      );
      await page
        .getByText(json.passed ? 'The plan passes the ACP test.' : 'The plan fails the ACP test.')
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await shot(page, 'laptop-acp');
      // A CSV file from this computer with a row that cannot be used: refused, then skipped.
      writeFileSync(
        join(dir, 'bad.csv'),
        `${readFileSync(resolve('examples/acp/passes.csv'), 'utf8').trimEnd()}\nX9,abc,0,0,no\n`,
      );
      await page.getByLabel('A census CSV file from this computer').check();
      await page.getByLabel('Census file (CSV)').setInputFiles(join(dir, 'bad.csv'));
      await page.getByRole('button', { name: 'Run the ACP test' }).click();
      await page.getByText('The census cannot be tested').waitFor();
      await expect(page.locator('.problems').textContent()).resolves.toContain('bad.csv:');
      await page.getByLabel('Skip rows that cannot be used').check();
      await page.getByRole('button', { name: 'Run the ACP test' }).click();
      await page.locator('.answer-col .verdict').waitFor();
      rmSync(dir, { recursive: true, force: true });
      await page.context().close();
    },
    SLOW,
  );
});

describe('files', () => {
  it(
    'export then import gives the same scenario',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator(WAGES).fill('250000');
      await glance(page).getByText('$24,674.08').waitFor();
      const exportYaml = async (): Promise<string> => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: 'Export YAML' }).click(),
        ]);
        return readFileSync(await download.path(), 'utf8');
      };
      const first = await exportYaml();
      expect(parse(first)).toEqual({
        ...structuredClone(PHYSICIAN_EXAMPLE),
        jobs: [{ ...PHYSICIAN_EXAMPLE.jobs?.[0], wages: 250000 }, PHYSICIAN_EXAMPLE.jobs?.[1]],
      });
      // Back to the example's wages, then import the file: it opens as a new scenario.
      await page.locator(WAGES).fill('300000');
      await glance(page).getByText('$22,674.08').waitFor();
      await page.locator('input[type=file]').setInputFiles({
        name: 'exported.yaml',
        mimeType: 'text/yaml',
        buffer: Buffer.from(first),
      });
      await glance(page).getByText('$24,674.08').waitFor();
      await expect(page.locator(WAGES).inputValue()).resolves.toBe('250000');
      expect(await exportYaml()).toBe(first);
      await page.goto(`${h.server.url}#/saved`);
      await expect.poll(() => page.locator('.saved-list > li').count()).toBe(2);
      await shot(page, 'laptop-saved');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'a file the CLI rejects shows the CLI’s messages and opens nothing',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      await page.locator('input[type=file]').setInputFiles(resolve('examples/invalid.yaml'));
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.textContent();
      expect(text).toContain('error: 2 problems in the input');
      expect(text).toContain('jobs[0].wages: must not be negative');
      expect(text).toContain('plans[0].match[0].upToPercent: must be from 0 to 100');
      await expect(glance(page).textContent()).resolves.toContain('$22,674.08');
      await shot(page, 'laptop-import-rejected');
      await page.context().close();
    },
    SLOW,
  );

  it(
    'saved scenarios: rename, duplicate, delete and undo the delete',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/saved');
      const items = page.locator('.saved-list > li');
      await expect.poll(() => items.count()).toBe(1);
      await page.getByRole('button', { name: /^Rename / }).click();
      await page.getByLabel(/^New name for/).fill('Dr. Lee 2026');
      await page.getByRole('button', { name: 'Save name' }).click();
      await items.getByText('Dr. Lee 2026').waitFor();
      await page.getByRole('button', { name: 'Duplicate Dr. Lee 2026' }).click();
      await page.locator('h1', { hasText: 'Dr. Lee 2026 (copy)' }).waitFor();
      await page.goto(`${h.server.url}#/saved`);
      await expect.poll(() => items.count()).toBe(2);
      await page.getByRole('button', { name: 'Delete Dr. Lee 2026 (copy)' }).click();
      await expect.poll(() => items.count()).toBe(1);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => items.count()).toBe(2);
      await page.context().close();
    },
    SLOW,
  );
});

describe('the client report', () => {
  it(
    'renders for print and fits in at most 3 pages',
    async () => {
      const page = await h.newPage();
      await openApp(h, page, '#/print');
      const report = page.locator('.client-report');
      await report.getByRole('heading', { name: 'Sources' }).waitFor();
      await shot(page, 'laptop-print-screen', true);
      await page.emulateMedia({ media: 'print' });
      const text = (await report.innerText()).replace(/\s+/g, ' ');
      for (const s of [
        'The household',
        'Plan by plan',
        'Solo 401(k) at Lee Moonlighting Practice',
        '$22,674.08',
        'Full Mega Backdoor Roth',
        'Assumptions',
        'IRC 415(c)',
      ]) {
        expect(text).toContain(s);
      }
      await page.setViewportSize({ width: 816, height: 1056 });
      await shot(page, 'print-letter', true);
      const pdf = await page.pdf({
        format: 'Letter',
        printBackground: true,
        path: `${SHOTS}/client-report.pdf`,
      });
      const raw = pdf.toString('latin1');
      const pages = raw.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(3);
      // The text is real text (embedded fonts), not a picture of it.
      expect(raw).toMatch(/\/FontFile2?|\/FontFile3/);
      await page.context().close();
    },
    SLOW,
  );
});

describe('keyboard and accessibility', () => {
  it(
    'the editor works from the keyboard alone',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      const focused = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');
      const tabTo = async (id: string): Promise<void> => {
        for (let i = 0; i < 400 && (await focused()) !== id; i++) await page.keyboard.press('Tab');
        expect(await focused()).toBe(id);
      };
      await tabTo('f-jobs-0-wages');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('200000');
      await glance(page).getByText('$26,674.08').waitFor();
      // A checklist question answered with the space bar.
      await tabTo('f-plans-0-afterTax-allowed');
      await page.keyboard.press('Space');
      const hospital = glance(page).locator('li', { hasText: '403(b) at St. Mary Hospital' });
      await expect.poll(() => hospital.locator('.badge').textContent()).not.toBe('No');
      await shot(page, 'laptop-keyboard');
      // Undo from the keyboard (outside a text field).
      await page.keyboard.press('Control+Z');
      await expect.poll(() => hospital.locator('.badge').textContent()).toBe('No');
      // An amount opens its explanation with Enter.
      await tabTo('f-jobs-0-wages');
      await page.keyboard.press('Shift+Tab');
      await page.locator('button.fig').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('.explanation').first().waitFor();
      await page.context().close();
    },
    SLOW,
  );

  it(
    'axe-core finds no serious or critical problem on any page',
    async () => {
      for (const [viewport, size] of [
        [LAPTOP, 'laptop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await h.newPage(viewport);
        for (const [route, name] of [
          ['#/', 'planner'],
          ['#/start', 'start'],
          ['#/saved', 'saved'],
          ['#/print', 'print'],
          ['#/tools', 'tools'],
          ['#/tools/rollover', 'tool-rollover'],
          ['#/tools/ledger', 'tool-ledger'],
        ] as const) {
          await openApp(h, page, route);
          await page.locator('main h1').first().waitFor();
          expect(await seriousViolations(page), `${route} at ${size}`).toEqual([]);
          await shot(page, `${size}-${name}`);
        }
        // With an explanation open and a field in error.
        await openApp(h, page, '#/');
        await page.locator('button.fig').first().click();
        await page.locator(WAGES).fill('abc');
        await page.locator('.field .error').first().waitFor();
        expect(await seriousViolations(page), `planner with errors at ${size}`).toEqual([]);
        await page.context().close();
      }
    },
    SLOW,
  );
});

describe('privacy', () => {
  it(
    'the built page and the server carry a Content-Security-Policy with connect-src self',
    async () => {
      const html = readFileSync(resolve('dist/web/index.html'), 'utf8');
      expect(html).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="[^"]*connect-src &#39;self&#39;/,
      );
      expect(html).not.toMatch(/https?:\/\//);
      const res = await fetch(h.server.url);
      expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    },
    SLOW,
  );

  it(
    'no request leaves the page’s origin, and nothing breaks the policy',
    async () => {
      const page = await h.newPage();
      await openApp(h, page);
      for (const route of ['#/start', '#/saved', '#/print', '#/tools/clocks', '#/']) {
        await page.goto(`${h.server.url}${route}`);
        await page.locator('main h1').first().waitFor();
      }
      await page.locator('button.fig').first().click();
      await page.locator(WAGES).fill('123456');
      await page.waitForLoadState('networkidle');
      await page.context().close();
      // Every page of every test above, too.
      const origin = new URL(h.server.url).origin;
      const outside = h.requests.filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
      );
      expect(outside).toEqual([]);
      expect(h.requests.length).toBeGreaterThan(0);
      expect(h.errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    },
    SLOW,
  );
});
