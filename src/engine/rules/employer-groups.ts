/**
 * Which employers count as one employer for the 415(c) limit: those the user lists as one
 * controlled or affiliated service group (IRC 414(b), (c), (m), (o)), and businesses that one
 * person controls (more than 50%, directly or through the family's shares), which form a
 * controlled group under the 415(h) test (IRC 415(h); Treas. Reg. 1.415(a)-1(f), 1.414(c)-2,
 * 1.414(c)-4).
 */
import { selfEmploymentConstants as K } from '../params/self-employment.js';
import { ownershipIn, ownsMoreThan, type OwnershipJob } from './ownership.js';

export type EmployerJob = OwnershipJob;

export interface EmployerGroup {
  readonly id: string;
  readonly employers: readonly string[];
  /** Why these employers are one (empty for a single employer). */
  readonly reasons: readonly string[];
}

/**
 * True when `person` controls `employer`: more than 50% (415(h)), their own share and the
 * family's counted together.
 */
export function controls(jobs: readonly EmployerJob[], person: string, employer: string): boolean {
  return ownsMoreThan(ownershipIn(jobs, person, employer), K.controlPercent.value);
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
  // Each person against every employer: the spouse's business is the person's too by
  // attribution, though the person has no job there.
  const people = [...new Set(jobs.map((j) => j.person))];
  for (const owner of people) {
    const list = order.filter((e) => controls(jobs, owner, e));
    if (list.length < 2) continue;
    for (const e of list.slice(1)) union(list[0] ?? e, e);
    const attributed = list.some(
      (e) => !jobs.some((j) => j.person === owner && j.employer === e && controls([j], owner, e)),
    );
    note(
      list,
      `${list.join(', ')} are all controlled (more than ${String(K.controlPercent.value)}%) by ${owner}${attributed ? ", counting the shares of the spouse and family (IRC 318(a)(1); Treas. Reg. 1.414(c)-4(b)(5)-(6): a spouse's share is not attributed when the person has no interest in, and no part in running, the spouse's business)" : ''}: one employer under IRC 415(h)`,
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
  for (const g of groups.values()) g.reasons = [...new Set(g.reasons)];
  return [...groups.values()].map((g) => ({
    id: g.employers.join(' + '),
    employers: g.employers,
    reasons: g.reasons,
  }));
}
