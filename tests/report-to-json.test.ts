// The one serializer of every report writes the same JSON as the straightforward one kept in
// tests/acp-reference/to-json.ts (every figure writing its explanation, the last of a key
// winning), on random reports: tables whose rows share a key and its rule, rows whose rule
// differs (the last row's is kept), nested objects, undefined fields and plain values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figure, rateFigure } from '../src/engine/explain.js';
import { reportToJson } from '../src/engine/report/to-json.js';
import { referenceReportToJson } from './acp-reference/to-json.js';

const key = fc.constantFrom('refunds.amount', 'refunds.ratio', 'limit', 'margin', 'toString');
const text = fc.constantFrom('a', 'b', 'the same rule');
const inputs = fc.option(fc.array(fc.constantFrom('limit', 'hceAcp'), { maxLength: 2 }), {
  nil: undefined,
});
const fig = fc.oneof(
  fc
    .tuple(key, text, fc.integer({ min: -1e9, max: 1e9 }), text, text, inputs)
    .map(([k, l, c, w, s, i]) => figure(k, l, c, w, s, i)),
  fc
    .tuple(key, text, fc.double({ min: -1, max: 1, noNaN: true }), text, text, inputs)
    .map(([k, l, r, w, s, i]) => rateFigure(k, l, r, w, s, i)),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fig,
    fc.integer(),
    fc.string(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('node'), { maxLength: 6 }),
    fc.dictionary(fc.constantFrom('x', 'y', 'rows', 'total'), tie('node'), { maxKeys: 4 }),
  ),
})).node;

describe('reportToJson', () => {
  it('equals the serializer that writes every explanation, on random reports', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'refunds'), value), (report) => {
        expect(JSON.stringify(reportToJson(report))).toBe(
          JSON.stringify(referenceReportToJson(report)),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});
