// Web app benchmarks (issue 10): the engine time of one edit of the built-in example in the
// planner (validate the scenario with parseScenario, then planReport — what the page does on
// every keystroke), target < 16 ms; and the production build's initial JavaScript (the entry
// script and the modules it preloads, gzip), target < 300 KB. Imports the built engine and
// reads dist/web: run `npm run build` first (npm run bench does).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEFAULT_GROWTH_ASSUMPTIONS } from '../dist/engine/project/from-household.js';
import { planReport } from '../dist/engine/report/plan.js';
import { PHYSICIAN_EXAMPLE } from '../dist/engine/scenario/examples.js';
import { parseScenario } from '../dist/engine/scenario/validate.js';

const edits = 500;
const ms = [];
for (let i = 0; i < edits + 20; i++) {
  // An edit: the hospital wages change by a dollar each time.
  const draft = structuredClone(PHYSICIAN_EXAMPLE);
  draft.jobs[0].wages = 300000 + i;
  const t0 = performance.now();
  const report = planReport(
    parseScenario(draft, { today: '2026-06-01' }),
    DEFAULT_GROWTH_ASSUMPTIONS,
  );
  const t = performance.now() - t0;
  if (report.plans.length !== 2) throw new Error('unexpected report');
  if (i >= 20) ms.push(t); // the first 20 warm the JIT
}
ms.sort((a, b) => a - b);
const at = (q) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(2);
console.log(
  `edit -> report (built-in example): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (${edits} edits)`,
);

const web = new URL('../dist/web/', import.meta.url);
const html = readFileSync(new URL('index.html', web), 'utf8');
const initial = [
  ...html.matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"/g),
  ...html.matchAll(/<link rel="modulepreload"[^>]*href="\.\/([^"]+)"/g),
].map((m) => m[1]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
for (const f of readdirSync(new URL('assets/', web)).sort()) {
  const bytes = readFileSync(new URL(`assets/${f}`, web));
  const gz = gzipSync(bytes).length;
  const first = initial.includes(`assets/${f}`);
  if (first && f.endsWith('.js')) total += gz;
  console.log(
    `  ${f.padEnd(40)} ${kb(bytes.length).padStart(10)} ${kb(gz).padStart(10)} gzip${first ? '  (initial)' : ''}`,
  );
}
console.log(`initial JavaScript: ${kb(total)} gzip (target < 300 KB)`);
