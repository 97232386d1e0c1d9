import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CensusReader,
  MAX_RECORD_LINES,
  readCensusText,
  type CensusReaderOptions,
  type CensusReadResult,
} from './census-csv.js';

const HEADER = 'id,compensation,match,after_tax,hce';

describe('census CSV reader', () => {
  it('matches headers case-insensitively with aliases, quotes and dollar signs', () => {
    const r = readCensusText(
      'Employee ID,Plan Compensation,Employer Match,After-Tax,Prior Year Compensation,Owner %\n' +
        '"A,1","$120,000.50",100,0,,\nB,90000,0,1.5,170000,0\n',
    );
    expect(r.headerIssues).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.census.ids).toEqual(['A,1', 'B']);
    expect(Array.from(r.census.compensation)).toEqual([12_000_050, 9_000_000]);
    expect(Array.from(r.census.afterTax)).toEqual([0, 150]);
    expect(Array.from(r.census.priorCompensation)).toEqual([0, 17_000_000]);
  });

  it('reports each unusable row with its line, column and reason, and keeps the rest', () => {
    const r = readCensusText(
      [
        HEADER,
        'A,100000,1000,0,false',
        'B,-5,0,0,false',
        'C,50000,abc,0,maybe',
        'A,60000,0,0,false',
        'D,70000,0',
        ',80000,0,0,true',
        'E,0,0,0,false',
        'F,50000,1.005,0,false',
      ].join('\n'),
    );
    expect(r.issues).toEqual([
      { line: 3, column: 'compensation', reason: 'must not be negative: "-5"' },
      { line: 4, column: 'match', reason: 'expected dollars with at most 2 decimals, got "abc"' },
      { line: 4, column: 'hce', reason: 'expected true or false, got "maybe"' },
      { line: 5, column: 'id', reason: 'duplicate id "A" (first on line 2)' },
      { line: 6, column: '(row)', reason: 'has 3 fields, the header has 5' },
      { line: 7, column: 'id', reason: 'is blank' },
      {
        line: 8,
        column: 'compensation',
        reason: 'must be more than 0 for an eligible employee (the ratio divides by it)',
      },
      {
        line: 9,
        column: 'match',
        reason: 'expected dollars with at most 2 decimals, got "1.005"',
      },
    ]);
    expect(r.badRows).toBe(7);
    expect(r.rowsRead).toBe(8);
    expect(r.census.ids).toEqual(['A']);
  });

  it('takes amounts up to $1 billion and no more, on the fast path as on the full one', () => {
    const text =
      `${HEADER}\nA,1000000000,0,0,false\nB,1000000000.01,0,0,false\nC,1000000001,0,0,false\n` +
      `D,999999999.99,0,0,false\nE,9999999999,0,0,false\n`;
    const fast = readCensusText(text);
    expect(fast.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'compensation'],
      [4, 'compensation'],
      [6, 'compensation'],
    ]);
    expect(fast.census.ids).toEqual(['A', 'D']);
    expect(Array.from(fast.census.compensation)).toEqual([100_000_000_000, 99_999_999_999]);
    const full = readCensusText(text, { fastPath: false });
    expect(full.issues).toEqual(fast.issues);
    expect(full.census.ids).toEqual(fast.census.ids);
    expect(Array.from(full.census.compensation)).toEqual(Array.from(fast.census.compensation));
  });

  it('rejects implausible amounts instead of computing with them', () => {
    const r = readCensusText(
      `${HEADER}\nA,1000000000000,0,0,false\nB,100,0,20000,true\nC,100,0,10000,true\n`,
    );
    expect(r.issues.map((i) => [i.line, i.column])).toEqual([
      [2, 'compensation'],
      [3, 'compensation'],
    ]);
    expect(r.census.ids).toEqual(['C']);
  });

  it('names missing columns in the header', () => {
    const r = readCensusText('id,pay\nA,1\n');
    expect(r.headerIssues.map((i) => i.column)).toEqual(['match', 'after_tax', '(header)']);
  });

  it('reads RFC 4180 quotes: commas, doubled quotes and line breaks inside a quoted field', () => {
    const r = readCensusText(
      'name,id,compensation,match,after_tax,hce\n' +
        '"Smith, Jo ""JJ""",A,100000,0,0,false\n' +
        '"Two\nlines",B,200000,0,5000,true\n' +
        'plain,C,50000,0,0,false\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.census.ids).toEqual(['A', 'B', 'C']);
    // a record's line is the line it starts on; the next record starts after its last line
    expect(Array.from(r.census.lines)).toEqual([2, 3, 5]);
  });

  it('refuses an unclosed quote on the line it opens, in a used column or not, and reads on', () => {
    for (const bad of ['"Smith,A,100000,0,0,false', 'Smith,"A,100000,0,0,false']) {
      const r = readCensusText(
        `name,id,compensation,match,after_tax,hce\n${bad}\nok,B,1,0,0,false\n`,
      );
      expect(r.issues).toEqual([
        {
          line: 2,
          column: '(row)',
          reason:
            'a quoted field is not closed (it runs over the 1 lines after this one to the end of the file)',
        },
      ]);
      expect(r.census.ids).toEqual(['B']);
      expect(Array.from(r.census.lines)).toEqual([3]);
    }
  });

  it('refuses other broken quoting with the line: text after a closing quote, a stray quote', () => {
    const r = readCensusText(
      'name,id,compensation,match,after_tax,hce\n"Jo"x,A,1,0,0,false\nJo "J",B,1,0,0,false\n',
    );
    expect(r.issues.map((i) => [i.line, i.column, i.reason.split(' (')[0]])).toEqual([
      [2, '(row)', 'text after a closing quote'],
      [3, '(row)', 'a quote inside a field that does not start with one'],
    ]);
  });

  it(`a quote still open after ${String(MAX_RECORD_LINES)} lines is refused and the lines read again`, () => {
    const rows = Array.from({ length: 150 }, (_, i) => `E${String(i)},1000,0,0,false`);
    rows[10] = 'E10,"1000,0,0,false';
    const r = readCensusText(`${HEADER}\n${rows.join('\n')}\n`);
    expect(r.issues).toEqual([
      {
        line: 12,
        column: '(row)',
        reason: `a quoted field is not closed (it runs over the ${String(MAX_RECORD_LINES - 1)} lines after this one)`,
      },
    ]);
    expect(r.census.size).toBe(149);
    expect(r.rowsRead).toBe(150);
  });
});

describe('the fast path reads what csv-parse reads', () => {
  /**
   * A header and rows, mostly plain, some odd; with `idsInOrder` the plain ids are `@ID`, for
   * the caller to number in order (the odd ids, some plain letters among them, break the order).
   */
  function censusRows(idsInOrder = false) {
    // Rows are mostly plain (they take the fast path) with odd and bad values mixed in, so
    // every way to the general reader runs too: quotes (also over two lines, and unclosed),
    // blanks, $, too many decimals, UTF-8, duplicates, field counts. Column kinds: i id,
    // n amount, p percentage, b yes/no, t free text (a column the test does not use), a age,
    // d date, y years of service, s gain or loss (signed).
    const plain = {
      n: ['60000', '1234.5', '99.99', '0', '100', '007', ''],
      p: ['0', '5', '50.5', '100', ''],
      b: ['true', 'false', '1', '0', ''],
      i: idsInOrder ? ['@ID'] : ['A', 'B', 'C', 'D1'],
      t: ['x', 'é', 'Smith Jr.', ''],
      a: ['45', '21', '0', '130', '07', ''],
      d: ['1980-05-17', '2000-02-29', '1999-12-31', '2026-01-01', ''],
      y: ['1.5', '0', '2', '100', '0.49', ''],
      s: ['-5', '12.5', '0', '-0.01', '-0', '1000'],
    };
    const odd = fc.constantFrom(
      ' ',
      // amounts about the $1 billion bound
      '1000000000',
      '1000000000.01',
      '1000000001',
      '999999999.9',
      ' 7',
      '$1,000',
      '"$1,000"',
      '"1,2"',
      '1.234',
      '1.230',
      '.5',
      '5.',
      '-5',
      '-0',
      'abc',
      'yes',
      '"q,1"',
      '"a ""b"""',
      '"two\nlines"',
      '"open',
      'x"y',
      '"a"b',
      'é',
      '5000000000000',
      '1234567890123456',
      '150',
      '"E"',
      ' D',
      '\uFEFFF',
      '1,2',
      '#',
      '2001-02-29',
      '1980-5-17',
      '1899-12-31',
      '131',
      '45.0',
      '-',
      '--5',
      '-$5',
      '-100000000',
      '100.01',
    );
    const value = (kind: keyof typeof plain) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...plain[kind]), weight: 12 },
        { arbitrary: odd, weight: 1 },
      );
    const headers = [
      ['id,compensation,match,after_tax,hce', 'innnb'],
      ['ID,Pay,Match,After-Tax,Prior Year Compensation,Owner %,Eligible,Vesting', 'innnnpbp'],
      ['name,id,compensation,match,after_tax,hce,qmac', 'tinnnbn'],
      ['"name",id,"compensation",match,after_tax,prior_year_compensation', 'tinnnn'],
      [
        'id,compensation,match,after_tax,hce,deferrals,age,birth_date,service_years,hire_date,otherwise_excludable,gain_loss,beginning_balance',
        'innnbnadydbsn',
      ],
      [
        'ID,Pay,Deferrals,Match,After-Tax,Prior Year Compensation,DOB,Gain/Loss,Beginning Balance',
        'innnnndsn',
      ],
    ] as const;
    const census = fc.constantFrom(...headers).chain(([h, kinds]) => {
      const row = fc.tuple(...kinds.split('').map((k) => value(k as keyof typeof plain)));
      const line = fc.oneof(
        { arbitrary: row.map((r) => r.join(',')), weight: 20 },
        { arbitrary: row.map((r) => r.slice(1).join(',')), weight: 1 },
        { arbitrary: fc.constantFrom('', '# note', '  '), weight: 1 },
      );
      return fc.tuple(fc.constant(h), fc.array(line, { maxLength: 30 }));
    });
    return census;
  }

  /** Two reads of one census give the same rows, values, ids, lines and problems. */
  function expectSameRead(b: CensusReadResult, a: CensusReadResult): void {
    expect(b.issues).toEqual(a.issues);
    expect(b.headerIssues).toEqual(a.headerIssues);
    expect([b.badRows, b.rowsRead, b.issueCount]).toEqual([a.badRows, a.rowsRead, a.issueCount]);
    expect(b.census.ids).toEqual(a.census.ids);
    for (let r = 0; r < a.census.size; r++) expect(b.census.idAt(r)).toBe(a.census.ids[r]);
    for (const k of [
      'lines',
      'compensation',
      'match',
      'afterTax',
      'qmac',
      'priorCompensation',
      'ownerBps',
      'hceGiven',
      'eligible',
      'vestedBps',
      'deferrals',
      'age',
      'birthDate',
      'serviceYears',
      'hireDate',
      'excludableGiven',
      'gainLoss',
      'beginningBalance',
    ] as const) {
      expect(Array.from(b.census[k])).toEqual(Array.from(a.census[k]));
    }
  }

  it('the same census and problems with and without the fast path, line by line or in batches', () => {
    fc.assert(
      fc.property(
        censusRows(),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(1, 3, 1000),
        ([h, rows], crlf, bom, batch) => {
          const eol = crlf ? '\r\n' : '\n';
          const text = (bom ? '\uFEFF' : '') + h + eol + rows.join(eol);
          const a = readCensusText(text, { fastPath: false, batchLines: 1 });
          const b = readCensusText(text, { batchLines: batch });
          expectSameRead(b, a);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the same census fed in chunks cut anywhere (rows split across chunks), ids in order or not', () => {
    /** Feeds the text's bytes cut at `cuts`, as views of one buffer or as copies. */
    const readChunks = (
      text: string,
      cuts: readonly number[],
      copies: boolean,
      opts: CensusReaderOptions,
    ): CensusReadResult => {
      const bytes = new TextEncoder().encode(text);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
      const reader = new CensusReader(opts);
      let from = 0;
      for (const to of [...at, bytes.length]) {
        if (copies) reader.chunkBytes(bytes.slice(from, to));
        else reader.chunkBytes(bytes, from, to);
        from = to;
      }
      return reader.finish();
    };
    fc.assert(
      fc.property(
        fc.boolean().chain((inOrder) => fc.tuple(fc.constant(inOrder), censusRows(inOrder))),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.boolean(),
        fc.boolean(),
        ([inOrder, [h, rows]], crlf, cuts, copies, sized) => {
          const eol = crlf ? '\r\n' : '\n';
          let n = 0;
          const body = inOrder
            ? rows.map((r) => r.replace(/@ID/g, () => `E${String(++n).padStart(4, '0')}`))
            : rows;
          const text = `${h}${eol}${body.join(eol)}${crlf && body.length > 0 ? eol : ''}`;
          const a = readCensusText(text, { fastPath: false, batchLines: 1 });
          // `expectedBytes` reads the first lines one at a time to size the arrays
          const b = readChunks(text, cuts, copies, sized ? { expectedBytes: text.length } : {});
          expectSameRead(b, a);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('takes the fast path for plain rows and still finds a duplicate id', () => {
    const r = readCensusText(`${HEADER}\nA,100,1,2,true\nB,200,0,0,false\nA,300,0,0,false\n`);
    expect(r.census.ids).toEqual(['A', 'B']);
    expect(r.issues).toEqual([
      { line: 4, column: 'id', reason: 'duplicate id "A" (first on line 2)' },
    ]);
    expect(Array.from(r.census.compensation)).toEqual([10_000, 20_000]);
  });
});
