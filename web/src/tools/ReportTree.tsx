/**
 * Any report of the engine as a page: its figures in tables (each opening to its rule, inputs
 * and citation), its other facts as text, its lists as sections, and its findings. The tools
 * beside the planner show their reports through this one view; nothing is computed here.
 */
import type { ReactNode } from 'react';
import {
  isFigure,
  isRateFigure,
  type Figure,
  type RateFigure,
} from '../../../src/engine/explain.js';
import type { Finding } from '../../../src/engine/report/model.js';
import { sentence } from '../format.js';
import { FigureIndexProvider, FigureTable } from '../report/explain.js';

type AnyFigure = Figure | RateFigure;

/** `afterTaxBasis` → "After tax basis". */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return sentence(words);
}

function isAnyFigure(v: unknown): v is AnyFigure {
  return isFigure(v) || isRateFigure(v);
}

function scalarText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return null;
}

/** A title for a list item: its label, name, date or id, if it has one. */
function itemTitle(v: Record<string, unknown>, fallback: string): string {
  for (const k of ['label', 'name', 'date', 'id', 'type', 'source', 'fund']) {
    const t = v[k];
    if (typeof t === 'string' && t !== '') return t;
  }
  return fallback;
}

function Node(props: { value: Record<string, unknown>; title: string; depth: number }): ReactNode {
  const entries = Object.entries(props.value).filter(
    ([k, v]) => v !== undefined && v !== null && k !== 'report' && k !== 'findings',
  );
  const figures = entries.filter((e): e is [string, AnyFigure] => isAnyFigure(e[1]));
  const facts = entries
    .map(([k, v]) => [k, scalarText(v)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== null);
  const lists = entries.filter(
    (e): e is [string, unknown[]] => Array.isArray(e[1]) && e[1].length > 0,
  );
  const objects = entries.filter(
    (e): e is [string, Record<string, unknown>] =>
      e[1] !== null && typeof e[1] === 'object' && !Array.isArray(e[1]) && !isAnyFigure(e[1]),
  );
  const H = props.depth <= 1 ? 'h3' : 'h4';
  return (
    <section className={props.depth <= 1 ? 'card tree' : 'tree sub'}>
      {props.depth > 0 && <H>{props.title}</H>}
      {facts.length > 0 && (
        <dl className="facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{humanize(k)}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {figures.length > 0 && (
        <FigureTable
          caption={props.depth === 0 ? 'The figures' : props.title}
          hideCaption={props.depth > 0}
          rows={figures.map(([, f]) => ({ figure: f }))}
        />
      )}
      {objects.map(([k, v]) => (
        <Node key={k} value={v} title={humanize(k)} depth={props.depth + 1} />
      ))}
      {lists.map(([k, list]) => (
        <ListNode key={k} list={list} title={humanize(k)} depth={props.depth + 1} />
      ))}
    </section>
  );
}

function ListNode(props: { list: unknown[]; title: string; depth: number }): ReactNode {
  const figures = props.list.filter(isAnyFigure);
  if (figures.length === props.list.length) {
    return <FigureTable caption={props.title} rows={figures.map((f) => ({ figure: f }))} />;
  }
  const texts = props.list.map(scalarText);
  if (texts.every((t) => t !== null)) {
    return (
      <div className="tree sub">
        <h4>{props.title}</h4>
        <ul>
          {texts.map((t, i) => (
            <li key={i}>{sentence(t)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="tree list">
      <h3>{props.title}</h3>
      {props.list.map((item, i) =>
        item !== null && typeof item === 'object' ? (
          <Node
            key={i}
            value={item as Record<string, unknown>}
            title={itemTitle(item as Record<string, unknown>, `${props.title} ${String(i + 1)}`)}
            depth={props.depth + 1}
          />
        ) : null,
      )}
    </div>
  );
}

const SEVERITY = { error: 'Error', warning: 'Warning', question: 'Ask', info: 'Note' } as const;

export function FindingList(props: { findings: readonly Finding[] }): ReactNode {
  if (props.findings.length === 0) return null;
  return (
    <section className="card" aria-label="Findings">
      <h3>Findings</h3>
      <ul className="findings">
        {props.findings.map((f, i) => (
          <li key={i} className={`finding-${f.severity}`}>
            <strong>{SEVERITY[f.severity]}:</strong> {f.message}
            {f.fix && (
              <>
                {/[.?!]$/.test(f.message) ? '' : '.'}{' '}
                {f.severity === 'question' ? 'Until then:' : 'Fix:'} {f.fix}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A whole report: findings first, then its figures and sections. */
export function ReportTree(props: { report: { findings: readonly Finding[] } }): ReactNode {
  return (
    <FigureIndexProvider report={props.report}>
      <FindingList findings={props.report.findings} />
      <Node value={props.report} title="" depth={0} />
    </FigureIndexProvider>
  );
}
