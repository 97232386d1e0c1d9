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

// ACP census in the Web Worker (issue 16), with `--acp`: Debian's Chromium (playwright-core,
// headless) runs the built ACP worker (dist/web/assets/acp.worker-*.js) on a generated census of
// 1,000,000 employees (seed 1) given as a File, as the page does; the worker's "testing"
// message ends the parse, "done" the test, correction and report. The same file is read and
// tested in Node in the same run (readCensusFile, acpReport): target within 1.5× of Node.
if (process.argv.includes('--acp')) await acpInWorker();

async function acpInWorker() {
  const { createWriteStream, mkdtempSync, rmSync } = await import('node:fs');
  const { once } = await import('node:events');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { chromium } = await import('playwright-core');
  const { startStaticServer } = await import('../dist/cli/commands/serve.js');
  const { readCensusFile } = await import('../dist/cli/census-file.js');
  const { generateCensusCsv } = await import('../dist/engine/acp/index.js');
  const { acpReport } = await import('../dist/engine/report/acp.js');
  const employees = 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'acp-web-bench-'));
  const file = join(dir, 'census.csv');
  const server = await startStaticServer({
    root: new URL('../dist/web/', import.meta.url).pathname,
    port: 0,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    const out = createWriteStream(file);
    for (const chunk of generateCensusCsv({ employees, seed: 1 })) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const worker = readdirSync(new URL('assets/', web)).find((f) => /^acp\.worker-.*\.js$/.test(f));
    const page = await browser.newPage();
    await page.route('**/bench-census.csv', (route) => route.fulfill({ path: file }));
    await page.goto(server.url);
    const runs = 3;
    for (let run = 0; run < runs; run++) {
      const w = await page.evaluate(async (src) => {
        const blob = await (await fetch('./bench-census.csv')).blob();
        const census = new File([blob], 'census.csv', { type: 'text/csv' });
        return await new Promise((resolve, reject) => {
          const wk = new globalThis.Worker(src, { type: 'module' });
          const t0 = performance.now();
          let parsed = 0;
          wk.onmessage = (e) => {
            const m = e.data;
            if (m.type === 'progress' && m.stage === 'testing' && parsed === 0) {
              parsed = performance.now();
            } else if (m.type === 'done') {
              const t = performance.now();
              wk.terminate();
              resolve({ parse: parsed - t0, test: t - parsed, refunds: m.refundCount });
            } else if (m.type === 'error') reject(new Error(JSON.stringify(m.issues)));
          };
          wk.postMessage({
            source: { kind: 'file', file: census },
            year: 2026,
            safeHarbor: false,
            skipBadRows: false,
          });
        });
      }, `./assets/${worker}`);
      globalThis.gc?.();
      const t0 = performance.now();
      const read = await readCensusFile('/', file);
      const t1 = performance.now();
      const report = acpReport({
        census: read.census,
        options: { year: 2026, method: 'current' },
        reading: {
          rowsRead: read.rowsRead,
          skippedRows: read.badRows,
          problems: read.issues,
          problemCount: read.issueCount,
        },
      });
      const t2 = performance.now();
      if (report.refunds.length !== w.refunds) throw new Error('the worker and Node differ');
      const node = { parse: t1 - t0, test: t2 - t1 };
      const f = (x) => `${x.toFixed(0)} ms`;
      console.log(
        `ACP 1M in the worker: parse ${f(w.parse)}, test + report ${f(w.test)}, total ${f(w.parse + w.test)}; Node: parse ${f(node.parse)}, test + report ${f(node.test)}, total ${f(node.parse + node.test)}; worker ÷ Node ${((w.parse + w.test) / (node.parse + node.test)).toFixed(2)}× (${w.refunds} refunds)`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Monte Carlo in a Web Worker (issue 16): the growth benchmark's simulation (10,000 paths x 40
// years x 4 strategies, seed 1) timed inside a module worker in Chromium (Debian's, through
// playwright-core, as the browser tests use) and in this Node process, alternately, with the
// same figures checked; target: the worker within 1.5x of Node. The worker imports the built
// engine (dist/engine) from a small server of this benchmark's own.
await monteCarloInWorker();

async function monteCarloInWorker() {
  const { existsSync } = await import('node:fs');
  const { createServer } = await import('node:http');
  const { simulateStrategies } = await import('../dist/engine/project/montecarlo.js');
  const { physicianProjection } = await import('../dist/engine/project/examples.js');
  const chromiumPath = '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) {
    console.log(`Monte Carlo in a Web Worker: skipped (${chromiumPath} is missing)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const inputs = { ...physicianProjection().values, years: 25, withdrawalYears: 15 };
  const options = { paths: 10_000, seed: 1 };
  const runs = 15;
  const dist = new URL('../dist/', import.meta.url);
  const workerJs = `import { simulateStrategies } from '/engine/project/montecarlo.js';
onmessage = (e) => {
  const { inputs, options, runs } = e.data;
  for (let i = 0; i < 3; i++) simulateStrategies(inputs, options); // warm-up (JIT)
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = simulateStrategies(inputs, options);
    ms.push(performance.now() - t0);
  }
  postMessage({ ms, result });
};`;
  const page = `<!doctype html><title>Monte Carlo worker</title><script type="module">
globalThis.runWorker = (message) => new Promise((ok, fail) => {
  const w = new Worker('/mc-worker.js', { type: 'module' });
  w.onmessage = (e) => { w.terminate(); ok(e.data); };
  w.onerror = (e) => { w.terminate(); fail(new Error(e.message)); };
  w.postMessage(message);
});
</script>`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (path === '/') return send('text/html', page);
    if (path === '/mc-worker.js') return send('text/javascript', workerJs);
    if (/^\/engine\/[\w/.-]+\.js$/.test(path) && !path.includes('..')) {
      const file = new URL(`.${path}`, dist);
      if (existsSync(file)) return send('text/javascript', readFileSync(file));
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  try {
    const tab = await browser.newPage();
    await tab.goto(`http://127.0.0.1:${String(port)}/`);
    const median = (ms) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)];
    const inNode = () => {
      for (let i = 0; i < 3; i++) simulateStrategies(inputs, options);
      const ms = [];
      let result;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        result = simulateStrategies(inputs, options);
        ms.push(performance.now() - t0);
      }
      return { ms, result };
    };
    for (let round = 1; round <= 3; round++) {
      const node = inNode();
      const worker = await tab.evaluate((m) => globalThis.runWorker(m), { inputs, options, runs });
      if (JSON.stringify(worker.result) !== JSON.stringify(node.result)) {
        throw new Error('the worker’s figures differ from Node’s');
      }
      const n = median(node.ms);
      const w = median(worker.ms);
      console.log(
        `Monte Carlo 10,000 x 40 x 4, round ${String(round)}: Node median ${n.toFixed(1)} ms, ` +
          `Web Worker (Chromium) median ${w.toFixed(1)} ms, ratio ${(w / n).toFixed(2)} (same figures; target < 1.5)`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }
}
