/**
 * The Roth IRA side of the household (issue 14, items 3–5): the phase-out ranges of every year
 * against the IRS releases, the reduced-limit formula of IRC 219(g)(2) / 408A(c)(3) (Pub 590-A
 * Worksheets 1-2 and 2-2), and the two worked examples, each figure computed by hand below.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/engine/errors.js';
import { separationSplit } from '../src/engine/distributions/separation.js';
import { paramsFor, usd } from '../src/engine/params/index.js';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../src/engine/project/from-household.js';
import { planReport } from '../src/engine/report/plan.js';
import { backdoor } from '../src/engine/roth-ira/backdoor.js';
import { reducedLimit } from '../src/engine/roth-ira/phase-out.js';
import type { Iras } from '../src/engine/scenario/iras.js';
import { deductionRange, rothRange } from '../src/engine/roth-ira/ranges.js';
import { loadScenario } from '../src/engine/scenario/load.js';
import type { FilingStatus } from '../src/engine/tax/filing-status.js';
import { runCli } from './helpers/cli.js';

const D = 100; // cents in a dollar

const EMPTY_IRAS: Iras = {
  traditional: 0,
  sep: 0,
  simple: 0,
  rollover: 0,
  basis: 0,
  contribution: 0,
  rothContribution: 0,
  livedWithSpouse: true,
};

/**
 * Dollars [start, end] as the IRS news releases give them: IR-2022-188 (Notice 2022-55),
 * IR-2023-203 (Notice 2023-75), IR-2024-285 (Notice 2024-80), IR-2025-111 (Notice 2025-67).
 * Roth: "singles and heads of household" / "married couples filing jointly" / "married
 * individual filing a separate return ... $0 to $10,000". Deduction: "single taxpayers covered
 * by a workplace retirement plan" / "married couples filing jointly, if the spouse making the
 * IRA contribution is covered" / "an IRA contributor who is not covered ... married to someone
 * who is covered" / married filing separately $0 to $10,000. QSS uses the joint ranges (IRC
 * 219(g)(3)(B)(i); Pub 590-A Table 2-1: "married filing jointly or qualifying surviving spouse").
 */
const RELEASES: Record<number, Record<string, [number, number]>> = {
  2023: {
    rothOther: [138_000, 153_000],
    rothJoint: [218_000, 228_000],
    covOther: [73_000, 83_000],
    covJoint: [116_000, 136_000],
    spouse: [218_000, 228_000],
  },
  2024: {
    rothOther: [146_000, 161_000],
    rothJoint: [230_000, 240_000],
    covOther: [77_000, 87_000],
    covJoint: [123_000, 143_000],
    spouse: [230_000, 240_000],
  },
  2025: {
    rothOther: [150_000, 165_000],
    rothJoint: [236_000, 246_000],
    covOther: [79_000, 89_000],
    covJoint: [126_000, 146_000],
    spouse: [236_000, 246_000],
  },
  2026: {
    rothOther: [153_000, 168_000],
    rothJoint: [242_000, 252_000],
    covOther: [81_000, 91_000],
    covJoint: [129_000, 149_000],
    spouse: [242_000, 252_000],
  },
};

const STATUS_ROWS: [FilingStatus, string, string][] = [
  ['single', 'rothOther', 'covOther'],
  ['hoh', 'rothOther', 'covOther'],
  ['mfj', 'rothJoint', 'covJoint'],
  ['qss', 'rothJoint', 'covJoint'],
  ['mfs', 'separate', 'separate'],
];

describe('IRA phase-out ranges, every year and filing status, from the IRS releases', () => {
  const rows = Object.keys(RELEASES).flatMap((y) =>
    STATUS_ROWS.map(([status, roth, cov]) => [Number(y), status, roth, cov] as const),
  );
  it.each(rows)('%i %s', (year, status, roth, cov) => {
    const fig = RELEASES[year] ?? {};
    const ira = paramsFor(year).ira;
    const want = (key: string): { start: number; end: number } => {
      const [a, b] = key === 'separate' ? [0, 10_000] : (fig[key] ?? [0, 0]);
      return { start: a * D, end: b * D };
    };
    expect(rothRange(ira, status, true).range).toEqual(want(roth));
    expect(deductionRange(ira, status, true, true, false).range).toEqual(want(cov));
    if (status === 'mfj') {
      expect(deductionRange(ira, status, true, false, true).range).toEqual(want('spouse'));
    }
    if (status === 'mfs') {
      // Lived apart all year: treated as single (IRC 219(g)(4); Pub 590-A Table 2-1).
      expect(rothRange(ira, status, false).range).toEqual(want('rothOther'));
      expect(deductionRange(ira, status, false, true, false).range).toEqual(want('covOther'));
      expect(deductionRange(ira, status, false, false, true).range).toBeNull();
    }
    expect(deductionRange(ira, status, true, false, false).range).toBeNull();
    expect(paramsFor(year).ira.rothJoint.start.citation).toMatch(/Notice 20\d\d-\d+/);
  });

  it('the IRA limit and catch-up: 2026 is the first indexed catch-up above $1,000', () => {
    expect([2023, 2024, 2025, 2026].map((y) => paramsFor(y).plan.iraLimit.value)).toEqual([
      6_500, 7_000, 7_000, 7_500,
    ]);
    expect([2023, 2024, 2025, 2026].map((y) => paramsFor(y).plan.iraCatchUp.value)).toEqual([
      1_000, 1_000, 1_000, 1_100,
    ]);
  });
});

describe('reduced limit (IRC 219(g)(2), 408A(c)(3)(A); Pub 590-A Worksheets 1-2, 2-2)', () => {
  const ira = paramsFor(2026).ira;
  const r = (limit: number, magi: number, range: { start: number; end: number }) =>
    reducedLimit(
      limit * D,
      magi * D,
      range,
      usd(ira.reducedLimitMultiple),
      usd(ira.reducedLimitMinimum),
    );
  const single24 = { start: 146_000 * D, end: 161_000 * D };
  it('rounds the reduced limit up to the next $10', () => {
    // 7,000 × (161,000 − 150,000) / 15,000 = 5,133.33 → 5,140.
    expect(r(7_000, 150_000, single24)).toEqual({ allowed: 5_140 * D, status: 'reduced' });
    // MFJ 2025, age 50: 8,000 × (246,000 − 240,000) / 10,000 = 4,800 exactly.
    expect(r(8_000, 240_000, { start: 236_000 * D, end: 246_000 * D }).allowed).toBe(4_800 * D);
  });
  it('gives at least $200 above zero, nothing at the end, all at the start', () => {
    // 7,000 × 100 / 15,000 = 46.67 → 50 → the $200 floor.
    expect(r(7_000, 160_900, single24).allowed).toBe(200 * D);
    expect(r(7_000, 161_000, single24)).toEqual({ allowed: 0, status: 'none' });
    expect(r(7_000, 146_000, single24)).toEqual({ allowed: 7_000 * D, status: 'full' });
    // No compensation, no limit: the $200 floor does not create one.
    expect(r(0, 150_000, single24)).toEqual({ allowed: 0, status: 'reduced' });
  });
  it('the deduction, active participant, 2026 single: 7,500 × (91,000 − 85,000) / 10,000 = 4,500', () => {
    expect(r(7_500, 85_000, { start: 81_000 * D, end: 91_000 * D }).allowed).toBe(4_500 * D);
  });
});

function plan(file: string, edit: (text: string) => string = (t) => t) {
  const s = loadScenario(edit(readFileSync(file, 'utf8')), 'yaml');
  return planReport(s, DEFAULT_GROWTH_ASSUMPTIONS);
}

describe('a physician with a $40,000 rollover IRA from residency doing a $7,500 backdoor (2026)', () => {
  const r = plan('examples/backdoor-rollover-ira.yaml');
  const p = r.rothIra[0];
  const b = p?.backdoor;
  it('is out of the direct Roth IRA and the deduction (MAGI far above both ranges)', () => {
    // MAGI = 320,000 wages − 14,500 pre-tax deferral = 305,500 ≥ 168,000 and ≥ 91,000.
    expect(p?.magi.cents).toBe(305_500 * D);
    expect(p?.roth.allowed.cents).toBe(0);
    expect(p?.activeParticipant).toBe(true);
    expect(p?.deduction.deductible.cents).toBe(0);
    expect(p?.deduction.nondeductible.cents).toBe(7_500 * D);
  });
  it('pays the pro-rata: Form 8606 filled by hand', () => {
    // Line 1 = 7,500; line 2 = 0; line 5 = 7,500; line 6 = 40,000 (the rollover IRA);
    // line 8 = 7,500; line 9 = 47,500; line 10 = 7,500 / 47,500 = 0.15789…;
    // line 11 = 7,500 × 7,500 / 47,500 = 1,184.21; line 18 = 7,500 − 1,184.21 = 6,315.79;
    // line 14 = 7,500 − 1,184.21 = 6,315.79.
    expect(b?.yearEndValue.cents).toBe(40_000 * D);
    expect(b?.nontaxable.cents).toBe(118_421);
    expect(b?.taxable.cents).toBe(631_579);
    expect(b?.basisCarried.cents).toBe(631_579);
    expect(b?.taxNow.cents).toBeGreaterThan(0);
  });
  it('the fix: roll the $40,000 into the hospital 401(k) before December 31, then nothing is taxable', () => {
    expect(b?.rollIn.cents).toBe(40_000 * D);
    expect(b?.taxableWithRollIn.cents).toBe(0);
    expect(b?.rollInSaves.cents).toBe(b?.taxNow.cents);
    expect(b?.rollInPlans).toEqual([
      { plan: 'hospital-401k', employer: 'Riverside Medical Center', accepts: 'yes' },
    ]);
    expect(b?.rollInBy).toBe('2026-12-31');
    expect(r.findings.find((f) => f.message.startsWith('Pro-rata'))?.fix).toMatch(/hospital-401k/);
  });
  it('Roth money this year: the roll-in first, the backdoor after it, with the total', () => {
    const m = r.rothMoney[0];
    expect(m?.items.map((i) => i.kind)).toEqual(['roth-deferral', 'backdoor-roth-ira']);
    expect(m?.total.cents).toBe(17_500 * D);
    expect(m?.steps[0]?.action).toMatch(/^Roll \$40,000\.00/);
    expect(m?.steps.at(-1)?.action).toMatch(/traditional IRA, then convert/);
  });
  it('the roll-in of only the pre-tax money: basis stays in the IRA (IRC 408(d)(3)(H))', () => {
    // Basis 3,000 from earlier years: the roll-in moves 40,000 − 3,000 = 37,000; line 6 after it
    // = 3,000; line 5 = 10,500; line 9 = 10,500: ratio 1, nothing taxable.
    const r2 = plan('examples/backdoor-rollover-ira.yaml', (t) =>
      t.replace('rollover: 40000', 'rollover: 40000\n      basis: 3000'),
    );
    expect(r2.rothIra[0]?.backdoor?.rollIn.cents).toBe(37_000 * D);
    expect(r2.rothIra[0]?.backdoor?.taxableWithRollIn.cents).toBe(0);
  });
});

describe('the Q5 separation split followed by a backdoor the next year', () => {
  it('the earnings rolled to a traditional IRA make the backdoor taxable pro rata', () => {
    // 2025: $75,000 with $50,000 after-tax basis split at separation (Notice 2014-54).
    const split = separationSplit({ balance: 75_000 * D, afterTaxBasis: 50_000 * D });
    expect(split.toTraditionalIra).toBe(25_000 * D);
    const r = plan('examples/roth-lite-then-backdoor.yaml');
    const b = r.rothIra[0]?.backdoor;
    expect(b?.iraBalances.cents).toBe(split.toTraditionalIra);
    // 2026 Form 8606: line 5 = 7,500; line 9 = 25,000 + 7,500 = 32,500;
    // line 11 = 7,500 × 7,500 / 32,500 = 1,730.77; line 18 = 5,769.23.
    expect(b?.nontaxable.cents).toBe(173_077);
    expect(b?.taxable.cents).toBe(576_923);
    expect(b?.taxableWithRollIn.cents).toBe(0);
    expect(b?.rollInPlans).toEqual([
      { plan: 'newco-401k', employer: 'NewCo Tools', accepts: 'ask' },
    ]);
    expect(
      r.findings.some((f) => f.severity === 'question' && f.path === 'plans[0].acceptsIraRollIns'),
    ).toBe(true);
    expect(r.rothIra[0]?.rothLiteKnockOn?.plans).toEqual(['newco-401k']);
    expect(r.rothMoney[0]?.items.find((i) => i.kind === 'mega-backdoor-roth-lite')?.rothWhen).toBe(
      'at-separation',
    );
  });
});

describe('a direct Roth IRA contribution over the phase-out', () => {
  it('warns of the 6% excise and names recharacterization and withdrawal', () => {
    // 2026 single, MAGI 160,000: 7,500 × (168,000 − 160,000) / 15,000 = 4,000 allowed;
    // planned 7,500 → excess 3,500, excise 6% = 210.
    const r = plan('examples/backdoor-rollover-ira.yaml', (t) =>
      t.replace('contribution: 7500', 'rothContribution: 7500\n      modifiedAgi: 160000'),
    );
    const p = r.rothIra[0];
    expect(p?.roth.limit.cents).toBe(4_000 * D);
    expect(p?.roth.excess.cents).toBe(3_500 * D);
    expect(p?.roth.excessTax.cents).toBe(210 * D);
    const w = r.findings.find((f) => f.path === 'people[0].iras.rothContribution');
    expect(w?.severity).toBe('warning');
    expect(w?.message).toMatch(/4973/);
    expect(w?.fix).toMatch(/408A\(d\)\(6\)/);
    expect(w?.fix).toMatch(/408\(d\)\(4\)/);
  });
});

const COUPLE = `version: 1
taxYear: 2026
filingStatus: mfj
people:
  - id: alex
    birthDate: 1980-01-01
  - id: blair
    birthDate: 1982-01-01
    iras:
      contribution: 7500
      modifiedAgi: 245000
jobs:
  - id: work
    person: alex
    employer: Acme
    type: w2
    wages: 260000
plans:
  - id: acme-401k
    job: work
    type: 401k
    deferrals:
      - type: pre-tax
        amount: 10000
`;

describe('the spouse rule (IRC 219(g)(7)) and the spousal IRA (IRC 219(c))', () => {
  it('a spouse not covered, married to one who is: the spousal range and the joint compensation', () => {
    const r = planReport(loadScenario(COUPLE, 'yaml'), DEFAULT_GROWTH_ASSUMPTIONS);
    const b = r.rothIra.find((x) => x.person === 'blair');
    expect(b?.activeParticipant).toBe(false);
    expect(b?.deduction.rule).toMatch(/spouse who is/);
    // 2026: 7,500 × (252,000 − 245,000) / 10,000 = 5,250 deductible; 2,250 basis.
    expect(b?.deduction.limit.cents).toBe(5_250 * D);
    expect(b?.deduction.nondeductible.cents).toBe(2_250 * D);
    // No compensation of her own: Alex's 260,000 counts (219(c)), so the limit is 7,500.
    expect(b?.contributionLimit.cents).toBe(7_500 * D);
    // Roth: MFJ 242,000–252,000, but the 7,500 traditional contribution uses the whole limit.
    expect(b?.roth.allowed.cents).toBe(0);
  });
  it('refuses a conversion larger than the IRAs hold, naming the field', () => {
    const bad = COUPLE.replace(
      'modifiedAgi: 245000',
      'modifiedAgi: 245000\n      conversion: 9000',
    );
    let issues: readonly { path: string }[] = [];
    try {
      planReport(loadScenario(bad, 'yaml'), DEFAULT_GROWTH_ASSUMPTIONS);
    } catch (e) {
      if (e instanceof InputError) issues = e.issues;
    }
    expect(issues.map((x) => x.path)).toEqual(['people[1].iras.conversion']);
  });
});

describe('a direct Roth IRA contribution inside the phase-out', () => {
  it('is reduced, rounded up to $10, and due by the return due date', () => {
    // 2024 single, age 50+ (born 1970): limit 7,000 + 1,000 = 8,000; MAGI 155,000;
    // 8,000 × (161,000 − 155,000) / 15,000 = 3,200 exactly. MAGI 155,005:
    // 8,000 × 5,995 / 15,000 = 3,197.33 → 3,200 (rounded up to $10).
    const yaml = (magi: number): string => `version: 1
taxYear: 2024
filingStatus: single
people:
  - id: jo
    birthDate: 1970-05-05
    iras:
      rothContribution: 8000
      modifiedAgi: ${String(magi)}
`;
    for (const magi of [155_000, 155_005]) {
      const r = planReport(loadScenario(yaml(magi), 'yaml'), DEFAULT_GROWTH_ASSUMPTIONS);
      const p = r.rothIra[0];
      expect(p?.contributionLimit.cents).toBe(0); // no compensation in the scenario
      expect(p?.roth.allowed.cents).toBe(0);
    }
    const withPay = (magi: number): string =>
      `${yaml(magi)}jobs:\n  - id: w\n    person: jo\n    employer: Acme\n    type: w2\n    wages: 150000\n`;
    for (const magi of [155_000, 155_005]) {
      const r = planReport(loadScenario(withPay(magi), 'yaml'), DEFAULT_GROWTH_ASSUMPTIONS);
      const p = r.rothIra[0];
      expect(p?.contributionLimit.cents).toBe(8_000 * D);
      expect(p?.roth.status).toBe('reduced');
      expect(p?.roth.allowed.cents).toBe(3_200 * D);
      expect(p?.roth.excess.cents).toBe(4_800 * D);
      const m = r.rothMoney[0];
      expect(m?.items.map((i) => [i.kind, i.amount.cents])).toEqual([
        ['direct-roth-ira', 3_200 * D],
      ]);
      expect(m?.steps.at(-1)?.by).toBe('2025-04-15');
    }
  });
});

describe('megaroth plan with IRA fields', () => {
  it('prints the Roth IRA section and the Roth money summary', async () => {
    const out = await runCli(['plan', 'examples/backdoor-rollover-ira.yaml']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Roth IRA — Dr. Patel');
    expect(out.stdout).toContain('Taxable conversion (line 18)');
    expect(out.stdout).toContain('Roth money this year — Dr. Patel');
  });
});

describe('properties (fast-check)', () => {
  const ira = paramsFor(2026).ira;
  const mult = usd(ira.reducedLimitMultiple);
  const min = usd(ira.reducedLimitMinimum);
  const range = { start: 153_000 * D, end: 168_000 * D };
  it('the reduced limit falls as MAGI rises, stays within [0, limit], and is a multiple of $10', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 860 }).map((x) => x * 10 * D),
        fc.integer({ min: 0, max: 300_000 * D }),
        fc.integer({ min: 0, max: 300_000 * D }),
        (limit, a, b) => {
          const lo = reducedLimit(limit, Math.min(a, b), range, mult, min).allowed;
          const hi = reducedLimit(limit, Math.max(a, b), range, mult, min).allowed;
          expect(hi).toBeLessThanOrEqual(lo);
          expect(lo).toBeLessThanOrEqual(limit);
          expect(hi).toBeGreaterThanOrEqual(0);
          expect(lo % mult).toBe(0);
        },
      ),
    );
  });
  it('the backdoor: nontaxable + taxable = the conversion, and the roll-in never adds tax', () => {
    const money = fc.integer({ min: 0, max: 1_000_000 * D });
    fc.assert(
      fc.property(
        money,
        money,
        money,
        fc.integer({ min: 0, max: 8_600 * D }),
        (trad, roll, basisRaw, c) => {
          const basis = Math.min(basisRaw, trad + roll);
          const b = backdoor({
            path: 'iras',
            iras: { ...EMPTY_IRAS, traditional: trad, rollover: roll, basis, contribution: c },
            conversion: c,
            deductible: 0,
          });
          expect(b.asPlanned.lines.line17 + b.asPlanned.lines.line18).toBe(c);
          expect(b.taxableWithRollIn).toBeLessThanOrEqual(b.taxable);
          expect(b.rollIn).toBe(trad + roll - basis);
        },
      ),
    );
  });
});
