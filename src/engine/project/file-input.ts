/**
 * The YAML/JSON inputs of `megaroth compare FILE` and `megaroth optimize FILE`, validated with
 * zod; every problem names its field. Amounts are dollars (converted to cents here), rates are
 * decimals (0.07 = 7%). Fields left out take the built-in physician example's values.
 */
import { z } from 'zod';
import { InputError, formatPath, inputError } from '../errors.js';
import { dollarsToCents, type Cents } from '../money.js';
import { PHYSICIAN_ASSUMPTIONS, physicianOptimizer, physicianProjection } from './examples.js';
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

export const compareFileSchema = z.strictObject({
  contribution: dollars.optional(),
  preTaxRoom: dollars.optional(),
  volatility: num.optional(),
  ...ages,
  ...rates,
});

export const optimizeFileSchema = z.strictObject({
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

/** Projection inputs from a compare file (missing fields from the built-in example). */
export function projectionFromFile(data: unknown, file: string): ProjectionInputs {
  const f = parseWith(compareFileSchema, data, file);
  const ex = physicianProjection();
  const a = PHYSICIAN_ASSUMPTIONS;
  const { years, withdrawalYears } = yearsFromAges(
    f.age ?? a.age,
    f.retirementAge ?? a.retirementAge,
    f.planEndAge ?? a.planEndAge,
    `${file}: `,
  );
  return {
    contribution:
      f.contribution === undefined
        ? ex.contribution
        : toCents(f.contribution, `${file}: contribution`),
    preTaxRoom:
      f.preTaxRoom === undefined ? ex.preTaxRoom : toCents(f.preTaxRoom, `${file}: preTaxRoom`),
    years,
    withdrawalYears,
    expectedReturn: f.expectedReturn ?? ex.expectedReturn,
    volatility: f.volatility ?? ex.volatility,
    inflation: f.inflation ?? ex.inflation,
    currentRate: f.currentRate ?? ex.currentRate,
    retirementRate: f.retirementRate ?? ex.retirementRate,
    capitalGainsRate: f.capitalGainsRate ?? ex.capitalGainsRate,
    dividendYield: f.dividendYield ?? ex.dividendYield,
  };
}

/** Optimizer inputs from an optimize file (missing assumptions from the built-in example). */
export function optimizerFromFile(data: unknown, file: string): OptimizerInput {
  const f = parseWith(optimizeFileSchema, data, file);
  const ex = physicianOptimizer();
  const a = PHYSICIAN_ASSUMPTIONS;
  const fa = f.assumptions ?? {};
  const { years, withdrawalYears } = yearsFromAges(
    fa.age ?? a.age,
    fa.retirementAge ?? a.retirementAge,
    fa.planEndAge ?? a.planEndAge,
    `${file}: assumptions.`,
  );
  const e = ex.assumptions;
  const assumptions: Assumptions = {
    years,
    withdrawalYears,
    expectedReturn: fa.expectedReturn ?? e.expectedReturn,
    inflation: fa.inflation ?? e.inflation,
    currentRate: fa.currentRate ?? e.currentRate,
    retirementRate: fa.retirementRate ?? e.retirementRate,
    capitalGainsRate: fa.capitalGainsRate ?? e.capitalGainsRate,
    dividendYield: fa.dividendYield ?? e.dividendYield,
  };
  return {
    budget: f.budget === undefined ? ex.budget : toCents(f.budget, `${file}: budget`),
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
  };
}
