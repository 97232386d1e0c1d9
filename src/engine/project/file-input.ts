/**
 * The YAML/JSON inputs of `megaroth compare FILE` and `megaroth optimize FILE`, validated with
 * zod; every problem names its field. Amounts are dollars (converted to cents here), rates are
 * decimals (0.07 = 7%). Fields left out take the built-in physician example's values.
 */
import { z } from 'zod';
import { InputError, formatPath, inputError } from '../errors.js';
import { dollarsToCents, type Cents } from '../money.js';
import { physicianOptimizer, physicianProjection } from './examples.js';
import { basisOf, given, type Basis, type Bases, type Explained } from './explained.js';
import { yearsFromAges, type ProjectionInputs } from './inputs.js';
import type { Assumptions, OptimizerInput } from './optimizer.js';

const dollars = z.number().nonnegative();
const num = z.number();

const ages = {
  age: z.number().int().min(0).max(120).optional(),
  retirementAge: z.number().int().min(0).max(120).optional(),
  planEndAge: z.number().int().min(0).max(130).optional(),
};

const rates = {
  expectedReturn: num.optional(),
  inflation: num.optional(),
  currentRate: num.optional(),
  retirementRate: num.optional(),
  capitalGainsRate: num.optional(),
  dividendYield: num.optional(),
};

const compareFileSchema = z.strictObject({
  contribution: dollars.optional(),
  preTaxRoom: dollars.optional(),
  volatility: num.optional(),
  ...ages,
  ...rates,
});

const optimizeFileSchema = z.strictObject({
  budget: dollars.optional(),
  assumptions: z.strictObject({ ...ages, ...rates }).optional(),
  people: z.array(z.strictObject({ id: z.string().min(1), deferralRoom: dollars })).min(1),
  plans: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        person: z.string().min(1),
        preTaxDeferrals: z.boolean().default(true),
        rothDeferrals: z.boolean().default(false),
        match: z.strictObject({ rate: num, max: dollars }).optional(),
        afterTax: z
          .strictObject({ room: dollars, conversion: z.enum(['in-plan', 'at-separation']) })
          .optional(),
        employer: z.strictObject({ max: dollars, afterTaxRoomAtMax: dollars }).optional(),
      }),
    )
    .min(1),
});

function parseWith<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new InputError(
      r.error.issues.map((i) => {
        const at = formatPath(i.path);
        return { path: at ? `${file}: ${at}` : file, message: i.message };
      }),
    );
  }
  return r.data;
}

function toCents(d: number, path: string): Cents {
  const c = dollarsToCents(d);
  if (c === undefined) throw inputError(path, 'must be dollars with at most two decimals');
  return c;
}

/** A field's value and basis: given in the file, or the built-in example's. */
function fromFileOr<T>(
  got: T | undefined,
  example: T,
  exampleBasis: Basis,
  where: string,
  file: string,
): [T, Basis] {
  if (got !== undefined) return [got, given(where)];
  return [
    example,
    {
      why: `not in ${file}: the built-in example’s value (${exampleBasis.why})`,
      citation: exampleBasis.citation,
    },
  ];
}

type RateField = (typeof RATE_FIELDS)[number];
const RATE_FIELDS = [
  'expectedReturn',
  'inflation',
  'currentRate',
  'retirementRate',
  'capitalGainsRate',
  'dividendYield',
] as const;

/** The rates of a file (under `prefix`), each given or the example's. */
function ratesFrom(
  f: { readonly [K in RateField]?: number | undefined },
  ex: Readonly<Record<RateField, number>>,
  exBases: Bases,
  file: string,
  prefix: string,
): { values: Record<RateField, number>; bases: Partial<Record<RateField, Basis>> } {
  const values = {} as Record<RateField, number>;
  const bases: Partial<Record<RateField, Basis>> = {};
  for (const k of RATE_FIELDS) {
    const [v, b] = fromFileOr(f[k], ex[k], basisOf(exBases, k), `${file}: ${prefix}${k}`, file);
    values[k] = v;
    bases[k] = b;
  }
  return { values, bases };
}

/** Projection inputs from a compare file (missing fields from the built-in example). */
export function projectionFromFile(data: unknown, file: string): Explained<ProjectionInputs> {
  const f = parseWith(compareFileSchema, data, file);
  const ex = physicianProjection();
  const h = ex.household;
  const { years, withdrawalYears } = yearsFromAges(
    f.age ?? h.age,
    f.retirementAge ?? h.retirementAge,
    f.planEndAge ?? h.planEndAge,
    `${file}: `,
  );
  const at = (k: string): string => `${file}: ${k}`;
  const [contribution, contributionBasis] = fromFileOr(
    f.contribution === undefined ? undefined : toCents(f.contribution, at('contribution')),
    ex.values.contribution,
    basisOf(ex.bases, 'contribution'),
    at('contribution'),
    file,
  );
  const [preTaxRoom, preTaxRoomBasis] = fromFileOr(
    f.preTaxRoom === undefined ? undefined : toCents(f.preTaxRoom, at('preTaxRoom')),
    ex.values.preTaxRoom,
    basisOf(ex.bases, 'preTaxRoom'),
    at('preTaxRoom'),
    file,
  );
  const [volatility, volatilityBasis] = fromFileOr(
    f.volatility,
    ex.values.volatility,
    basisOf(ex.bases, 'volatility'),
    at('volatility'),
    file,
  );
  const rates = ratesFrom(f, ex.values, ex.bases, file, '');
  return {
    values: {
      contribution,
      preTaxRoom,
      years,
      withdrawalYears,
      volatility,
      ...rates.values,
    },
    bases: {
      contribution: contributionBasis,
      preTaxRoom: preTaxRoomBasis,
      volatility: volatilityBasis,
      ...rates.bases,
    },
    household: null,
  };
}

/** Optimizer inputs from an optimize file (missing assumptions from the built-in example). */
export function optimizerFromFile(data: unknown, file: string): Explained<OptimizerInput> {
  const f = parseWith(optimizeFileSchema, data, file);
  const ex = physicianOptimizer();
  const h = ex.household;
  const fa = f.assumptions ?? {};
  const { years, withdrawalYears } = yearsFromAges(
    fa.age ?? h.age,
    fa.retirementAge ?? h.retirementAge,
    fa.planEndAge ?? h.planEndAge,
    `${file}: assumptions.`,
  );
  const rates = ratesFrom(fa, ex.values.assumptions, ex.bases, file, 'assumptions.');
  const assumptions: Assumptions = { years, withdrawalYears, ...rates.values };
  const [budget, budgetBasis] = fromFileOr(
    f.budget === undefined ? undefined : toCents(f.budget, `${file}: budget`),
    ex.values.budget,
    basisOf(ex.bases, 'budget'),
    `${file}: budget`,
    file,
  );
  return {
    values: {
      budget,
      people: f.people.map((p, i) => ({
        id: p.id,
        deferralRoom: toCents(p.deferralRoom, `${file}: people[${String(i)}].deferralRoom`),
      })),
      plans: f.plans.map((p, i) => {
        const at = `${file}: plans[${String(i)}]`;
        return {
          id: p.id,
          person: p.person,
          preTaxDeferrals: p.preTaxDeferrals,
          rothDeferrals: p.rothDeferrals,
          ...(p.match
            ? { match: { rate: p.match.rate, max: toCents(p.match.max, `${at}.match.max`) } }
            : {}),
          ...(p.afterTax
            ? {
                afterTax: {
                  room: toCents(p.afterTax.room, `${at}.afterTax.room`),
                  conversion: p.afterTax.conversion,
                },
              }
            : {}),
          ...(p.employer
            ? {
                employer: {
                  max: toCents(p.employer.max, `${at}.employer.max`),
                  afterTaxRoomAtMax: toCents(
                    p.employer.afterTaxRoomAtMax,
                    `${at}.employer.afterTaxRoomAtMax`,
                  ),
                },
              }
            : {}),
        };
      }),
      assumptions,
    },
    bases: { ...rates.bases, budget: budgetBasis },
    household: null,
  };
}
