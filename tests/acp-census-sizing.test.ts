// Sizing the census arrays from the input's size and its first lines' length (`expectedBytes`)
// changes no value read: the same census with a right, a too small and a too large size, and
// without one. The census is the generator's (src/engine/acp/census-generator.ts).
import { describe, expect, it } from 'vitest';
import { generateCensusCsv, readCensusText } from '../src/engine/acp/index.js';

const text = [...generateCensusCsv({ employees: 9_000, seed: 5 })].join('');
const bytes = new TextEncoder().encode(text).length;

/** Every array of a census with its ids, as plain data. */
function contents(r: ReturnType<typeof readCensusText>): unknown {
  const c = r.census;
  return {
    size: c.size,
    ids: c.ids,
    lines: Array.from(c.lines),
    compensation: Array.from(c.compensation),
    match: Array.from(c.match),
    afterTax: Array.from(c.afterTax),
    priorCompensation: Array.from(c.priorCompensation),
    ownerBps: Array.from(c.ownerBps),
    eligible: Array.from(c.eligible),
    vestedBps: Array.from(c.vestedBps),
    rowsRead: r.rowsRead,
    issueCount: r.issueCount,
  };
}

describe('census arrays sized from the input size', () => {
  const plain = contents(readCensusText(text));
  it.each([
    ['the right size', bytes],
    ['far too small', 100],
    ['far too large', bytes * 10],
  ])('%s reads the same census', (_, expectedBytes) => {
    const r = readCensusText(text, { expectedBytes });
    expect(r.census.size).toBe(9_000);
    expect(contents(r)).toEqual(plain);
  });

  it('finds a duplicate id after the arrays are sized', () => {
    const lines = text.trimEnd().split('\n');
    const dup = `${lines.join('\n')}\n${lines[1] ?? ''}\n`;
    const r = readCensusText(dup, { expectedBytes: bytes });
    expect(r.census.size).toBe(9_000);
    expect(r.issueCount).toBe(1);
    expect(r.issues[0]?.line).toBe(9_002);
  });
});
