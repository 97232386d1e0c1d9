// Growth benchmarks: Monte Carlo of the four strategies, 10,000 paths × 40 years, target
// < 50 ms on one core, and memory that does not grow with the paths (10,000 to 1,000,000);
// the optimizer for a two-person household with four plans, target < 50 ms. Each figure is wall clock and the process's CPU time (user +
// system, the steadier figure on a shared machine). Imports the built engine: run
// `npm run build` first (npm run bench does).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  optimizeSplit,
  optimizerFromFile,
  physicianProjection,
  simulateStrategies,
} from '../dist/engine/project/index.js';
import { simulateInBlocks, TUNING } from '../dist/engine/project/montecarlo.js';
import { compareReport } from '../dist/engine/report/compare.js';

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function time(label, runs, fn) {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT)
  const ms = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const med = ms[Math.floor(ms.length / 2)];
  console.log(
    `${label}: median ${med.toFixed(1)} ms, min ${ms[0].toFixed(1)} ms, max ${ms[ms.length - 1].toFixed(1)} ms; ` +
      `CPU median ${cpu[Math.floor(cpu.length / 2)].toFixed(1)} ms, min ${cpu[0].toFixed(1)} ms (${runs} runs)`,
  );
  return med;
}

const example = physicianProjection();
const base = example.values;
time('Monte Carlo 10,000 paths x 40 years (25 saving + 15 withdrawing) x 4 strategies', 15, () =>
  simulateStrategies({ ...base, years: 25, withdrawalYears: 15 }, { paths: 10_000, seed: 1 }),
);
time('Monte Carlo 10,000 paths x 40 years (all saving) x 4 strategies', 15, () =>
  simulateStrategies({ ...base, years: 40, withdrawalYears: 0 }, { paths: 10_000, seed: 1 }),
);
time('Monte Carlo 10,000 paths x 50 years (built-in example: 25 + 25) x 4 strategies', 15, () =>
  simulateStrategies(base, { paths: 10_000, seed: 1 }),
);

time(
  'compare report (built-in example: projection, 10,000 paths x 50 years, every Figure)',
  15,
  () => compareReport(example, { paths: 10_000, seed: 1 }),
);

// Memory and CPU time against the paths, the built-in example's 50 years: as shipped (one pass
// up to a block of paths, passes over regenerated blocks above) and in one pass over all the
// paths (the block as large as the paths), at 10,000, 100,000 and 1,000,000 paths (above the
// CLI's maximum: `simulateInBlocks` has no limit). Memory: the most heap and array-buffer memory
// above the start that is live (after gc(), run with --expose-gc) at 20 points of the run, each
// twentieth of the progress; CPU time in a second run without the gc() calls.
for (const paths of [10_000, 100_000, 1_000_000]) {
  for (const [how, tuning] of [
    ['as shipped', TUNING],
    ['one pass  ', { ...TUNING, block: paths }],
  ]) {
    globalThis.gc?.();
    const before = process.memoryUsage();
    let peak = 0;
    let next = 0;
    const measure = (done) => {
      if (done < next) return;
      next = Math.floor(done * 20 + 1) / 20;
      globalThis.gc?.();
      const m = process.memoryUsage();
      peak = Math.max(peak, m.heapUsed + m.arrayBuffers - before.heapUsed - before.arrayBuffers);
    };
    simulateInBlocks(base, { paths, seed: 1, onProgress: measure }, tuning);
    const c0 = cpuMs();
    simulateInBlocks(base, { paths, seed: 1 }, tuning);
    const cpu = cpuMs() - c0;
    console.log(
      `Monte Carlo ${paths.toLocaleString('en-US').padStart(9)} paths x 50 years, ${how}: CPU ${cpu.toFixed(0)} ms, at most ${(peak / 2 ** 20).toFixed(1)} MiB more heap and array buffers live${globalThis.gc ? '' : ' (run with --expose-gc: garbage included)'}`,
    );
  }
}

const file = new URL('../tests/growth/optimize-couple.yaml', import.meta.url);
const couple = optimizerFromFile(parse(readFileSync(file, 'utf8')), 'optimize-couple.yaml').values;
time('Optimizer, two people and four plans (split, value of each choice, flip rates)', 30, () =>
  optimizeSplit(couple),
);
