/**
 * The scenario's IRA fields: a person's traditional, SEP, SIMPLE and rollover IRAs, the basis
 * from last year's Form 8606, and the year's planned IRA contributions and conversion (the
 * backdoor Roth IRA, IRC 408(d)(2), 408A(c)(3); Form 8606); and a plan's acceptance of roll-ins
 * of IRA money (IRC 408(d)(3)(A)(ii)).
 */
import { z } from 'zod';
import type { Cents } from '../money.js';

/** The money field type of the scenario schema (dollars in, cents out). */
type MoneyField = z.ZodType<Cents, number>;

/**
 * The person's `iras` object, built on the scenario's money field (passed in, so this module
 * does not import the scenario schema that plugs it in).
 */
export const irasSchema = (money: MoneyField) =>
  z
    .strictObject({
      traditional: money
        .prefault(0)
        .describe(
          'Traditional IRAs (other than rollover IRAs): value at December 31 without this year’s contribution and conversion',
        ),
      sep: money.prefault(0).describe('SEP IRAs: value at December 31'),
      simple: money.prefault(0).describe('SIMPLE IRAs: value at December 31'),
      rollover: money
        .prefault(0)
        .describe(
          'Rollover IRAs (money rolled out of employer plans, e.g. a residency 403(b) or the earnings of a Roth-lite split at separation): value at December 31',
        ),
      basis: money
        .prefault(0)
        .describe(
          'Nondeductible basis in traditional IRAs from earlier years: last year’s Form 8606 line 14',
        ),
      contribution: money
        .prefault(0)
        .describe(
          'Planned traditional IRA contribution for the tax year (the first step of a backdoor Roth IRA)',
        ),
      conversion: money
        .optional()
        .describe(
          'Planned conversion of traditional IRA money to a Roth IRA in the tax year (default: the contribution, converted right after it)',
        ),
      rothContribution: money
        .prefault(0)
        .describe('Planned direct (regular) Roth IRA contribution for the tax year'),
      modifiedAgi: money
        .optional()
        .describe(
          'Modified AGI of the return for the IRA rules (Pub 590-A Worksheets 1-1 and 2-1; on a joint return, the joint figure); default: estimated from the scenario’s pay',
        ),
      livedWithSpouse: z
        .boolean({ error: 'expected true or false' })
        .default(true)
        .describe(
          'Married filing separately only: false when the person did not live with the spouse at any time in the year (then the single ranges apply, IRC 219(g)(4))',
        ),
    })
    .describe('The person’s IRAs and the year’s IRA plans (backdoor or direct Roth IRA)');

/** A plan's answer to "do you accept roll-ins of pre-tax IRA money?"; not given: unknown. */
export const acceptsIraRollIns = z
  .boolean({ error: 'expected true or false' })
  .optional()
  .describe(
    'The plan accepts roll-ins of pre-tax IRA money (IRC 408(d)(3)(A)(ii)); not given: unknown, a question for the plan administrator',
  );

export type Iras = z.output<ReturnType<typeof irasSchema>>;
