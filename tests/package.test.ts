/**
 * The published package: builds the library into a temporary folder, packs it with `npm pack`,
 * installs the tarball into a fresh project (offline, from the npm cache) and uses it the way
 * docs/api.md shows — from Node, from TypeScript (the .d.ts types) and in a browser bundle.
 * The built-in physician's solo after-tax room is $22,674.08: the hospital 403(b)'s additions
 * ($24,500 deferred + $12,000 match) share one 415(c) limit of $72,000 (2026) with the solo
 * plan of the business the physician controls (IRC 415(c)(1)(A); Treas. Reg.
 * 1.415(f)-1(f)(2)), leaving $35,500, less the solo plan's $12,825.92 employer contribution
 * (IRS Pub 560, rate worksheet) — the figure of the physician case in
 * tests/cases/household-self-employment.yaml.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version: string }>;
};

let tmp = '';
let app = '';

function run(cmd: string, args: readonly string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The registry tarball of a dependency at the version the lockfile pins (in the npm cache). */
function tarballOf(name: string): string {
  const version = lock.packages[`node_modules/${name}`]?.version;
  if (!version) throw new Error(`${name} is not in package-lock.json`);
  return `https://registry.npmjs.org/${name}/-/${name.replace(/^@[^/]+\//, '')}-${version}.tgz`;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'megaroth-package-'));
  const stage = join(tmp, 'stage');
  // build into the stage, not dist/, so the worktree is left as it was
  run(
    process.execPath,
    [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--outDir',
      join(stage, 'dist'),
    ],
    root,
  );
  for (const f of ['package.json', 'README.md']) copyFileSync(join(root, f), join(stage, f));
  const packed = JSON.parse(
    run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], stage),
  ) as { filename: string }[];
  const tarball = join(tmp, packed[0]?.filename ?? '');
  app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  // dependencies by their tarball URL: npm takes them from its cache with no registry request
  run(
    'npm',
    [
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--no-package-lock',
      tarball,
      ...Object.keys(pkg.dependencies).map(tarballOf),
    ],
    app,
  );
}, 300_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the megaroth package', () => {
  it('plans the built-in example from Node', () => {
    writeFileSync(
      join(app, 'plan.mjs'),
      `import { planHousehold, parseScenario, PHYSICIAN_EXAMPLE, planReport, reportToJson,
  DEFAULT_GROWTH_ASSUMPTIONS, formatUsd } from 'megaroth';
const scenario = parseScenario(PHYSICIAN_EXAMPLE);
const solo = planHousehold(scenario).plans.find((p) => p.type === 'solo-401k');
const json = reportToJson(planReport(scenario, DEFAULT_GROWTH_ASSUMPTIONS));
console.log(JSON.stringify({
  cents: solo.afterTaxRoom.cents,
  text: formatUsd(solo.afterTaxRoom.cents),
  json: json.plans.find((p) => p.id === solo.id).afterTaxRoom,
  why: json.explain[solo.afterTaxRoom.key].citation.length > 0,
}));
`,
    );
    expect(JSON.parse(run(process.execPath, ['plan.mjs'], app))).toEqual({
      cents: 2_267_408,
      text: '$22,674.08',
      json: 22674.08,
      why: true,
    });
  });

  it('runs the example of docs/api.md and prints what the page shows', () => {
    const page = readFileSync(join(root, 'docs/api.md'), 'utf8');
    const example = /```js\n([\s\S]*?)```/.exec(page)?.[1];
    const shown = /api-example-output[^\n]*\n+```text\n([\s\S]*?)```/.exec(page)?.[1];
    if (example === undefined || shown === undefined)
      throw new Error('docs/api.md lost its example');
    writeFileSync(join(app, 'api-example.mjs'), example);
    expect(run(process.execPath, ['api-example.mjs'], app)).toBe(shown);
  });

  it('loads a scenario from text, with errors that name the place', () => {
    const yaml = readFileSync(join(root, 'examples/physician-moonlighting.yaml'), 'utf8');
    writeFileSync(
      join(app, 'load.mjs'),
      `import { loadScenario, InputError } from 'megaroth';
const text = ${JSON.stringify(yaml)};
const s = loadScenario(text, 'yaml', { taxYear: 2025 });
const issues = [];
for (const [t, f] of [['version: 1\\ntaxYear: [', 'yaml'], ['{"version": 1, "taxYear": 2026, "people": []', 'json'], ['{"version": 1, "taxYear": 2026, "people": [], "jobs": [], "plans": [{}]}', 'json']]) {
  try { loadScenario(t, f, { source: 'in.' + f }); } catch (e) { issues.push(e instanceof InputError ? e.issues : String(e)); }
}
console.log(JSON.stringify({ year: s.taxYear, plans: s.plans.length, issues }));
`,
    );
    const out = JSON.parse(run(process.execPath, ['load.mjs'], app)) as {
      year: number;
      plans: number;
      issues: { path: string; message: string }[][];
    };
    expect(out.year).toBe(2025);
    expect(out.plans).toBe(2);
    const [yamlError, jsonError, fieldErrors] = out.issues;
    expect(yamlError).toEqual([
      { path: 'in.yaml:2', message: expect.stringMatching(/^not valid YAML/) as string },
    ]);
    expect(jsonError).toEqual([
      { path: 'in.json:1', message: expect.stringMatching(/^not valid JSON/) as string },
    ]);
    expect(fieldErrors).toContainEqual({ path: 'plans[0].id', message: 'required' });
  });

  it('exports only the library entry (the CLI stays private)', () => {
    writeFileSync(
      join(app, 'private.mjs'),
      `try { await import('megaroth/dist/cli/main.js'); console.log('loaded'); } catch (e) { console.log(e.code); }`,
    );
    expect(run(process.execPath, ['private.mjs'], app).trim()).toBe(
      'ERR_PACKAGE_PATH_NOT_EXPORTED',
    );
  });

  it('installs the megaroth command, which reports the package version and runs', () => {
    const bin = join(app, 'node_modules/.bin/megaroth');
    expect(run(bin, ['--version'], app).trim()).toBe(pkg.version);
    const tax = run(
      bin,
      ['tax', '--year', '2026', '--status', 'single', '--taxable-income', '150000', '--json'],
      app,
    );
    // 2026 single: 10% / 12% / 22% / 24% brackets (Rev. Proc. 2025-32) → $28,598.00
    expect(JSON.parse(tax)).toMatchObject({ taxableIncome: 150000, tax: 28598 });
  });

  it('ships types a TypeScript project resolves', () => {
    writeFileSync(
      join(app, 'typed.ts'),
      `import { parseScenario, planHousehold, PHYSICIAN_EXAMPLE, type Cents, type PlanReport } from 'megaroth';
const plans: readonly PlanReport[] = planHousehold(parseScenario(PHYSICIAN_EXAMPLE)).plans;
export const room: Cents | undefined = plans[1]?.afterTaxRoom.cents;
// @ts-expect-error a Figure's cents are a number; without the types this line would compile
plans[1]?.afterTaxRoom.cents.toUpperCase();
`,
    );
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          noEmit: true,
          types: [],
          skipLibCheck: true,
        },
        files: ['typed.ts'],
      }),
    );
    // tsc exits non-zero (and execFileSync throws with its messages) on any type error
    run(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      app,
    );
  });

  it('bundles for the browser with nothing left to resolve', async () => {
    // rolldown is the bundler vite (the web app's dev dependency) is built on
    const { rolldown } = await import('rolldown');
    writeFileSync(
      join(app, 'browser.mjs'),
      `import { loadScenario, planHousehold, reportToJson } from 'megaroth';
globalThis.megaroth = { loadScenario, planHousehold, reportToJson };
`,
    );
    const warnings: string[] = [];
    const bundle = await rolldown({
      input: join(app, 'browser.mjs'),
      cwd: app,
      platform: 'browser',
      onLog: (level, log) => {
        if (level === 'warn') warnings.push(`${log.code ?? ''}: ${log.message}`);
      },
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    expect(warnings).toEqual([]);
    expect(
      output.map((o) => (o.type === 'chunk' ? [...o.imports, ...o.dynamicImports] : [])),
    ).toEqual([[]]);
  });
});
