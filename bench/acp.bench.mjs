// ACP test benchmark: a 1,000,000-employee census (generated, seed 1) parsed from a CSV file,
// tested and corrected; then the 10 × 10 what-if grid and the highest uniform after-tax rate.
// Targets (issue 5): parse + test + correction < 2 s and < 1 GiB on one core; grid < 10 s; the same
// 2 s for the ADP and ACP tests together with --adp (issue 13). Issue 16: parse + test + correction
// within 2× of a one-column byte scan of the same file (the "floor", timed first in the same run:
// the file read in the same 1 MiB chunks, each line's second field read as cents into one array;
// both multiples are printed beside it), the grid under 250 ms, 5M rows
// (`node --expose-gc bench/acp.bench.mjs 5000000`) under 2.5 s and 450 MiB.
// Run: npm run bench -- acp   (or: npm run build && node --expose-gc bench/acp.bench.mjs [N] [--unsorted])
// --unsorted shuffles the rows within each chunk of 10,000 (deterministically), so the ids are
// out of order from the start and the reader takes its duplicate-id hash path for every row
// (a census sorted by id, like the generator's, lets it skip the hash). --quoted quotes every
// field, as some payroll exports do, so every row is read by csv-parse instead of the fast path.
// --adp adds the ADP columns (deferrals, birth_date, hire_date; the same employees otherwise)
// and runs the ADP and ACP tests together (`runPlanTests`: the ADP test, its correction with
// catch-ups, then the ACP test); --excludable also tests the otherwise excludable employees apart.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCensusFile } from '../dist/cli/census-file.js';
import {
  adoptionGrid,
  evaluateAcp,
  generateCensusCsv,
  maxUniformRate,
  prepareAcpTest,
  runPlanTests,
} from '../dist/engine/acp/index.js';
import { uniformGenerator } from '../dist/engine/project/prng.js';

const args = process.argv.slice(2);
const unsorted = args.includes('--unsorted');
const quoted = args.includes('--quoted');
const adp = args.includes('--adp');
const excludable = args.includes('--excludable');
const employees = Number(args.find((a) => !a.startsWith('--')) ?? 1_000_000);
const rnd = uniformGenerator(2);
/** Fisher-Yates over the lines of one generated chunk (the header chunk is left alone). */
function shuffleChunk(chunk) {
  const lines = chunk.slice(0, -1).split('\n');
  if (lines[0].startsWith('id,')) return chunk;
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return `${lines.join('\n')}\n`;
}
/** Every field of every line in quotes. */
function quoteChunk(chunk) {
  const lines = chunk.slice(0, -1).split('\n');
  return `${lines.map((l) => `"${l.split(',').join('","')}"`).join('\n')}\n`;
}
/**
 * The floor: the file read in the same 1 MiB chunks as `readCensusFile`, every line found, and
 * its second field (compensation, plain digits with two decimals) read as cents into one array.
 */
async function byteScanFloor(path, rows) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = new Float64Array(rows + 1);
  let n = 0;
  let field = 0;
  let value = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 10) {
        out[n++] = value;
        field = 0;
        value = 0;
      } else if (c === 44) field++;
      else if (field === 1 && c !== 46) value = value * 10 + (c - 48);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  if (n !== rows + 1) throw new Error(`floor read ${n} lines`);
  return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}

const dir = mkdtempSync(join(tmpdir(), 'acp-bench-'));
const file = join(dir, 'census.csv');
try {
  const out = createWriteStream(file);
  const withDeferrals = adp ? { withDeferrals: { year: 2026 } } : {};
  for (const generated of generateCensusCsv({ employees, seed: 1, ...withDeferrals })) {
    const shuffled = unsorted ? shuffleChunk(generated) : generated;
    const chunk = quoted ? quoteChunk(shuffled) : shuffled;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  globalThis.gc?.();
  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  console.log(
    `census: ${employees} employees, ${mb(statSync(file).size)} MiB CSV${adp ? ', with deferrals, birth and hire dates' : ''}${unsorted ? ', rows out of id order' : ''}${quoted ? ', every field quoted' : ''}`,
  );

  // the floor: the least any reader of this file must do (read the bytes, find the lines, read
  // one number per line), timed twice (the first warms the file cache and the JIT), the least kept
  let floor = { wall: Infinity, cpu: Infinity };
  for (let run = 0; run < 2; run++) {
    const f = await byteScanFloor(file, employees);
    if (f.cpu < floor.cpu) floor = f;
  }
  globalThis.gc?.();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const read = await readCensusFile('/', file);
  const parseCpu = process.cpuUsage(cpu0);
  const t1 = performance.now();
  const options = {
    year: 2026,
    method: 'current',
    ...(excludable ? { excludable: 'separate' } : {}),
  };
  let prepared;
  let result;
  let tests = null;
  if (adp || excludable) {
    tests = runPlanTests(read.census, options);
    prepared = tests.groups[0].acp.prepared;
    result = tests.acp;
  } else {
    prepared = prepareAcpTest(read.census, options);
    result = evaluateAcp(prepared);
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const parseCpuMs = (parseCpu.user + parseCpu.system) / 1000;
  const totalCpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `one-column byte scan (floor): ${floor.wall.toFixed(0)} ms wall, ${floor.cpu.toFixed(0)} ms CPU; parse ${parseCpuMs.toFixed(0)} ms CPU = ${(parseCpuMs / floor.cpu).toFixed(2)}× the floor; parse + test + correction ${totalCpuMs.toFixed(0)} ms CPU = ${(totalCpuMs / floor.cpu).toFixed(2)}× the floor`,
  );
  console.log(
    `parse ${(t1 - t0).toFixed(0)} ms, test + correction ${(t2 - t1).toFixed(0)} ms, total ${(t2 - t0).toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
  );
  console.log(
    `  HCEs ${result.hceCount}, NHCEs ${result.nhceCount}, HCE ACP ${result.hceAcpBps / 100}%, NHCE ACP ${result.nhceAcpBps / 100}%, ${result.passed ? 'passes' : `fails: excess $${(result.excessAggregateContributions / 100).toFixed(2)}, ${result.refunds.length} refunds`}`,
  );
  const a = tests?.adp;
  if (a) {
    console.log(
      `  ADP: HCEs ${a.hceCount}, NHCEs ${a.nhceCount}, HCE ADP ${a.hceAdpBps / 100}%, NHCE ADP ${a.nhceAdpBps / 100}%, ${a.passed ? 'passes' : `fails: excess $${(a.excessContributions / 100).toFixed(2)} ($${(a.catchUpTotal / 100).toFixed(2)} kept as catch-ups), ${a.corrections.length} HCEs corrected`}; catch-ups by the 402(g) limit left out: $${(a.catchUps.byLimit / 100).toFixed(2)}`,
    );
  }
  if (tests?.excludable) {
    console.log(
      `  otherwise excludable: ${tests.excludable.count}, tested apart: ${tests.groups.map((g) => `${g.group} ${g.acp.result.passed ? 'passes' : 'fails'}`).join(', ')}`,
    );
  }
  console.log(`  peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)} MiB`);

  const c3 = process.cpuUsage();
  const t3 = performance.now();
  const shares = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  const rates = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
  const grid = adoptionGrid(prepared, shares, rates);
  const t4 = performance.now();
  const gridCpu = process.cpuUsage(c3);
  console.log(
    `what-if grid 10 × 10: ${(t4 - t3).toFixed(0)} ms wall, ${((gridCpu.user + gridCpu.system) / 1000).toFixed(0)} ms CPU (${grid.filter((c) => c.passed).length} cells pass)`,
  );
  const t5 = performance.now();
  const m = maxUniformRate(prepared, 100);
  console.log(
    `highest uniform after-tax rate (bisection): ${(performance.now() - t5).toFixed(0)} ms → ${m.maxRateBps === null ? 'none (fails already)' : `${m.maxRateBps / 100}%`}`,
  );
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
