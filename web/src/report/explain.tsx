/**
 * Figures with their explanation: every amount in the report is a button that opens its rule,
 * the figures it was computed from and the citation, straight from the report's Figure.
 */
import { createContext, Fragment, useContext, useId, useState, type ReactNode } from 'react';
import type { Figure, RateFigure } from '../../../src/engine/explain.js';
import { isFigure } from '../../../src/engine/explain.js';
import { figuresOf } from '../../../src/engine/report/to-json.js';
import { pct, usd } from '../format.js';

type AnyFigure = Figure | RateFigure;

const FigureIndex = createContext<ReadonlyMap<string, AnyFigure>>(new Map());

/** Makes the report's figures findable by key (for "computed from"). */
export function FigureIndexProvider(props: { report: object; children?: ReactNode }): ReactNode {
  const map = new Map(figuresOf(props.report).map((f) => [f.key, f]));
  return <FigureIndex.Provider value={map}>{props.children}</FigureIndex.Provider>;
}

export function valueOf(f: AnyFigure): string {
  return isFigure(f) ? usd(f) : pct(f);
}

/** The rule, inputs and citation of one figure. */
export function Explanation(props: { figure: AnyFigure; id?: string }): ReactNode {
  const index = useContext(FigureIndex);
  const f = props.figure;
  const inputs = (f.inputs ?? []).map((k) => ({ key: k, f: index.get(k) }));
  return (
    <div className="explanation" id={props.id}>
      <p>
        <strong>{f.label}</strong> = {valueOf(f)}
      </p>
      <p>
        <span className="k">How:</span> {f.why}
      </p>
      {inputs.length > 0 && (
        <div>
          <span className="k">From:</span>
          <ul>
            {inputs.map(({ key, f: input }) => (
              <li key={key}>
                {input ? (
                  <>
                    {input.label}: {valueOf(input)}
                  </>
                ) : (
                  <>the scenario’s {key}</>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        <span className="k">Rule:</span> <cite>{f.citation}</cite>
      </p>
    </div>
  );
}

export interface FigureRow {
  readonly figure: AnyFigure;
  /** Overrides the figure's own label. */
  readonly label?: string;
  readonly note?: string;
  readonly strong?: boolean;
}

/** A table of figures; each amount opens its explanation in a row below it. */
export function FigureTable(props: {
  caption: string;
  rows: readonly (FigureRow | null | false | undefined)[];
  columns?: readonly [string, string];
  /** The caption is read by screen readers only (a heading above says the same). */
  hideCaption?: boolean;
}): ReactNode {
  const [open, setOpen] = useState<string | null>(null);
  const base = useId();
  const rows = props.rows.filter((r): r is FigureRow => Boolean(r));
  const [c1, c2] = props.columns ?? ['Item', 'Amount'];
  return (
    <table className="figures">
      <caption className={props.hideCaption ? 'visually-hidden' : undefined}>
        {props.caption}
      </caption>

      <thead>
        <tr>
          <th scope="col">{c1}</th>
          <th scope="col" className="num">
            {c2}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => {
          const key = `${r.figure.key}#${String(i)}`;
          const isOpen = open === key;
          const id = `${base}-${String(i)}`;
          return (
            <Fragment key={key}>
              <tr className={r.strong ? 'strong' : undefined}>
                <th scope="row">
                  {r.label ?? r.figure.label}
                  {r.note && <span className="note"> {r.note}</span>}
                </th>
                <td className="num">
                  <button
                    type="button"
                    className="fig"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? id : undefined}
                    title="How this figure was found"
                    onClick={() => {
                      setOpen(isOpen ? null : key);
                    }}
                  >
                    {valueOf(r.figure)}
                  </button>
                </td>
              </tr>
              {isOpen && (
                <tr className="explain-row">
                  <td colSpan={2}>
                    <Explanation figure={r.figure} id={id} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** One figure inline, as a button that opens its explanation below. */
export function InlineFigure(props: { figure: AnyFigure }): ReactNode {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="fig inline"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        title="How this figure was found"
        onClick={() => {
          setOpen(!open);
        }}
      >
        {valueOf(props.figure)}
      </button>
      {open && <Explanation figure={props.figure} id={id} />}
    </>
  );
}
