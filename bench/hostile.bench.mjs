// Hostile input (issue 11): the built CLI on the worst files within and past the input limits,
// each run under /usr/bin/time -v (wall clock, user + system CPU, peak RSS) — the refusals must
// stay within a few seconds and a few hundred MiB. Runs `node dist/cli/bin.js`: `npm run build`
// first (npm run bench does). Writes its files to a temporary directory and removes them.
// `--bin PATH` runs another build on the same files; `--timeout S` stops a run after S seconds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--bin PATH` runs another build (the one before a change) on the same files
const binAt = process.argv.indexOf('--bin');
const bin = binAt > 0 ? process.argv[binAt + 1] : join(root, 'dist/cli/bin.js');
// `--timeout S` stops a run after S seconds (default 120)
const timeoutAt = process.argv.indexOf('--timeout');
const timeoutMs = 1000 * (timeoutAt > 0 ? Number(process.argv[timeoutAt + 1]) : 120);
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.log('needs /usr/bin/time (GNU time) for the peak RSS');
  process.exit(0);
}
const MiB = 1_048_576;
const dir = mkdtempSync(join(tmpdir(), 'megaroth-hostile-bench-'));

const keys = (n, sep) => Array.from({ length: n }, (_, i) => `k${String(i)}: 1`).join(sep);
const day = (i) =>
  new Date(Date.UTC(2000, 0, 2) + Math.floor(i / 4) * 86_400_000).toISOString().slice(0, 10);
function fill(head, row, limit) {
  const parts = [head];
  let size = head.length;
  for (let i = 0; ; i++) {
    const r = row(i);
    if (size + r.length > limit) return parts.join('');
    parts.push(r);
    size += r.length;
  }
}

/** [file, how it is made, command] — each just within the limits unless its name says past. */
const FILES = [
  ['brackets.yaml', () => `${'['.repeat((MiB - 10) / 2)}${']'.repeat((MiB - 10) / 2)}`, 'plan'],
  ['list-150k.yaml', () => `[${'1,'.repeat(149_998)}1]`, 'plan'],
  ['list-past-150k.yaml', () => `[${'1,'.repeat(524_000)}1]`, 'plan'],
  ['keys-75k.yaml', () => `${keys(74_999, '\n')}\n`, 'plan'],
  ['flow-keys-75k.yaml', () => `{${keys(74_999, ', ')}}\n`, 'plan'],
  ['quoted.yaml', () => `a: ${'"a\\u0041\\n" '.repeat((MiB - 20) / 12)}\n`, 'plan'],
  ['one-line.yaml', () => `a: ${'x'.repeat(MiB - 10)}\n`, 'plan'],
  [
    'aliases.yaml',
    () =>
      `a: &a [1]\n${Array.from({ length: 10_000 }, (_, i) => `k${String(i)}: *a`).join('\n')}\n`,
    'plan',
  ],
  ['past-1MiB.yaml', () => `# ${'x'.repeat(20 * MiB)}\n`, 'plan'],
  [
    'ledger-1MiB.yaml',
    () =>
      fill(
        "plan:\n  opened: '2000-01-01'\n  funds:\n    A: 100.00\ntransactions:\n",
        (i) =>
          `  - { date: '${day(i)}', type: contribution, source: aftertax, fund: A, amount: 100.25 }\n`,
        MiB,
      ),
    'ledger',
  ],
  [
    'ledger-1MiB.csv',
    () =>
      fill(
        'date,type,source,fund,amount,price,to\n2000-01-01,open,,,,,\n,fund,,A,,100,\n',
        (i) => `${day(i)},contribution,aftertax,A,100.25,,\n`,
        MiB,
      ),
    'ledger',
  ],
];

function timeV(stderr) {
  const get = (label) => {
    const m = new RegExp(`${label}: (.+)`).exec(stderr);
    return m ? m[1].trim() : '';
  };
  const wall = get('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)')
    .split(':')
    .reduce((a, p) => a * 60 + Number(p), 0);
  return {
    wall,
    cpu: Number(get('User time \\(seconds\\)')) + Number(get('System time \\(seconds\\)')),
    rssMiB: Number(get('Maximum resident set size \\(kbytes\\)')) / 1024,
  };
}

function run(label, args, input) {
  const r = spawnSync(TIME, ['-v', process.execPath, bin, ...args], {
    cwd: dir,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * MiB,
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const t = timeV(r.stderr);
  const said =
    r.status === null
      ? `stopped after ${String(timeoutMs / 1000)} s`
      : (r.stderr.split('\n').find((l) => l.startsWith('  ') || l.startsWith('internal')) ?? '')
          .trim()
          .slice(0, 70);
  console.log(
    `| ${label.padEnd(34)} | ${String(r.status).padStart(4)} | ${t.wall.toFixed(2).padStart(6)} s | ${t.cpu.toFixed(2).padStart(6)} s | ${t.rssMiB.toFixed(0).padStart(5)} MiB | ${said}`,
  );
}

try {
  console.log(
    '| Input                              | Exit |   Wall   |   CPU    | Peak RSS  | First problem',
  );
  console.log(
    '| ---------------------------------- | ---- | -------- | -------- | --------- | -------------',
  );
  for (const [name, make, command] of FILES) {
    writeFileSync(join(dir, name), make());
    run(`${command} ${name}`, [command, name]);
  }
  run('plan - (50 MiB of zeros on stdin)', ['plan', '-'], Buffer.alloc(50 * MiB));
  if (existsSync('/dev/zero')) run('plan /dev/zero', ['plan', '/dev/zero']);
  if (existsSync('/dev/urandom')) run('plan /dev/urandom', ['plan', '/dev/urandom']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
