// CLI start-up (issue 9): the whole process of `megaroth tax …` against a bare `node -e 0` on
// the same machine in the same run; target: at most 2× the bare node. Each run is measured by
// /usr/bin/time -v (wall clock, CPU, peak RSS) and by the parent's clock around the spawn.
// /usr/bin/time reports to the hundredth of a second, so its figures are averaged over the runs;
// the parent's clock (microseconds) gives medians. Runs the built CLI: `npm run build` first
// (npm run bench does). `--runs N` (default 20).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 20;
const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

const SUBJECTS = [
  { label: 'node -e 0', args: ['-e', '0'] },
  {
    label: 'node dist/cli/bin.js tax --year 2026 --status single --taxable-income 150000',
    args: [
      'dist/cli/bin.js',
      'tax',
      '--year',
      '2026',
      '--status',
      'single',
      '--taxable-income',
      '150000',
    ],
  },
];

/** "0:00.07" or "1:02:03.45" → seconds. */
function clockSeconds(text) {
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}

/** The figures of one `/usr/bin/time -v` report. */
function parseTimeV(stderr) {
  const field = (name) => {
    const line = stderr.split('\n').find((l) => l.trim().startsWith(name));
    return line ? line.slice(line.lastIndexOf(': ') + 2).trim() : undefined;
  };
  return {
    wall: clockSeconds(field('Elapsed (wall clock) time') ?? 'NaN') * 1000,
    cpu: (Number(field('User time (seconds)')) + Number(field('System time (seconds)'))) * 1000,
    rssKiB: Number(field('Maximum resident set size (kbytes)')),
  };
}

function runOnce(subject) {
  const [cmd, args] = hasTime
    ? [TIME, ['-v', process.execPath, ...subject.args]]
    : [process.execPath, subject.args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
  const spawnMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${subject.label} exited with ${String(r.status)}: ${r.stderr}`);
  }
  return { spawnMs, ...(hasTime ? parseTimeV(r.stderr) : {}) };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

if (!hasTime) console.log(`${TIME} is missing: only the parent's clock around each spawn is used`);
for (const s of SUBJECTS) runOnce(s); // warm the file cache
const samples = SUBJECTS.map(() => []);
for (let i = 0; i < RUNS; i++) {
  // alternate the order so neither subject always runs second
  const order = i % 2 ? [1, 0] : [0, 1];
  for (const k of order) samples[k].push(runOnce(SUBJECTS[k]));
}

const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const stats = samples.map((runs) => ({
  spawnMs: median(runs.map((r) => r.spawnMs)),
  wall: hasTime ? mean(runs.map((r) => r.wall)) : NaN,
  cpu: hasTime ? mean(runs.map((r) => r.cpu)) : NaN,
  rssKiB: hasTime ? Math.max(...runs.map((r) => r.rssKiB)) : NaN,
}));
console.log(`${String(RUNS)} runs each, interleaved; node ${process.version}`);
SUBJECTS.forEach((s, k) => {
  const st = stats[k];
  const timeV = hasTime
    ? `time -v mean wall ${st.wall.toFixed(1)} ms, mean user+sys ${st.cpu.toFixed(1)} ms, max RSS ${(st.rssKiB / 1024).toFixed(1)} MiB; `
    : '';
  console.log(`${s.label}\n  ${timeV}median spawn to exit ${st.spawnMs.toFixed(1)} ms`);
});
const [bare, tax] = stats;
const ratios = hasTime
  ? [
      ['mean wall (time -v)', tax.wall / bare.wall],
      ['mean user+sys (time -v)', tax.cpu / bare.cpu],
      ['median spawn to exit', tax.spawnMs / bare.spawnMs],
    ]
  : [['median spawn to exit', tax.spawnMs / bare.spawnMs]];
for (const [what, r] of ratios) {
  console.log(
    `ratio tax / node -e 0, ${what}: ${r.toFixed(2)}× (target ≤ 2×: ${r <= 2 ? 'met' : 'NOT met'})`,
  );
}
