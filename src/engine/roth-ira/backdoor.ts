/**
 * The backdoor Roth IRA through Form 8606 (IRC 408(d)(2), 408A(d)(3); Form 8606 lines 1–18):
 * the nondeductible contribution, converted right after, is taxed pro rata over every
 * traditional, SEP, SIMPLE and rollover IRA on December 31 (line 6). The fix: before
 * December 31 roll the pre-tax IRA money — never the basis, which an employer plan cannot take
 * (IRC 408(d)(3)(A)(ii), 408(d)(3)(H)) — into an employer plan that accepts roll-ins; plans are
 * not aggregated with IRAs.
 */
import { InputError } from '../errors.js';
import { form8606, type Form8606Result } from '../form8606/form8606.js';
import type { Cents } from '../money.js';
import type { Iras } from '../scenario/iras.js';

export interface BackdoorInput {
  /** Field path of the person's `iras`, for errors. */
  readonly path: string;
  readonly iras: Iras;
  readonly conversion: Cents;
  /** The deductible part of the year's traditional contribution (not basis). */
  readonly deductible: Cents;
}

export interface Backdoor {
  readonly contribution: Cents;
  readonly conversion: Cents;
  /** Traditional, SEP, SIMPLE and rollover IRAs before the year's contribution and conversion. */
  readonly iraBalances: Cents;
  /** The pre-tax money to roll into a plan: the balances less the basis, at most what the conversion leaves. */
  readonly rollIn: Cents;
  /** As planned: the IRAs keep their money on December 31. */
  readonly asPlanned: Form8606Result;
  /** With the pre-tax IRA money rolled into a plan before December 31. */
  readonly withRollIn: Form8606Result;
  /** Taxable conversion (line 18) as planned, and after the roll-in. */
  readonly taxable: Cents;
  readonly taxableWithRollIn: Cents;
}

/** The backdoor's Form 8606, as planned and with the roll-in. */
export function backdoor(i: BackdoorInput): Backdoor {
  const { iras, conversion } = i;
  const balances = iras.traditional + iras.sep + iras.simple + iras.rollover;
  if (conversion > balances + iras.contribution) {
    throw new InputError([
      {
        path: `${i.path}.conversion`,
        message: `cannot exceed the IRA balances plus the contribution (${String((balances + iras.contribution) / 100)})`,
      },
    ]);
  }
  if (iras.basis > balances + iras.contribution) {
    throw new InputError([
      {
        path: `${i.path}.basis`,
        message: 'cannot exceed the traditional, SEP, SIMPLE and rollover IRA balances',
      },
    ]);
  }
  const left = balances + iras.contribution - conversion;
  const rollIn = Math.min(Math.max(0, balances - iras.basis), left);
  const line = (yearEndValue: Cents): Form8606Result =>
    form8606({
      nondeductibleContributions: iras.contribution - i.deductible,
      priorBasis: iras.basis,
      yearEndValue,
      distributions: 0,
      converted: conversion,
    });
  const asPlanned = line(left);
  const withRollIn = line(left - rollIn);
  return {
    contribution: iras.contribution,
    conversion,
    iraBalances: balances,
    rollIn,
    asPlanned,
    withRollIn,
    taxable: asPlanned.lines.line18,
    taxableWithRollIn: withRollIn.lines.line18,
  };
}
