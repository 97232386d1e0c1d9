/**
 * The report's charts, drawn with Observable Plot from the report's figures (the app draws,
 * the engine counts). Each chart has a table with the same numbers beside it.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Figure } from '../../../src/engine/explain.js';
import type {
  LimitGroupReport,
  PersonReport,
  PlanReport,
} from '../../../src/engine/household/report.js';
import { formatUsd } from '../../../src/engine/money.js';
import { planTitle } from '../format.js';

/** The parts of a plan's money, in the order they stack, with their colours. */
export const PARTS = [
  ['Pre-tax deferral', '#3b6ea5'],
  ['Roth deferral', '#2e8b57'],
  ['Employer match', '#e07b20'],
  ['Employer contribution', '#c9a227'],
  ['After-tax', '#8e4f9e'],
  ['Other plans under this limit', '#9a9a9a'],
  ['After-tax room not used', '#dccbe4'],
  ['Catch-up (outside 415(c))', '#7fbf7f'],
] as const;

export type Part = (typeof PARTS)[number][0];

export interface Segment {
  readonly row: string;
  readonly part: string;
  readonly cents: number;
}

const dollars = (c: number): number => c / 100;
const tickUsd = (d: number): string =>
  d >= 1_000_000
    ? `$${String(Math.round(d / 100_000) / 10)}M`
    : d >= 1000
      ? `$${String(Math.round(d / 1000))}k`
      : `$${String(d)}`;

/**
 * What goes into a plan, segment by segment. "After-tax room not used" is the after-tax room
 * less the after-tax money planned, drawn only so the bar shows the room; both figures are in
 * the plan's table.
 */
export function planSegments(
  p: PlanReport,
): { part: Part; figure: Figure | null; cents: number }[] {
  const seg = (part: Part, figure: Figure): { part: Part; figure: Figure; cents: number } => ({
    part,
    figure,
    cents: figure.cents,
  });
  const unused = p.afterTaxRoom.cents - p.afterTax.cents;
  return [
    seg('Pre-tax deferral', p.deferralPreTax),
    seg('Roth deferral', p.deferralRoth),
    seg('Employer match', p.match),
    seg('Employer contribution', p.nonelective),
    seg('After-tax', p.afterTax),
    seg('Other plans under this limit', p.otherPlansUnderLimit),
    { part: 'After-tax room not used' as const, figure: null, cents: Math.max(0, unused) },
    seg('Catch-up (outside 415(c))', p.catchUp),
  ].filter((s) => s.cents > 0);
}

/**
 * Renders a Plot into a div that follows its container's width. The label states every number
 * the chart draws, so the chart is redrawn only when the label (or the width) changes.
 */
function PlotBox(props: { build: (width: number) => Element; label: string }): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (): void => {
      const w = Math.floor(el.clientWidth);
      if (w > 0) setWidth((old) => (Math.abs(old - w) > 4 ? w : old));
    };
    measure();
    const obs = new ResizeObserver(measure);
    obs.observe(el);
    return () => {
      obs.disconnect();
    };
  }, []);
  const build = useRef(props.build);
  build.current = props.build;
  const { label } = props;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = build.current(Math.max(280, width));
    chart.setAttribute('aria-hidden', 'true');
    el.replaceChildren(chart);
  }, [label, width]);

  return <div className="chart" ref={ref} role="img" aria-label={props.label} />;
}

const COLOR = {
  domain: PARTS.map(([p]) => p),
  range: PARTS.map(([, c]) => c),
};

/** One plan's money stacked against its 415(c) limit, with the 402(g) limit marked. */
export function PlanChart(props: {
  plan: PlanReport;
  person: PersonReport | undefined;
}): ReactNode {
  const p = props.plan;
  const segments = planSegments(p);
  const parts = new Set(segments.map((s) => s.part));
  const limit = dollars(p.limit415c.cents);
  const deferralLimit = props.person ? dollars(props.person.deferralLimit.cents) : null;
  const label = `${planTitle(p)}: ${segments.map((s) => `${s.part} ${formatUsd(s.cents)}`).join(', ')}; 415(c) limit ${formatUsd(p.limit415c.cents)}${props.person ? `; 402(g) limit ${formatUsd(props.person.deferralLimit.cents)}` : ''}. The same numbers are in the table.`;
  const build = (width: number): Element => {
    const data = segments.map((s) => ({ part: s.part, value: dollars(s.cents) }));
    const max =
      Math.max(
        limit,
        data.reduce((a, d) => a + d.value, 0),
      ) * 1.04;
    const marks: Plot.Markish[] = [
      Plot.barX(data, {
        x: 'value',
        y: () => 'plan',
        fill: 'part',
        order: null,
        insetTop: 2,
        insetBottom: 2,
      }),
      Plot.ruleX([limit], { stroke: '#222', strokeWidth: 2 }),
      Plot.text([limit], {
        x: (d: number) => d,
        text: () => `415(c) limit ${formatUsd(p.limit415c.cents, { wholeDollars: true })}`,
        frameAnchor: 'top',
        dy: -22,
        textAnchor: limit > max * 0.6 ? 'end' : 'start',
        dx: limit > max * 0.6 ? -4 : 4,
        fontWeight: 'bold',
      }),
    ];
    if (deferralLimit !== null && props.person) {
      const person = props.person;
      marks.push(
        Plot.ruleX([deferralLimit], { stroke: '#3b6ea5', strokeDasharray: '4,3', strokeWidth: 2 }),
        Plot.text([deferralLimit], {
          x: (d: number) => d,
          text: () =>
            `402(g) limit ${formatUsd(person.deferralLimit.cents, { wholeDollars: true })} (all plans)`,
          frameAnchor: 'top',
          dy: -8,
          textAnchor: deferralLimit > max * 0.6 ? 'end' : 'start',
          dx: deferralLimit > max * 0.6 ? -4 : 4,
          fill: '#23507d',
        }),
      );
    }
    return Plot.plot({
      width,
      height: 112,
      marginTop: 40,
      marginBottom: 24,
      marginLeft: 12,
      marginRight: 16,
      style: { fontSize: '12px', background: 'transparent' },
      x: {
        domain: [0, max],
        tickFormat: tickUsd,
        ticks: Math.max(3, Math.floor(width / 90)),
        label: null,
        grid: true,
      },
      y: { axis: null, domain: ['plan'] },
      color: { domain: COLOR.domain, range: COLOR.range },
      marks,
    });
  };
  return (
    <figure className="chart-figure">
      <PlotBox build={build} label={label} />
      <Legend parts={PARTS.filter(([name]) => parts.has(name))} />
    </figure>
  );
}

/** A legend as HTML (readable, wraps on a phone). */
export function Legend(props: { parts: readonly (readonly [string, string])[] }): ReactNode {
  return (
    <ul className="legend" aria-hidden="true">
      {props.parts.map(([name, color]) => (
        <li key={name}>
          <span className="swatch" style={{ background: color }} />
          {name}
        </li>
      ))}
    </ul>
  );
}

const PLAN_COLORS = ['#3b6ea5', '#e07b20', '#2e8b57', '#8e4f9e', '#c9a227', '#b5475b'];

/** The household's 415(c) limit groups: each group's plans stacked against its cap. */
export function LimitGroupsChart(props: {
  groups: readonly LimitGroupReport[];
  plans: readonly PlanReport[];
  rowLabel: (g: LimitGroupReport) => string;
}): ReactNode {
  const planIds = props.plans.map((p) => p.id);
  const title = (id: string): string => {
    const p = props.plans.find((x) => x.id === id);
    return p ? planTitle(p) : id;
  };
  const rows = props.groups.map((g) => props.rowLabel(g));
  const data = props.groups.flatMap((g) =>
    g.plans.map((id) => ({
      row: props.rowLabel(g),
      plan: title(id),
      value: dollars(props.plans.find((p) => p.id === id)?.annualAdditions.cents ?? 0),
    })),
  );
  const caps = props.groups.map((g) => ({ row: props.rowLabel(g), cap: dollars(g.cap.cents) }));
  const colorDomain = planIds.map(title);
  const label = `Which plans share a 415(c) limit: ${props.groups
    .map(
      (g) =>
        `${props.rowLabel(g)}: ${g.plans
          .map((id) => {
            const p = props.plans.find((x) => x.id === id);
            return `${title(id)} ${p ? formatUsd(p.annualAdditions.cents) : ''}`;
          })
          .join(' and ')}, used ${formatUsd(g.used.cents)} of ${formatUsd(g.cap.cents)}`,
    )
    .join('; ')}. The same numbers are in the table.`;
  const build = (width: number): Element => {
    const max =
      Math.max(...caps.map((c) => c.cap), ...props.groups.map((g) => dollars(g.used.cents))) * 1.04;
    // Each group's name sits above its bar, so long names never crowd the axis.
    return Plot.plot({
      width,
      height: rows.length * 64 + 40,
      marginLeft: 8,
      marginRight: 16,
      marginTop: 18,
      style: { fontSize: '12px', background: 'transparent' },
      x: {
        domain: [0, max],
        tickFormat: tickUsd,
        grid: true,
        label: null,
        ticks: Math.max(3, Math.floor(width / 90)),
      },
      y: { domain: rows, label: null, axis: null },
      color: { domain: colorDomain, range: PLAN_COLORS },
      marks: [
        Plot.barX(data, {
          x: 'value',
          y: 'row',
          fill: 'plan',
          order: null,
          insetTop: 14,
          insetBottom: 4,
        }),
        Plot.tickX(caps, { x: 'cap', y: 'row', stroke: '#222', strokeWidth: 3, insetTop: 10 }),
        Plot.text(rows, {
          y: (d: string) => d,
          x: 0,
          text: (d: string) => d,
          textAnchor: 'start',
          dy: -14,
          frameAnchor: 'left',
        }),
      ],
    });
  };
  return (
    <figure className="chart-figure">
      <PlotBox build={build} label={label} />
      <Legend
        parts={[
          ...colorDomain.map((name, i): [string, string] => [
            name,
            PLAN_COLORS[i % PLAN_COLORS.length] ?? '#888',
          ]),
          ['Limit (415(c) cap)', '#222'],
        ]}
      />
    </figure>
  );
}

/** What the year's after-tax money grows into, four ways. */
export function WorthChart(props: {
  rows: readonly { label: string; figure: Figure }[];
}): ReactNode {
  const label = `After-tax wealth at retirement: ${props.rows.map((r) => `${r.label} ${formatUsd(r.figure.cents, { wholeDollars: true })}`).join('; ')}. The same numbers are in the table.`;
  const build = (width: number): Element => {
    const narrow = width < 700;
    const data = props.rows.map((r) => ({ label: r.label, value: dollars(r.figure.cents) }));
    return Plot.plot({
      width,
      height: data.length * (narrow ? 52 : 34) + 40,
      marginLeft: narrow ? 8 : 260,
      marginRight: 84,
      marginTop: narrow ? 18 : 8,
      style: { fontSize: '12px', background: 'transparent' },
      x: {
        tickFormat: tickUsd,
        grid: true,
        label: null,
        ticks: Math.max(3, Math.floor(width / 100)),
      },
      y: { domain: data.map((d) => d.label), label: null, axis: narrow ? null : 'left' },
      marks: [
        Plot.barX(data, {
          x: 'value',
          y: 'label',
          fill: '#3b6ea5',
          insetTop: narrow ? 16 : 4,
          insetBottom: 4,
        }),
        Plot.text(data, {
          x: 'value',
          y: 'label',
          text: (d: { value: number }) =>
            formatUsd(Math.round(d.value * 100), { wholeDollars: true }),
          textAnchor: 'start',
          dx: 4,
          dy: narrow ? 6 : 0,
        }),
        ...(narrow
          ? [
              Plot.text(data, {
                y: 'label',
                x: 0,
                text: 'label',
                textAnchor: 'start',
                dy: -12,
                frameAnchor: 'left',
              }),
            ]
          : []),
        Plot.ruleX([0]),
      ],
    });
  };
  return (
    <figure className="chart-figure">
      <PlotBox build={build} label={label} />
    </figure>
  );
}
