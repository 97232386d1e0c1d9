/**
 * The situations a person can start from: the scenario files in examples/, read at build time,
 * each with one sentence in plain words. A new example file appears here with its own name.
 */
import type { Draft } from './state/draft.js';
import { parseDataText } from '../../src/engine/data-text.js';

const FILES = import.meta.glob<string>('../../examples/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** One sentence per example, in the order they are shown. */
const SENTENCES: readonly (readonly [string, string, string])[] = [
  [
    'physician-moonlighting',
    'Physician: hospital 403(b) and moonlighting',
    'A hospital physician with a 403(b) and 1099 moonlighting income with a solo 401(k) that takes after-tax money.',
  ],
  [
    'physician-hospital-401k',
    'Physician: hospital 401(k) and moonlighting',
    'The same physician, but the hospital offers a 401(k), so the solo 401(k) keeps its own limit.',
  ],
  [
    's-corp-owner',
    'S-corp owner',
    'An owner who pays themself W-2 wages from their S corporation and has a solo 401(k).',
  ],
  [
    'large-employer-full-mbr',
    'Large employer with a full Mega Backdoor',
    'An employee whose 401(k) takes after-tax money and converts it to Roth automatically.',
  ],
  [
    'job-change',
    'Changed jobs this year',
    'Two employers in one year: one deferral limit shared, a separate 415(c) limit at each.',
  ],
  [
    'married-couple',
    'Married couple, two employers',
    'Spouses who each have a job and a 401(k), filing jointly.',
  ],
  [
    'roth-lite',
    'After-tax money, no way to Roth yet',
    'A plan that takes after-tax money but only lets it reach Roth when you leave the job.',
  ],
  [
    'cash-balance',
    'Owner with a cash balance plan',
    'An S-corp owner with a solo 401(k) and a cash balance plan beside it.',
  ],
  [
    'backdoor-rollover-ira',
    'Backdoor Roth IRA with a rollover IRA',
    'A physician planning a backdoor Roth IRA while a rollover IRA makes most of the conversion taxable, fixed by rolling it into the 401(k) first.',
  ],
  [
    'spouse-on-payroll',
    'Spouse on the payroll',
    'A sole proprietor whose spouse works in the business, both covered by the solo 401(k).',
  ],
];

export interface Situation {
  readonly key: string;
  readonly title: string;
  readonly sentence: string;
  readonly draft: Draft;
}

function stem(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.yaml$/, '');
}

/** Every valid example file as a situation (examples/invalid.yaml is left out). */
export const SITUATIONS: readonly Situation[] = (() => {
  const byStem = new Map(Object.entries(FILES).map(([p, text]) => [stem(p), text]));
  byStem.delete('invalid');
  const out: Situation[] = [];
  const add = (key: string, title: string, sentence: string): void => {
    const text = byStem.get(key);
    if (text === undefined) return;
    byStem.delete(key);
    out.push({ key, title, sentence, draft: parseDataText(text, 'yaml', `${key}.yaml`) as Draft });
  };
  for (const [key, title, sentence] of SENTENCES) add(key, title, sentence);
  for (const key of [...byStem.keys()].sort()) {
    const draft = parseDataText(byStem.get(key) ?? '', 'yaml', `${key}.yaml`) as Draft;
    const name = typeof draft['name'] === 'string' ? draft['name'] : key;
    add(key, name, `${name}.`);
  }
  return out;
})();

/** An empty scenario: one person (whose birth date the user gives), no jobs or plans yet. */
export function emptyDraft(taxYear: number): Draft {
  return {
    version: 1,
    name: 'My scenario',
    taxYear,
    filingStatus: 'single',
    people: [{ id: 'me', name: 'Me' }],
    jobs: [],
    plans: [],
  };
}
