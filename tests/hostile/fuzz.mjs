// The longer run of the hostile-input suite: `npm run fuzz -- --runs N [--seed S]` runs the
// generated-input properties of tests/hostile (files.test.ts, flags.test.ts) on N inputs in all,
// spread over the properties as `DEFAULT_RUNS` spreads the 10,000 of `npm test`, with seed S
// (default: a new one, printed, so a failure can be run again with it). fast-check prints the
// counterexample and its seed on a failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const value = (flag) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(value('--runs') ?? 100_000);
const seed = Number(value('--seed') ?? Math.floor(Math.random() * 2 ** 31));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('usage: npm run fuzz -- --runs N [--seed S]  (N ≥ 1 inputs in all, S ≥ 0)');
  process.exit(2);
}
console.log(`fuzz: ${String(runs)} inputs, seed ${String(seed)}`);
const root = fileURLToPath(new URL('../..', import.meta.url));
const r = spawnSync(
  'npx',
  ['vitest', 'run', 'tests/hostile/files.test.ts', 'tests/hostile/flags.test.ts'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, MEGAROTH_FUZZ_RUNS: String(runs), MEGAROTH_FUZZ_SEED: String(seed) },
  },
);
if (r.status !== 0)
  console.error(`fuzz: failed; run again with --runs ${String(runs)} --seed ${String(seed)}`);
process.exit(r.status ?? 1);
