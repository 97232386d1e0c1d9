/**
 * The Mega Backdoor Roth verdict for a plan: `full` when it takes after-tax contributions and
 * offers a way to Roth while employed (an in-plan Roth rollover, IRC 402A(c)(4) and Notice
 * 2013-74, or an in-service rollover of after-tax money to a Roth IRA, IRC 402(c)(2) and
 * Notice 2014-54); `roth-lite` when after-tax money can reach Roth only at separation; `none`
 * without after-tax contributions; `no-room` when the plan takes them but a limit leaves no
 * room (IRC 415(c)(1)). With the reason, what to ask the administrator, and warnings.
 */
import { afterTaxAccounting, SEPARATE_SOURCE_QUESTION } from '../distributions/accounting.js';
import type { Verdict } from '../household/report.js';
import type { Plan } from '../scenario/schema.js';

export interface VerdictInput {
  readonly plan: Plan;
  readonly afterTaxRoom: number;
  /** The limit that left no after-tax room, in words (used when the room is 0). */
  readonly noRoomBecause?: string;
  readonly likelyHce: boolean;
  readonly soloPlan: boolean;
}

const EARNINGS_TAXABLE =
  'earnings between an after-tax contribution and its conversion are taxable when converted (IRC 402A(c)(4); Notice 2014-54): convert as often as the plan allows';

/**
 * Decides the verdict for one plan: with no after-tax room, `no-room` naming the limit, and in
 * `withRoom` what the plan gives in a year with room.
 */
export function mbrVerdict(v: VerdictInput): Verdict {
  const verdict = verdictWithRoom(v);
  if (verdict.kind === 'none' || verdict.kind === 'no-room' || v.afterTaxRoom > 0) return verdict;
  return {
    kind: 'no-room',
    withRoom: verdict.kind,
    reason: `the plan takes after-tax contributions, but there is no room for them this year: ${v.noRoomBecause ?? 'deferrals and employer money use the 415(c) limit'}; in a year with room it gives ${verdict.kind === 'full' ? 'a full Mega Backdoor Roth' : 'Roth-lite (Roth only at separation)'}`,
    ask: verdict.ask,
    warnings: [],
  };
}

/** The verdict as if the plan had after-tax room. */
function verdictWithRoom(v: VerdictInput): Verdict {
  const { plan } = v;
  const warnings: string[] = [];
  const ask: string[] = [];
  if (!plan.afterTax.allowed) {
    return {
      kind: 'none',
      reason:
        'the plan does not accept after-tax (non-Roth) employee contributions, so there is nothing to move to Roth',
      ask: [
        'Does the plan allow after-tax (non-Roth) employee contributions, or could it be amended to?',
        'If so, does it allow in-plan Roth conversions or in-service withdrawals of after-tax money?',
      ],
      warnings: [],
    };
  }
  const irr = plan.inPlanConversion !== 'none';
  const inService = plan.inServiceAfterTaxWithdrawal;
  if (!v.soloPlan && v.likelyHce) {
    warnings.push(
      'you are likely a highly compensated employee: if the plan fails its ACP test (after-tax money and match are tested together, and the safe harbor does not cover after-tax money) your after-tax contributions may be refunded (IRC 401(m); Treas. Reg. 1.401(m)-2)',
    );
    ask.push(
      'Did the plan pass its ACP test last year, and were after-tax contributions of HCEs refunded?',
    );
  }
  if (!irr && !inService) {
    return {
      kind: 'roth-lite',
      reason:
        'after-tax contributions are allowed, but with no in-plan conversion and no in-service withdrawal they reach Roth only when you leave the employer: then the basis can go to a Roth IRA and the earnings to a traditional IRA (Notice 2014-54)',
      ask: [
        'Can the plan add in-plan Roth conversions of after-tax money (Notice 2013-74)?',
        'Does the plan allow in-service withdrawals of after-tax money?',
        ...ask,
      ],
      warnings: [
        'until separation, earnings on after-tax money grow as pre-tax money and will be taxed when withdrawn or converted',
        ...warnings,
      ],
    };
  }
  const how = irr
    ? plan.inPlanConversion === 'automatic'
      ? 'an automatic in-plan Roth conversion'
      : 'in-plan Roth conversions on request'
    : 'in-service withdrawals of after-tax money to a Roth IRA';
  if (plan.inPlanConversion !== 'automatic') warnings.push(EARNINGS_TAXABLE);
  else
    warnings.push(
      'automatic conversion keeps taxable earnings near zero; any earnings converted are taxable',
    );
  // How the plan accounts for after-tax money decides what moving it taxes: its own source
  // (IRC 72(d)(2)) unless the scenario says the plan pools it (IRC 72(e)(8)).
  const accounting = afterTaxAccounting(plan.separateAfterTaxAccount, 'the scenario');
  warnings.push(
    accounting.accounting === 'separate'
      ? accounting.why
      : `${accounting.why}: each ${irr ? 'conversion' : 'in-service withdrawal'} of after-tax money carries pre-tax money with it, however soon it is made${irr ? '' : ' (send that part to a traditional IRA to avoid tax)'}; the full Mega Backdoor under "What it's worth" assumes a separate source and does not count that tax`,
  );
  if (v.soloPlan)
    ask.push(
      'Does your solo 401(k) document allow after-tax contributions and in-plan Roth conversions (many prototype documents do not)?',
    );
  return {
    kind: 'full',
    reason: `after-tax contributions are allowed and reach Roth while you work through ${how} (${irr ? 'IRC 402A(c)(4); Notice 2013-74' : 'IRC 402(c)(2); Notice 2014-54'})`,
    ask: [
      ...(ask.length > 0
        ? ask
        : ['How often can after-tax money be converted, and is there a fee per conversion?']),
      ...(accounting.said ? [] : [SEPARATE_SOURCE_QUESTION]),
    ],
    warnings,
  };
}
