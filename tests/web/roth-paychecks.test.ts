/**
 * The Roth sections of the answer and the Paychecks page in a real browser: the backdoor
 * situation (examples/backdoor-rollover-ira.yaml) shows the Form 8606 pro-rata figures and the
 * roll-in fix (IRC 408(d)(2); Form 8606 lines 6 and 18), the Paychecks page shows the built-in
 * example's schedule to its last paycheck and saves the CSV and iCalendar files, with axe-core
 * at laptop and phone width and no table wider than a phone's page.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LAPTOP,
  PHONE,
  openApp,
  seriousViolations,
  shot,
  startHarness,
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

async function openBackdoor(page: Page): Promise<void> {
  await openApp(h, page, '#/start');
  await page
    .locator('button.situation', { hasText: 'Backdoor Roth IRA with a rollover IRA' })
    .click();
  await page.locator('section.roth-ira').waitFor();
}

/** The page is no wider than the window: wide tables scroll inside their own box. */
async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

async function saved(page: Page, button: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

describe('Roth IRA and Roth money this year', () => {
  it(
    'the backdoor situation shows the taxable conversion and the roll-in that fixes it',
    async () => {
      for (const [viewport, size] of [
        [LAPTOP, 'laptop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await h.newPage(viewport);
        await openBackdoor(page);
        const ira = page.locator('section.roth-ira');
        const amount = (label: string) =>
          ira.locator('tr', { hasText: label }).first().locator('button.fig').textContent();
        // Form 8606: $7,500 converted with $40,000 of pre-tax IRA money on December 31 is
        // taxable in the ratio 40,000 / 47,500: $6,315.79 (lines 6, 17, 18).
        await expect(amount('Taxable conversion (line 18)')).resolves.toBe('$6,315.79');
        await expect(amount('Roll into a plan by 2026-12-31')).resolves.toBe('$40,000.00');
        await expect(amount('Taxable conversion after the roll-in')).resolves.toBe('$0.00');
        // The figure opens to its rule and citation.
        await ira
          .locator('tr', { hasText: 'Taxable conversion (line 18)' })
          .first()
          .locator('button.fig')
          .click();
        await expect(ira.locator('.explanation').textContent()).resolves.toContain(
          'Form 8606 line 18',
        );
        // Roth money this year: the table and the dated steps, the roll-in first.
        const money = page.locator('section.roth-money');
        await expect(money.locator('tbody tr').last().textContent()).resolves.toMatch(/^Total/);
        await expect(money.locator('ol.steps li').first().textContent()).resolves.toMatch(
          /^Roll \$40,000\.00 of pre-tax IRA money.*by 2026-12-31$/,
        );
        expect(await seriousViolations(page), `answer at ${size}`).toEqual([]);
        expect(await pageOverflow(page), `page overflow at ${size}`).toBe(0);
        await ira.scrollIntoViewIfNeeded();
        await shot(page, `${size}-roth-ira`);
        await money.scrollIntoViewIfNeeded();
        await shot(page, `${size}-roth-money`);
        // The built-in example's "what it grows into" lists the assumptions with their source.
        await page.goto(`${h.server.url}#/start`);
        await page.locator('button.situation').first().click();
        const assumptions = page.locator('table.assumptions');
        await assumptions.waitFor();
        await expect(assumptions.locator('tbody tr').count()).resolves.toBeGreaterThan(5);
        await expect(
          assumptions
            .locator('tr', { hasText: 'Expected return' })
            .first()
            .locator('td')
            .last()
            .textContent(),
        ).resolves.toBe('default');
        expect(await pageOverflow(page), `planner overflow at ${size}`).toBe(0);
        await assumptions.scrollIntoViewIfNeeded();
        await shot(page, `${size}-assumptions`);
        await page.context().close();
      }
    },
    SLOW,
  );
});

describe('Paychecks page', () => {
  it(
    'shows the built-in example to its last paycheck and saves the CSV and the calendar',
    async () => {
      for (const [viewport, size] of [
        [LAPTOP, 'laptop'],
        [PHONE, 'phone'],
      ] as const) {
        const page = await h.newPage(viewport);
        // The backdoor scenario has no payroll: the page uses the built-in example.
        await openBackdoor(page);
        await page.goto(`${h.server.url}#/tools/paychecks`);
        const last = page.locator('table.schedule tbody tr').last();
        await last.waitFor();
        await expect(page.locator('.editor-col').textContent()).resolves.toContain(
          'the built-in example',
        );
        // As `megaroth paychecks`: the last paycheck of 2026 takes 29% and 56%, reaching the
        // 402(g) limit ($24,500) and the 415(c) limit ($72,000) on the day.
        const cells = await last.locator('th, td').allTextContents();
        expect(cells.slice(0, 11)).toEqual([
          '2026-12-25',
          'acme',
          '$6,000.00',
          '$1,700.00',
          '$3,340.00',
          '$180.00',
          '$0.00',
          '$459.00',
          '$501.00',
          '$24,500.00',
          '$72,000.00',
        ]);
        expect(cells[11]).toContain('402(g) limit reached');
        expect(await seriousViolations(page), `paychecks at ${size}`).toEqual([]);
        expect(await pageOverflow(page), `page overflow at ${size}`).toBe(0);
        await shot(page, `${size}-paychecks`);
        await page.locator('table.schedule').scrollIntoViewIfNeeded();
        await shot(page, `${size}-paychecks-schedule`);
        if (size === 'phone') {
          // The schedule scrolls sideways inside its box.
          const box = page.locator('.table-scroll', { has: page.locator('table.schedule') });
          const [inner, outer] = await box.evaluate((e) => [e.scrollWidth, e.clientWidth]);
          expect(inner).toBeGreaterThan(outer);
        } else {
          const csv = await saved(page, 'Download the schedule (CSV)');
          const lines = csv.trimEnd().split('\r\n');
          expect(lines[lines.length - 1]).toMatch(/^2026-12-25,acme,/);
          const ics = await saved(page, 'Download the steps (iCalendar)');
          expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
          expect(ics).toContain('BEGIN:VEVENT');
        }
        await page.context().close();
      }
      const origin = new URL(h.server.url).origin;
      const outside = h.requests.filter(
        (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin,
      );
      expect(outside).toEqual([]);
    },
    SLOW,
  );
});
