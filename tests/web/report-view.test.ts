// @vitest-environment happy-dom
/**
 * The report view renders the engine's figures and never its own: every amount shown for the
 * built-in example is a Figure of the plan report, and selecting one opens its rule and
 * citation from that Figure.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFigure } from '../../src/engine/explain.js';
import { formatUsd } from '../../src/engine/money.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../../src/engine/project/from-household.js';
import { planReport } from '../../src/engine/report/plan.js';
import { figuresOf } from '../../src/engine/report/to-json.js';
import { PHYSICIAN_EXAMPLE } from '../../src/engine/scenario/examples.js';
import { parseScenario } from '../../src/engine/scenario/validate.js';
import { FigureIndexProvider, FigureTable } from '../../web/src/report/explain.js';
import { AtAGlance, Verdict } from '../../web/src/report/ReportView.js';

const report = planReport(
  parseScenario(structuredClone(PHYSICIAN_EXAMPLE), { today: '2026-06-01' }),
  DEFAULT_GROWTH_ASSUMPTIONS,
);
const solo = report.plans.find((p) => p.id === 'solo-401k');

let host: HTMLElement;
let root: Root;

beforeEach(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
  host.remove();
});

describe('report view', () => {
  it('the answer at a glance shows each plan’s verdict and after-tax room', () => {
    act(() => {
      root.render(createElement(AtAGlance, { report }));
    });
    const items = [...host.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toEqual([
      expect.stringContaining('403(b) at St. Mary Hospital: No Mega Backdoor Roth in this plan'),
      expect.stringContaining('Full Mega Backdoor Roth. After-tax room $22,674.08'),
    ]);
  });

  it('every amount in a table is a report figure, and it opens to its rule and citation', () => {
    if (!solo) throw new Error('no solo plan');
    const rows = [solo.compensation, solo.nonelective, solo.afterTaxRoom, solo.limit415c];
    act(() => {
      root.render(
        createElement(
          FigureIndexProvider,
          { report },
          createElement(FigureTable, { caption: 'Solo', rows: rows.map((figure) => ({ figure })) }),
        ),
      );
    });
    const buttons = [...host.querySelectorAll('button.fig')];
    expect(buttons.map((b) => b.textContent)).toEqual(rows.map((f) => formatUsd(f.cents)));
    const shown = new Set(
      figuresOf(report)
        .filter(isFigure)
        .map((f) => formatUsd(f.cents)),
    );
    for (const b of buttons) expect(shown.has(b.textContent)).toBe(true);

    const room = buttons[2];
    expect(room?.getAttribute('aria-expanded')).toBe('false');
    act(() => {
      (room as HTMLButtonElement).click();
    });
    expect(room?.getAttribute('aria-expanded')).toBe('true');
    const text = host.querySelector('.explanation')?.textContent ?? '';
    expect(text).toContain(solo.afterTaxRoom.why);
    expect(text).toContain(solo.afterTaxRoom.citation);
  });

  it('the verdict lists its warnings and the questions for the plan administrator', () => {
    if (!solo) throw new Error('no solo plan');
    act(() => {
      root.render(createElement(Verdict, { plan: solo }));
    });
    const lists = [...host.querySelectorAll('ul')].map((u) => u.children.length);
    expect(lists).toEqual([solo.verdict.warnings.length, solo.verdict.ask.length]);
    expect(host.textContent).toContain('Ask the plan administrator');
  });
});
