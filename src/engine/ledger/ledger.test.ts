import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { sum } from '../money.js';
import { splitDistribution } from '../distributions/prorata.js';
import { Ledger, runLedger } from './ledger.js';
import { ledgerFileSchema, SOURCES, type Transaction } from './model.js';
import { parseLedger } from './parse.js';

function ledger(
  plan: Record<string, unknown>,
  txs: Record<string, unknown>[],
): ReturnType<typeof runLedger> {
  const file = ledgerFileSchema.parse({
    plan: { opened: '2026-01-01', funds: { F: 10, G: 20 }, ...plan },
    transactions: txs,
  });
  return runLedger(file);
}

describe('ledger by source', () => {
  it('C-1 through the ledger: a 50,000 withdrawal from 80,000 pre-tax + 20,000 after-tax carries 10,000 basis', () => {
    const r = ledger({ allowWithdrawal: ['aftertax', 'pretax'] }, [
      { date: '2026-01-02', type: 'contribution', source: 'pretax', fund: 'F', amount: 80000 },
      { date: '2026-01-02', type: 'contribution', source: 'aftertax', fund: 'G', amount: 20000 },
      { date: '2026-02-01', type: 'withdraw', amount: 50000, to: 'cash' },
    ]);
    const w = r.events.at(-1);
    expect(w?.basisOut).toBe(1_000_000);
    expect(w?.taxable).toBe(4_000_000);
    expect(w?.withholding).toBe(800_000);
    expect(r.afterTaxBasis).toBe(1_000_000);
    expect(r.total).toBe(5_000_000);
  });

  it('C-3: "from after-tax" without a separate account is still pro-rata; with one it is not', () => {
    const txs = [
      { date: '2026-01-02', type: 'contribution', source: 'pretax', fund: 'F', amount: 80000 },
      { date: '2026-01-02', type: 'contribution', source: 'aftertax', fund: 'F', amount: 20000 },
      { date: '2026-02-01', type: 'withdraw', source: 'aftertax', amount: 20000, to: 'roth-ira' },
    ];
    const pooled = ledger({ separateAfterTaxAccount: false }, txs);
    expect(pooled.events.at(-1)?.taxable).toBe(1_600_000);
    expect(pooled.afterTaxBasis).toBe(1_600_000);
    const separate = ledger({ separateAfterTaxAccount: true }, txs);
    expect(separate.events.at(-1)?.taxable).toBe(0);
    expect(separate.afterTaxBasis).toBe(0);
  });

  it('C-6 through the ledger: IRR of a separate subaccount of 30,000 + 1,200 earnings', () => {
    const r = ledger({ separateAfterTaxAccount: true, funds: { F: 10 } }, [
      { date: '2026-01-02', type: 'contribution', source: 'pretax', amount: 50000 },
      { date: '2026-01-02', type: 'contribution', source: 'aftertax', amount: 30000 },
      // the fund gains 3.2 %: 2,560 shared 50:30 → 1,600 pre-tax, 960 after-tax; add 240 more
      { date: '2026-03-01', type: 'price', fund: 'F', price: 10.32 },
      { date: '2026-03-01', type: 'convert', source: 'aftertax', amount: 'all' },
    ]);
    const c = r.events.at(-1);
    expect(c?.amount).toBe(3_096_000);
    expect(c?.taxable).toBe(96_000);
    expect(c?.basisOut).toBe(3_000_000);
    expect(r.rothBasis).toBe(3_096_000);
    expect(r.bySource.find((s) => s.source === 'irr')?.value).toBe(3_096_000);
  });

  it("separation, the seed's Roth-lite example: 50,000 grown to 75,000", () => {
    const r = ledger({ funds: { F: 10 } }, [
      { date: '2026-01-02', type: 'contribution', source: 'aftertax', amount: 50000 },
      { date: '2026-06-01', type: 'earnings', fund: 'F', amount: 25000 },
      { date: '2026-12-01', type: 'separate', to: 'split' },
    ]);
    const e = r.events.at(-1);
    expect(e?.toRothIra).toBe(5_000_000);
    expect(e?.toTraditionalIra).toBe(2_500_000);
    expect(e?.taxable).toBe(0);
    expect(r.total).toBe(0);
    expect(r.closed).toBe(true);
  });
});

describe('impossible transactions name the line', () => {
  const yaml = (tx: string, plan = ''): string =>
    `plan:\n  opened: '2026-01-01'\n  funds: { F: 10 }\n${plan}transactions:\n  - { date: '2026-01-15', type: contribution, source: pretax, amount: 100 }\n  - ${tx}\n`;
  const run = (text: string): unknown =>
    runLedger(parseLedger(text, 'x.yaml'), { fileName: 'x.yaml' });
  it.each([
    [
      "{ date: '2026-02-01', type: contribution, source: bonus, amount: 5 }",
      /x.yaml:6: .*unknown source "bonus"; sources: pretax, roth/,
    ],
    [
      "{ date: '2026-02-01', type: contribution, source: pretax, amount: -5 }",
      /x.yaml:6: .*amount: must not be negative/,
    ],
    [
      "{ date: '2025-12-31', type: contribution, source: pretax, amount: 5 }",
      /x.yaml:6: date 2025-12-31 is before the account existed/,
    ],
    ["{ date: '2026-02-01', type: withdraw, amount: 500 }", /x.yaml:6: cannot withdraw \$500.00/],
    [
      "{ date: '2026-02-01', type: convert, source: pretax, amount: 50 }",
      /x.yaml:6: the plan does not allow in-plan conversion of "pretax"/,
    ],
    [
      "{ date: '2026-02-01', type: withdraw, source: employer, amount: 5 }",
      /x.yaml:6: the plan does not allow in-service withdrawals of "employer"/,
    ],
    ["{ date: '2026-02-01', type: price, fund: NOPE, price: 3 }", /x.yaml:6: unknown fund "NOPE"/],
    [
      "{ date: '2026-01-01', type: fee, amount: 1 }",
      /x.yaml:6: date 2026-01-01 is before the previous transaction/,
    ],
    ["{ date: '2026-02-01', type: swap, amount: 1 }", /x.yaml:6: .*unknown transaction type/],
  ])('%s', (tx, re) => {
    expect(() => run(yaml(tx))).toThrow(re);
  });
  it('a CSV error names the CSV line', () => {
    const csv =
      'date,type,source,fund,amount,price,to\n2026-01-01,open,,,,,\n2026-01-01,fund,,F,,10,\n2026-01-05,contribution,pretax,F,100,,\n2026-02-01,withdraw,,,,,\n';
    expect(() => parseLedger(csv, 'x.csv')).toThrow(/x.csv:5: amount/);
    const csv2 = csv.replace('2026-02-01,withdraw,,,,,', '2026-02-01,withdraw,,,150,,');
    expect(() => runLedger(parseLedger(csv2, 'x.csv'), { fileName: 'x.csv' })).toThrow(
      /x.csv:5: cannot withdraw/,
    );
    expect(() => parseLedger('date,type\n', 'x.csv')).toThrow(InputError);
  });
  it('CSV is RFC 4180: quoted cells hold commas, "" and line breaks; errors name the line a row starts on', () => {
    const csv = [
      'date,type,source,fund,amount,price,to',
      '2026-01-01,open,,"Acme, Inc. 401(k)",,,',
      '# a comment line, skipped',
      '',
      '2026-01-01,fund,,"Total ""Market""",,10,',
      '2026-01-05,contribution,pretax,"Total ""Market""","$12,000.50",,',
      '2026-01-06,contribution,aftertax,"Total',
      '""Market""",100,,',
      '2026-01-07,contribution,bonus,"Total ""Market""",5,,',
    ].join('\r\n');
    const ok = parseLedger(csv.replace(/\r\n2026-01-07.*$/, ''), 'x.csv');
    expect(ok.plan.name).toBe('Acme, Inc. 401(k)');
    expect(Object.keys(ok.plan.funds)).toEqual(['Total "Market"']);
    expect(ok.transactions[0]).toMatchObject({ amount: 1_200_050, line: 6 });
    // a cell over two lines: the row is line 7, the next one line 9
    expect(ok.transactions[1]).toMatchObject({ fund: 'Total\r\n"Market"', line: 7 });
    expect(() => parseLedger(csv, 'x.csv')).toThrow(/x.csv:9: source: unknown source "bonus"/);
  });

  it('a CSV quote that is never closed is refused with the line it opens on', () => {
    const csv =
      'date,type,source,fund,amount,price,to\n2026-01-01,open,,,,,\n2026-01-01,fund,,F,,10,\n\n2026-01-05,contribution,pretax,"F,100,,\n2026-01-06,contribution,pretax,F,100,,\n';
    expect(() => parseLedger(csv, 'x.csv')).toThrow(/x.csv:5: a quoted cell opens on this line/);
    expect(() => parseLedger('date,type\n2026-01-01,o"pen\n', 'y.csv')).toThrow(
      /y.csv:2: not valid CSV/,
    );
  });

  it('a CSV may say the plan pools after-tax money, not both ways', () => {
    const head =
      'date,type,source,fund,amount,price,to\n2026-01-01,open,,,,,\n2026-01-01,fund,,F,,10,\n';
    expect(
      parseLedger(`${head}2026-01-01,pooled-after-tax-account,,,,,\n`, 'x.csv').plan,
    ).toMatchObject({ separateAfterTaxAccount: false });
    expect(parseLedger(head, 'x.csv').plan.separateAfterTaxAccount).toBeUndefined();
    expect(() =>
      parseLedger(
        `${head}2026-01-01,separate-after-tax-account,,,,,\n2026-01-01,pooled-after-tax-account,,,,,\n`,
        'x.csv',
      ),
    ).toThrow(/x.csv:5: the file already says the opposite/);
  });

  it('nothing after a full distribution', () => {
    expect(() =>
      run(
        yaml("{ date: '2026-02-01', type: separate }").replace(
          /\n$/,
          "\n  - { date: '2026-03-01', type: fee, amount: 0 }\n",
        ),
      ),
    ).toThrow(/x.yaml:7: the account was fully distributed/);
  });
});

describe('ledger properties', () => {
  const cents = fc.integer({ min: 0, max: 5_000_000 });
  const src = fc.constantFrom(...SOURCES);
  const fundName = fc.constantFrom('F', 'G');
  type Step =
    | { kind: 'contribution'; source: (typeof SOURCES)[number]; fund: string; amount: number }
    | { kind: 'price'; fund: string; price: number }
    | { kind: 'earnings'; fund: string; amount: number }
    | { kind: 'fee'; pct: number }
    | { kind: 'convert'; source: 'aftertax' | 'pretax'; pct: number }
    | {
        kind: 'withdraw';
        source: 'aftertax' | null;
        pct: number;
        to: 'cash' | 'split' | 'roth-ira' | 'traditional-ira';
      };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({
      kind: fc.constant('contribution' as const),
      source: src,
      fund: fundName,
      amount: cents,
    }),
    fc.record({
      kind: fc.constant('price' as const),
      fund: fundName,
      price: fc.integer({ min: 1, max: 400_000 }),
    }),
    fc.record({ kind: fc.constant('earnings' as const), fund: fundName, amount: cents }),
    fc.record({ kind: fc.constant('fee' as const), pct: fc.integer({ min: 0, max: 100 }) }),
    fc.record({
      kind: fc.constant('convert' as const),
      source: fc.constantFrom('aftertax' as const, 'pretax' as const),
      pct: fc.integer({ min: 0, max: 100 }),
    }),
    fc.record({
      kind: fc.constant('withdraw' as const),
      source: fc.constantFrom('aftertax' as const, null),
      pct: fc.integer({ min: 0, max: 100 }),
      to: fc.constantFrom(
        'cash' as const,
        'split' as const,
        'roth-ira' as const,
        'traditional-ira' as const,
      ),
    }),
  );

  it('conserves money to the cent over random transaction sequences', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(step, { maxLength: 40 }), (separate, steps) => {
        const plan = ledgerFileSchema.shape.plan.parse({
          opened: '2026-01-01',
          funds: { F: 10, G: 20 },
          separateAfterTaxAccount: separate,
          allowConversion: ['aftertax', 'pretax'],
          allowWithdrawal: ['aftertax'],
        });
        const l = new Ledger(plan);
        for (const s of steps) {
          const before = l.total();
          let tx: Transaction;
          const date = '2026-06-01';
          switch (s.kind) {
            case 'contribution':
              tx = { date, type: 'contribution', source: s.source, fund: s.fund, amount: s.amount };
              break;
            case 'price':
              tx = { date, type: 'price', fund: s.fund, price: s.price };
              break;
            case 'earnings':
              if (l.fundValue(s.fund) === 0) continue;
              tx = { date, type: 'earnings', fund: s.fund, amount: s.amount };
              break;
            case 'fee':
              tx = { date, type: 'fee', amount: Math.floor((before * s.pct) / 100) };
              break;
            case 'convert':
              tx = {
                date,
                type: 'convert',
                source: s.source,
                amount: Math.floor((l.sourceValue(s.source) * s.pct) / 100),
              };
              break;
            case 'withdraw': {
              const have =
                s.source === 'aftertax'
                  ? l.sourceValue('aftertax')
                  : l.total() - l.sourceValue('roth') - l.sourceValue('irr');
              tx = {
                date,
                type: 'withdraw',
                amount: Math.floor((have * s.pct) / 100),
                to: s.to,
                ...(s.source ? { source: s.source } : {}),
              };
              break;
            }
          }
          l.apply(tx);
          const e = l.events.at(-1);
          if (!e) throw new Error('no event');
          // what each kind of transaction does to the total
          const grows = tx.type === 'contribution' || tx.type === 'earnings' || tx.type === 'price';
          const expected = grows
            ? before + e.amount
            : tx.type === 'convert'
              ? before
              : before - e.amount;
          const r = l.report();
          expect(r.total).toBe(expected);
          expect(sum(r.bySource.map((x) => x.value))).toBe(r.total);
          expect(sum(r.byFund.map((x) => x.value))).toBe(r.total);
          for (const x of r.bySource)
            for (const v of Object.values(x.byFund)) expect(v).toBeGreaterThanOrEqual(0);
          expect(r.afterTaxBasis).toBeGreaterThanOrEqual(0);
          if (tx.type === 'withdraw') {
            expect(e.toCash + e.toRothIra + e.toTraditionalIra).toBe(e.amount);
            expect(e.basisOut).toBeLessThanOrEqual(e.amount);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a pooled-account withdrawal carries the same basis as the 72(e)(8) split', () => {
    fc.assert(
      fc.property(cents, cents, cents, fc.integer({ min: 0, max: 100 }), (pre, emp, at, pct) => {
        fc.pre(pre + emp + at > 0);
        const plan = ledgerFileSchema.shape.plan.parse({
          opened: '2026-01-01',
          funds: { F: 10, G: 20 },
          separateAfterTaxAccount: false,
        });
        const l = new Ledger(plan);
        const date = '2026-02-01';
        l.apply({ date, type: 'contribution', source: 'pretax', fund: 'F', amount: pre });
        l.apply({ date, type: 'contribution', source: 'employer', fund: 'G', amount: emp });
        l.apply({ date, type: 'contribution', source: 'aftertax', fund: 'G', amount: at });
        const amount = Math.floor(((pre + emp + at) * pct) / 100);
        l.apply({ date, type: 'withdraw', amount, to: 'cash' });
        const want =
          amount === 0
            ? 0
            : splitDistribution(amount, { balance: pre + emp + at, afterTaxBasis: at })
                .afterTaxBasis;
        expect(l.events.at(-1)?.basisOut).toBe(want);
        expect(l.report().afterTaxBasis).toBe(at - want);
      }),
    );
  });
});
