// The ACP test after the parse: the test and its correction (`prepareAcpTest` + `evaluateAcp`),
// the 10 × 10 what-if grid, the whole `acp` report with the what-ifs (`acpReport`) and its JSON
// (`reportToJson` + `JSON.stringify`), in CPU time, on a census parsed once. Targets (issue 16):
// the test + correction about 100 ms for 1M employees, the grid under 250 ms.
// Run: npm run bench -- acp-test
//   or: npm run build && taskset -c 0 node --expose-gc bench/acp-test.bench.mjs [options]
// --file PATH   a census CSV to read (default: 1,000,000 employees generated, seed 1)
// --employees N the generated census's size
// --before DIR  a second build's dist/ (e.g. main's) timed alternately with this one, each on
//               its own parse of the same file, and every figure compared
// --rounds R    rounds of each build (default 5); the first round includes compiling
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const rounds = Number(opt('--rounds') ?? 5);
const employees = Number(opt('--employees') ?? 1_000_000);
const here = new URL('../dist/', import.meta.url);
const builds = [{ name: 'this', url: here }];
const before = opt('--before');
if (before !== undefined) {
  builds.push({ name: 'before', url: pathToFileURL(`${resolve(before)}/`) });
}

const cpuMs = (c) => (c.user + c.system) / 1000;
/** CPU time of `fn()` (ms) and its value. */
function timed(fn) {
  globalThis.gc?.();
  const c = process.cpuUsage();
  const value = fn();
  return { ms: cpuMs(process.cpuUsage(c)), value };
}

let dir = null;
let file = opt('--file');
try {
  if (file === undefined) {
    const { generateCensusCsv } = await import(new URL('engine/acp/index.js', here).href);
    dir = mkdtempSync(join(tmpdir(), 'acp-test-bench-'));
    file = join(dir, 'census.csv');
    const out = createWriteStream(file);
    for (const chunk of generateCensusCsv({ employees, seed: 1 })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
  for (const b of builds) {
    const mod = (p) => import(new URL(p, b.url).href);
    b.acp = await mod('engine/acp/index.js');
    b.report = await mod('engine/report/acp.js');
    b.json = await mod('engine/report/to-json.js');
    const { readCensusFile } = await mod('cli/census-file.js');
    b.read = await readCensusFile('/', file);
  }
  console.log(`census ${file}: ${builds[0].read.census.size} employees`);
  const options = { year: 2026, method: 'current' };
  const whatif = {
    sharesPercent: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    ratesBps: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
    matchBoostPercent: 50,
  };
  const rows = [];
  for (let round = 0; round < rounds; round++) {
    for (const b of round % 2 === 0 ? builds : [...builds].reverse()) {
      const census = b.read.census;
      const prep = timed(() => b.acp.prepareAcpTest(census, options));
      const evaluated = timed(() => b.acp.evaluateAcp(prep.value));
      const grid = timed(() =>
        b.acp.adoptionGrid(prep.value, whatif.sharesPercent, whatif.ratesBps),
      );
      const report = timed(() =>
        b.report.acpReport({
          census,
          options,
          reading: { rowsRead: census.size, skippedRows: 0, problems: [], problemCount: 0 },
          whatif,
        }),
      );
      const json = timed(() => JSON.stringify(b.json.reportToJson(report.value), null, 2));
      b.last = json.value;
      rows.push({
        build: b.name,
        round: round + 1,
        'prepare ms': prep.ms.toFixed(0),
        'evaluate ms': evaluated.ms.toFixed(0),
        'test + correction ms': (prep.ms + evaluated.ms).toFixed(0),
        'grid ms': grid.ms.toFixed(0),
        'report with what-ifs ms': report.ms.toFixed(0),
        'JSON ms': json.ms.toFixed(0),
      });
      console.log(Object.values(rows.at(-1)).join('\t'));
    }
  }
  console.table(rows);
  if (builds.length === 2) {
    console.log(
      builds[0].last === builds[1].last
        ? 'the two builds’ JSON reports are identical'
        : 'THE TWO BUILDS’ JSON REPORTS DIFFER',
    );
  }
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
} finally {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
}
