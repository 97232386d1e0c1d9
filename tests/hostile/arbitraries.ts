/**
 * Generated inputs for the hostile-input suite: valid households, ledgers, Roth histories and
 * growth inputs (each checked against its invariants), the same with one field replaced by a
 * hostile value, and hostile texts (token soup, deep nesting, aliases, duplicate and reserved
 * keys, numbers in other notations, binary bytes).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Dollars with cents up to `max` dollars. */
export const dollars = (max: number, min = 0): fc.Arbitrary<number> =>
  fc.integer({ min: min * 100, max: max * 100 }).map((c) => c / 100);

/** Names that are properties of every JavaScript object (or its prototype). */
export const OBJECT_NAMES = [
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
  'isPrototypeOf',
] as const;

/** Ids and names, ordinary ones and the names of `Object.prototype`. */
const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'Fund 1', 'TOTAL-MARKET', 'bonds', 'x-1') },
  { weight: 1, arbitrary: fc.constantFrom(...OBJECT_NAMES) },
);

/** Values no field should accept quietly. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    true,
    false,
    0,
    -1,
    -0.001,
    0.001,
    1.005,
    1e21,
    -1e21,
    2 ** 53 + 2,
    90_071_992_547_409.91,
    '12,000',
    '$5',
    '1e3',
    '1_000',
    '-$3',
    'max',
    'NaN',
    'Infinity',
    '__proto__',
    'constructor',
    '2026-02-30',
    '0000-00-00',
    '2026-1-1',
    'x'.repeat(3000),
    [],
    {},
    [[[]]],
    { percent: -5 },
    { percent: 1e9 },
    { ['__proto__']: 1 },
    { constructor: 1 },
  ),
  fc.string({ maxLength: 20 }),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.array(fc.integer(), { maxLength: 3 }),
);

/** Every path to a value inside `data` (keys and list indexes). */
function pathsOf(data: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(data)) data.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) pathsOf(v, [...at, k], out);
  }
  return out;
}

/** A copy of `data` with the value at `path` replaced (or removed when `value` is undefined). */
function replaceAt(data: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const copy: unknown[] = [...(data as unknown[])];
    const i = Number(head);
    if (value === undefined && rest.length === 0) copy.splice(i, 1);
    else copy[i] = replaceAt(copy[i], rest, value);
    return copy;
  }
  if (data !== null && typeof data === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) {
      if (k === String(head)) {
        if (value !== undefined || rest.length > 0) copy[k] = replaceAt(v, rest, value);
      } else copy[k] = v;
    }
    return copy;
  }
  return data;
}

/** `data` with one field replaced by a hostile value, removed, or an unknown field added. */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(valid, fc.nat(), fc.oneof(hostileValue, fc.constant(undefined)), fc.boolean())
    .map(([data, pick, value, addKey]) => {
      const paths = pathsOf(data);
      const path = paths[pick % paths.length] ?? [];
      const out = replaceAt(data, path, value);
      if (!addKey || out === null || typeof out !== 'object' || Array.isArray(out)) return out;
      return { ...out, unexpectedField: value ?? 1 };
    });
}

/** Data written as YAML (no anchors: repeated objects written out) or JSON. */
export interface Written {
  readonly text: string;
  readonly ext: 'yaml' | 'json' | 'csv';
}

export function write(data: unknown, format: 'yaml' | 'json'): Written {
  // a value with no text in the format (undefined) is an empty file
  const text =
    format === 'json'
      ? (JSON.stringify(data, null, 1) as string | undefined)
      : (stringify(data, { aliasDuplicateObjects: false, lineWidth: 0 }) as string | undefined);
  return { text: text ?? '', ext: format };
}

/** Damages a text: a token inserted, a range deleted, or a line repeated. */
const YAML_TOKENS = [
  '[',
  ']',
  '{',
  '}',
  '- ',
  '? ',
  ': ',
  ',',
  '&a ',
  '*a',
  '*nope',
  '!!binary ',
  '!!set ',
  '!foo ',
  '|\n',
  '>\n',
  '"',
  "'",
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '# c\n',
  '\t',
  '\n',
  '  ',
  'a',
  'b: 1\n',
  '__proto__: 1\n',
  'constructor: 1\n',
  '1e3',
  '.nan',
  '0x1F',
  '~',
  'null',
  '<<: *a\n',
  '\u0000',
  '\uFEFF',
  '\r\n',
  '\u2028',
  'é',
  '😀',
];

export const yamlToken = fc.constantFrom(...YAML_TOKENS);

export function damaged(written: fc.Arbitrary<Written>): fc.Arbitrary<Written> {
  return fc
    .tuple(written, fc.nat(), fc.nat(), fc.constantFrom('insert', 'delete', 'repeat'), yamlToken)
    .map(([w, at, len, how, token]) => {
      const i = at % (w.text.length + 1);
      if (how === 'insert') return { ...w, text: w.text.slice(0, i) + token + w.text.slice(i) };
      if (how === 'delete')
        return { ...w, text: w.text.slice(0, i) + w.text.slice(i + (len % 40)) };
      const lines = w.text.split('\n');
      const k = at % Math.max(1, lines.length);
      lines.splice(k, 0, lines[k] ?? '');
      return { ...w, text: lines.join('\n') };
    });
}

/** Texts no input format holds: token soup, deep nesting, aliases, reserved keys, bytes. */
export const hostileText: fc.Arbitrary<Written> = fc
  .tuple(
    fc.oneof(
      fc.array(yamlToken, { maxLength: 120 }).map((t) => t.join('')),
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.integer({ min: 1, max: 150 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
      fc.integer({ min: 1, max: 150 }).map((n) => `${'- '.repeat(n)}x\n`),
      fc.integer({ min: 1, max: 150 }).map((n) => `a: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`),
      fc
        .integer({ min: 1, max: 300 })
        .map(
          (n) =>
            `a: &a [1]\n${Array.from({ length: n }, (_, i) => `k${String(i)}: *a`).join('\n')}\n`,
        ),
      fc.constantFrom(
        'x: *nope\n',
        'a: &a [1,2]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n',
        'a: 1\na: 2\n',
        '{"a": 1, "a": 2}',
        '__proto__: {polluted: true}\n',
        '{"__proto__": {"polluted": true}}',
        'a: 1e3\n',
        'a: .nan\n',
        'a: -.inf\n',
        'a: 0x1F\n',
        '? [a, b]\n: 1\n',
        '---\na: 1\n---\nb: 2\n',
        '',
        '\n\n',
        '# only a comment\n',
        '[]\n',
        '[1, 2]\n',
        '"text"\n',
        '42\n',
        'null\n',
        'true\n',
        '!!binary aGVsbG8=\n',
        '%YAML 1.1\n---\na: 1\n',
      ),
    ),
    fc.constantFrom<'yaml' | 'json'>('yaml', 'json'),
  )
  .map(([text, ext]) => ({ text, ext }));

// ---------- valid inputs ----------

const election = fc.oneof(
  fc.constant('max' as const),
  dollars(40_000),
  fc.record({ percent: fc.integer({ min: 0, max: 100 }) }),
);

/**
 * A household of one or two people with W-2, S-corp and Schedule C jobs and one or two plans on
 * each (two solo 401(k)s on one Schedule C job included: issue 11, item 3).
 *
 * Kept out until its fix lands (issue 11, owned by the scenario/household work): everyone 65 or
 * older at December 31 (item 2: refused "retirementAge … must be after today's age"): ages are
 * 20 to 64.
 */
export const household = fc
  .record({
    year: fc.constantFrom(2023, 2024, 2025, 2026),
    ages: fc.array(fc.integer({ min: 20, max: 64 }), { minLength: 1, maxLength: 2 }),
    ids: fc.boolean(),
    jobs: fc.array(
      fc.record({
        who: fc.integer({ min: 0, max: 1 }),
        kind: fc.constantFrom('w2', 'w2', 's-corp', 'schedule-c'),
        pay: dollars(600_000),
        prior: fc.option(dollars(400_000), { nil: undefined }),
        employer: fc.integer({ min: 0, max: 3 }),
        second: fc.integer({ min: 0, max: 3 }),
        plan: fc.record({
          type403b: fc.boolean(),
          deferrals: fc.array(fc.record({ roth: fc.boolean(), amount: election }), {
            maxLength: 2,
          }),
          match: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 2 }),
          ne: fc.integer({ min: 0, max: 25 }),
          afterTax: fc.boolean(),
          afterTaxAmount: fc.option(election, { nil: undefined }),
          cap: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          conversion: fc.constantFrom('none', 'on-request', 'automatic'),
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    group: fc.boolean(),
  })
  .map(({ year, ages, ids, jobs, group }) => {
    // ids are ordinary names, or the names of Object.prototype's properties
    const personId = (i: number): string => (ids ? (OBJECT_NAMES[i] ?? 'p') : `p${String(i)}`);
    const people = ages.map((a, i) => ({
      id: personId(i),
      birthDate: `${String(year - a)}-06-15`,
    }));
    const js = jobs.map((j, i) => {
      const person = personId(Math.min(j.who, people.length - 1));
      const base = {
        id: ids
          ? `${OBJECT_NAMES[(i + 2) % OBJECT_NAMES.length] ?? 'j'}${String(i)}`
          : `j${String(i)}`,
        person,
        employer: j.kind === 'w2' ? `E${String(j.employer)}` : `Biz${String(i)}`,
      };
      return j.kind === 'schedule-c'
        ? { ...base, type: 'schedule-c' as const, netProfit: j.pay }
        : {
            ...base,
            type: j.kind,
            wages: j.pay,
            ...(j.prior === undefined ? {} : { priorYearFicaWages: j.prior }),
          };
    });
    const plans = jobs.flatMap((j, i) => {
      const solo = j.kind !== 'w2';
      const plan = {
        id: ids && i === 0 ? 'constructor' : `k${String(i)}`,
        job: js[i]?.id ?? '',
        type: solo ? 'solo-401k' : j.plan.type403b ? '403b' : '401k',
        deferrals: j.plan.deferrals.map((d) => ({
          type: d.roth ? 'roth' : 'pre-tax',
          amount: d.amount,
        })),
        ...(solo
          ? {}
          : {
              match: j.plan.match.map((m, t) => ({
                rate: 50 + (m % 51),
                upToPercent: m + t * 100 > 100 ? 100 : m + t,
              })),
              nonelectivePercent: j.plan.ne,
            }),
        afterTax: {
          allowed: j.plan.afterTax,
          ...(j.plan.afterTax && j.plan.afterTaxAmount !== undefined
            ? { amount: j.plan.afterTaxAmount }
            : {}),
          ...(j.plan.cap === undefined ? {} : { capPercent: j.plan.cap }),
        },
        inPlanConversion: j.plan.conversion,
      };
      // one W-2 job in four has a second plan (a 401(k) and a 403(b)); a second solo 401(k) of
      // the same business is refused by the scenario checks (IRC 415(c)(1), 404(a)(3)(A)(iv)),
      // which tests/scenario-validation.test.ts covers
      if (j.second !== 0 || solo) return [plan];
      const other = plan.type === '403b' ? '401k' : '403b';
      return [plan, { ...plan, id: `${plan.id}-2`, type: other }];
    });
    const employers = [...new Set(js.filter((j) => j.type === 'w2').map((j) => j.employer))];
    return {
      version: 1,
      taxYear: year,
      filingStatus: people.length === 2 ? 'mfj' : 'single',
      people,
      jobs: js,
      plans,
      controlledGroups: group && employers.length >= 2 ? [employers.slice(0, 2)] : [],
    };
  })
  // match tiers must rise (the validator refuses others)
  .filter((s) =>
    s.plans.every((p) =>
      (p.match ?? []).every((t, i, a) => i === 0 || t.upToPercent > (a[i - 1]?.upToPercent ?? 0)),
    ),
  );

const SOURCES = ['pretax', 'roth', 'employer', 'aftertax', 'irr'] as const;

/** A day `n` days after 2020-01-01, as YYYY-MM-DD. */
function day(n: number): string {
  return new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
}

/** A ledger: funds (some named like Object.prototype's properties) and dated transactions. */
export const ledger = fc
  .record({
    funds: fc.uniqueArray(name, { minLength: 1, maxLength: 3 }),
    prices: fc.array(fc.integer({ min: 100, max: 100_000 }), { minLength: 3, maxLength: 3 }),
    pooled: fc.option(fc.boolean(), { nil: undefined }),
    txs: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 40 }),
        type: fc.constantFrom(
          'contribution',
          'contribution',
          'contribution',
          'price',
          'earnings',
          'fee',
          'convert',
          'withdraw',
        ),
        source: fc.constantFrom(...SOURCES),
        fund: fc.nat(),
        amount: dollars(20_000, 0.01),
        price: fc.integer({ min: 100, max: 100_000 }),
        all: fc.boolean(),
        to: fc.constantFrom('cash', 'roth-ira', 'traditional-ira', 'split'),
      }),
      { maxLength: 25 },
    ),
  })
  .map(({ funds, prices, pooled, txs }) => {
    let d = 0;
    const fundOf = (k: number): string => funds[k % funds.length] ?? 'a';
    const transactions = txs.map((t) => {
      d += t.gap;
      const date = day(d);
      switch (t.type) {
        case 'price':
          return { date, type: t.type, fund: fundOf(t.fund), price: t.price / 100 };
        case 'earnings':
          return { date, type: t.type, fund: fundOf(t.fund), amount: t.amount };
        case 'fee':
          return { date, type: t.type, amount: t.amount };
        case 'convert':
          return { date, type: t.type, source: 'aftertax', amount: t.all ? 'all' : t.amount };
        case 'withdraw':
          return { date, type: t.type, source: 'aftertax', amount: t.amount, to: t.to };
        default:
          return { date, type: t.type, source: t.source, fund: fundOf(t.fund), amount: t.amount };
      }
    });
    return {
      plan: {
        opened: day(0),
        ...(pooled === undefined ? {} : { separateAfterTaxAccount: !pooled }),
        allowConversion: ['aftertax'],
        allowWithdrawal: ['aftertax'],
        funds: Object.fromEntries(funds.map((f, i) => [f, (prices[i] ?? 100) / 100])),
      },
      transactions,
    };
  });

type LedgerData = typeof ledger extends fc.Arbitrary<infer T> ? T : never;

/** A ledger written as CSV (`date,type,source,fund,amount,price,to`). */
export function ledgerCsv(l: LedgerData): string {
  const rows = ['date,type,source,fund,amount,price,to', `${l.plan.opened},open,,,,,`];
  for (const [f, p] of Object.entries(l.plan.funds)) rows.push(`,fund,,${f},,${String(p)},`);
  if (l.plan.separateAfterTaxAccount !== undefined) {
    rows.push(`,${l.plan.separateAfterTaxAccount ? 'separate' : 'pooled'}-after-tax-account,,,,,`);
  }
  rows.push(',allow-conversion,aftertax,,,,', ',allow-withdrawal,aftertax,,,,');
  for (const t of l.transactions as Record<string, string | number | undefined>[]) {
    const cell = (k: string): string => (t[k] === undefined ? '' : String(t[k]));
    rows.push(['date', 'type', 'source', 'fund', 'amount', 'price', 'to'].map(cell).join(','));
  }
  return `${rows.join('\n')}\n`;
}

/** A Roth history: contributions, conversions and a planned withdrawal. */
export const history = fc
  .record({
    born: fc.integer({ min: 1940, max: 1978 }),
    contributions: fc.array(
      fc.record({ year: fc.integer({ min: 1998, max: 2025 }), amount: dollars(8_000, 1) }),
      { maxLength: 6 },
    ),
    conversions: fc.array(
      fc.record({
        year: fc.integer({ min: 1998, max: 2025 }),
        amount: dollars(100_000, 1),
        taxableShare: fc.integer({ min: 0, max: 100 }),
      }),
      { maxLength: 4 },
    ),
    withdrawal: fc.option(
      fc.record({
        after: fc.integer({ min: 1, max: 35 }),
        amount: dollars(300_000, 1),
        extra: dollars(50_000),
        rate: fc.option(fc.integer({ min: 0, max: 50 }), { nil: undefined }),
      }),
      { nil: undefined },
    ),
  })
  .map(({ born, contributions, conversions, withdrawal }) => {
    const conv = conversions.map((c) => ({
      date: `${String(c.year)}-03-01`,
      amount: c.amount,
      taxable: Math.floor(c.amount * c.taxableShare) / 100,
    }));
    const cents =
      contributions.reduce((s, c) => s + Math.round(c.amount * 100), 0) +
      conv.reduce((s, c) => s + Math.round(c.amount * 100), 0);
    const total = cents / 100;
    // a withdrawal comes after the money it takes
    const last = Math.max(...contributions.map((c) => c.year), ...conversions.map((c) => c.year));
    return {
      birthDate: `${String(born)}-02-10`,
      rothIra: {
        contributions: contributions.map((c) => ({
          taxYear: c.year,
          date: `${String(c.year)}-06-01`,
          amount: c.amount,
        })),
        conversions: conv,
      },
      ...(withdrawal === undefined || total === 0
        ? {}
        : {
            withdrawal: {
              date: `${String(last + withdrawal.after)}-07-01`,
              amount: Math.min(withdrawal.amount, total),
              balance: (cents + Math.round(withdrawal.extra * 100)) / 100,
              ...(withdrawal.rate === undefined ? {} : { marginalRate: withdrawal.rate / 100 }),
            },
          }),
    };
  });

/** Rates within the ranges a projection accepts. */
const rates = fc.record({
  expectedReturn: fc.integer({ min: -200, max: 200 }).map((r) => r / 1000),
  inflation: fc.integer({ min: -50, max: 150 }).map((r) => r / 1000),
  currentRate: fc.integer({ min: 0, max: 70 }).map((r) => r / 100),
  retirementRate: fc.integer({ min: 0, max: 70 }).map((r) => r / 100),
  capitalGainsRate: fc.integer({ min: 0, max: 50 }).map((r) => r / 100),
  dividendYield: fc.integer({ min: 0, max: 100 }).map((r) => r / 1000),
});

const ages = fc
  .record({ age: fc.integer({ min: 18, max: 80 }), work: fc.integer({ min: 1, max: 50 }) })
  .chain(({ age, work }) =>
    fc.integer({ min: 0, max: 30 }).map((after) => ({
      age,
      retirementAge: Math.min(age + work, 119),
      planEndAge: Math.min(age + work + after, 130),
    })),
  )
  .filter((a) => a.retirementAge > a.age && a.planEndAge - a.age <= 100);

/** Projection inputs of `megaroth compare FILE`. */
export const compareInputs = fc
  .record({
    contribution: dollars(200_000),
    preTaxRoom: dollars(40_000),
    volatility: fc.integer({ min: 0, max: 60 }).map((v) => v / 100),
    ages,
    rates,
  })
  .map(({ ages: a, rates: r, ...rest }) => ({ ...rest, ...a, ...r }));

/** Optimizer inputs of `megaroth optimize FILE`. */
export const optimizeInputs = fc
  .record({
    budget: dollars(150_000),
    rooms: fc.array(dollars(32_000), { minLength: 1, maxLength: 2 }),
    plans: fc.array(
      fc.record({
        person: fc.nat(),
        pre: fc.boolean(),
        roth: fc.boolean(),
        match: fc.option(
          fc.record({
            rate: fc.integer({ min: 1, max: 200 }).map((r) => r / 100),
            max: dollars(20_000),
          }),
          { nil: undefined },
        ),
        afterTax: fc.option(
          fc.record({
            room: dollars(50_000),
            conversion: fc.constantFrom('in-plan', 'at-separation'),
          }),
          { nil: undefined },
        ),
        employer: fc.option(
          fc.record({ max: dollars(30_000, 0.01), share: fc.integer({ min: 0, max: 100 }) }),
          { nil: undefined },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    ages,
    rates,
  })
  .map(({ budget, rooms, plans, ages: a, rates: r }) => ({
    budget,
    people: rooms.map((room, i) => ({ id: `p${String(i)}`, deferralRoom: room })),
    plans: plans.map((p, i) => {
      const room = p.afterTax?.room ?? 0;
      return {
        id: `k${String(i)}`,
        person: `p${String(p.person % rooms.length)}`,
        preTaxDeferrals: p.pre,
        rothDeferrals: p.roth,
        ...(p.match ? { match: p.match } : {}),
        ...(p.afterTax ? { afterTax: p.afterTax } : {}),
        ...(p.employer
          ? {
              employer: {
                max: p.employer.max,
                afterTaxRoomAtMax: Math.floor(room * p.employer.share) / 100,
              },
            }
          : {}),
      };
    }),
    assumptions: { ...a, ...r },
  }));
