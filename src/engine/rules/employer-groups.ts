/**
 * Which employers count as one employer for the 415(c) limit: those the user lists as one
 * controlled or affiliated service group (IRC 414(b), (c), (m), (o)), and businesses that one
 * person controls (more than 50%), which form a controlled group under the 415(h) test
 * (IRC 415(h); Treas. Reg. 1.415(a)-1(f)).
 */
import { compareRates, percentRate, type Rate } from '../money.js';
import { selfEmploymentConstants as K } from '../params/self-employment.js';

export interface EmployerJob {
  readonly employer: string;
  readonly person: string;
  readonly type: 'w2' | 'schedule-c' | 's-corp';
  /** Share of the business owned (an exact rate; schedule-c and s-corp default all of it). */
  readonly ownershipPercent?: Rate | undefined;
}

export interface EmployerGroup {
  readonly id: string;
  readonly employers: readonly string[];
  /** Why these employers are one (empty for a single employer). */
  readonly reasons: readonly string[];
}

/** The share of its business a person owns through a job (schedule-c and s-corp default 100%). */
function ownershipOf(job: EmployerJob): Rate {
  if (job.type === 'w2') return { num: 0, den: 1 };
  return job.ownershipPercent ?? { num: 1, den: 1 };
}

/** True when the person controls the business of this job (more than 50%, 415(h)). */
export function controls(job: EmployerJob): boolean {
  return compareRates(ownershipOf(job), percentRate(K.controlPercent.value)) > 0;
}

/** Groups employers; every employer appears in exactly one group, groups in first-seen order. */
export function employerGroups(
  jobs: readonly EmployerJob[],
  declared: readonly (readonly string[])[],
): EmployerGroup[] {
  const parent = new Map<string, string>();
  const find = (e: string): string => {
    let r = e;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    return r;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const order: string[] = [];
  for (const j of jobs) {
    if (!parent.has(j.employer)) {
      parent.set(j.employer, j.employer);
      order.push(j.employer);
    }
  }
  const reasons = new Map<string, string[]>();
  const note = (employersInvolved: readonly string[], reason: string): void => {
    const root = find(employersInvolved[0] ?? '');
    reasons.set(root, [...(reasons.get(root) ?? []), reason]);
  };
  for (const g of declared) {
    const known = g.filter((e) => parent.has(e));
    for (const e of known.slice(1)) union(known[0] ?? e, e);
    if (known.length > 1)
      note(known, `declared one controlled group: ${known.join(', ')} (IRC 414(b), (c), (m))`);
  }
  const byOwner = new Map<string, string[]>();
  for (const j of jobs) {
    if (controls(j))
      byOwner.set(j.person, [...new Set([...(byOwner.get(j.person) ?? []), j.employer])]);
  }
  for (const [owner, list] of byOwner) {
    if (list.length < 2) continue;
    for (const e of list.slice(1)) union(list[0] ?? e, e);
    note(
      list,
      `${list.join(', ')} are all controlled (more than ${String(K.controlPercent.value)}%) by ${owner}: one employer under IRC 415(h)`,
    );
  }
  // merge reasons onto final roots
  const groups = new Map<string, { employers: string[]; reasons: string[] }>();
  for (const e of order) {
    const r = find(e);
    const g = groups.get(r) ?? { employers: [], reasons: [] };
    g.employers.push(e);
    groups.set(r, g);
  }
  for (const [root, rs] of reasons) groups.get(find(root))?.reasons.push(...rs);
  return [...groups.values()].map((g) => ({
    id: g.employers.join(' + '),
    employers: g.employers,
    reasons: g.reasons,
  }));
}
