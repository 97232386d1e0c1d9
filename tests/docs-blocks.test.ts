/**
 * Docs that run: every fenced block of README.md and docs/*.md is run or listed below with the
 * reason it cannot be. Input files (```yaml, ```json) load through the command that reads them;
 * every megaroth command runs from the repository root against the built CLI
 * (dist/cli/bin.js, NO_COLOR=1), ends with the exit code documented and prints the output shown
 * under it. The convention is in CONTRIBUTING.md ("Docs that run"); a failure names the file,
 * the line and the difference. Also: the docs name no issue numbers and no file outside the
 * repository.
 */
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Block,
  type Command,
  type Edit,
  applyEdits,
  blockData,
  blockFile,
  blockKind,
  bodyLine,
  cliArgs,
  commandsOf,
  compareOutput,
  docFiles,
  expectedExit,
  extractBlocks,
  isElision,
  formatDiff,
  inputCommand,
  matches,
  normalizeLines,
  readDoc,
  runBuilt,
} from './helpers/doc-blocks.js';

const ROOT = process.cwd();

/**
 * `DOCS_UPDATE=1`: a command whose whole output is shown (no `...` line) and differs is
 * rewritten in place with the output printed, after the run; review the change with git diff.
 */
const UPDATE = process.env.DOCS_UPDATE === '1';
const EDITS: Edit[] = [];
afterAll(() => {
  if (UPDATE) applyEdits(ROOT, EDITS);
});

/**
 * What is not run, and why: `what` is a command as written (without `$ ` and its comment) or
 * the first line of a block that is not a command or an input file.
 */
const NOT_RUN: readonly { file: string; what: string; reason: string }[] = [
  {
    file: 'README.md',
    what: 'npm install && npm start',
    reason: 'installs packages, then serves the web app until stopped',
  },
  { file: 'README.md', what: 'npm test', reason: 'the test suite itself' },
  {
    file: 'README.md',
    what: 'npm run check',
    reason: 'typecheck, lint and format check of the whole tree: run by CI, minutes long',
  },
  {
    file: 'README.md',
    what: 'npm run build:web',
    reason: 'rebuilds dist/web, which the browser tests read while this test runs',
  },
  { file: 'README.md', what: 'npm run bench', reason: 'benchmarks: minutes, timing-dependent' },
  {
    file: 'README.md',
    what: '.ci/run',
    reason: 'a clean checkout, install and the whole suite: what CI runs',
  },
  {
    file: 'README.md',
    what: 'npx megaroth paychecks --csv > schedule.csv',
    reason: 'redirects to a file (no shell here): tests/paychecks.test.ts checks the CSV',
  },
  {
    file: 'README.md',
    what: 'npx megaroth paychecks --ics > steps.ics',
    reason: 'redirects to a file (no shell here): tests/paychecks.test.ts checks the iCalendar',
  },
  {
    file: 'docs/api.md',
    what: "import { loadScenario, planHousehold, formatUsd, InputError } from 'megaroth';",
    reason: 'tests/package.test.ts runs it from the packed package and compares the output below',
  },
  {
    file: 'docs/api.md',
    what: 'bigco-401k: after-tax room $41,500.00',
    reason: 'the output of the example above, compared by tests/package.test.ts',
  },
  {
    file: 'docs/growth.md',
    what: 'interface OptimizerInput {',
    reason: 'a TypeScript outline of the optimizer input, not a program',
  },
  {
    file: 'docs/moving-money.md',
    what: 'megaroth rollover --balance N --after-tax-basis N --amount N',
    reason: 'a synopsis: N stands for an amount, brackets for options',
  },
  {
    file: 'docs/moving-money.md',
    what: 'megaroth form8606 --basis N --contribution N --converted N --year-end-balance N',
    reason: 'a synopsis: N stands for an amount, brackets for options',
  },
  {
    file: 'docs/scenario.md',
    what: '{',
    reason: 'an outline of the keys of `plan --json`, not output (json.md has the tables)',
  },
  {
    file: 'docs/self-employment.md',
    what: 'npm run build',
    reason: 'rebuilds dist/, which this test runs; `npm test` builds before the tests',
  },
  {
    file: 'docs/self-employment.md',
    what: '// src/engine/self-employment/',
    reason: 'an outline of the modules, not a program',
  },
];

function notRun(file: string, what: string): string | undefined {
  return NOT_RUN.find((n) => n.file === file && n.what === what)?.reason;
}

/** What the test does with each block, worked out once. */
interface Plan {
  readonly inputs: { block: Block; command: string }[];
  readonly commands: { command: Command; args: string[]; output?: Block }[];
  /** Blocks or commands that neither run nor are listed in NOT_RUN. */
  readonly problems: string[];
  /** NOT_RUN entries that matched something (to find stale ones). */
  readonly used: Set<string>;
  blocks: number;
}

function firstLine(block: Block): string {
  return block.body.find((l) => l.trim() !== '')?.trim() ?? '';
}

/** Only blank lines and HTML comments between two blocks. */
function adjacent(block: Block): boolean {
  return block.before.every((l) => l.trim() === '' || /^<!--.*-->$/.test(l.trim()));
}

function planDocs(): Plan {
  const plan: Plan = { inputs: [], commands: [], problems: [], used: new Set(), blocks: 0 };
  const listed = (file: string, what: string): boolean => {
    if (notRun(file, what) === undefined) return false;
    plan.used.add(`${file}\n${what}`);
    return true;
  };
  for (const file of docFiles(ROOT)) {
    let previous: { block: Block; commands: Command[] } | undefined;
    for (const block of extractBlocks(file, readDoc(ROOT, file))) {
      plan.blocks++;
      const kind = blockKind(block);
      const where = `${file}:${block.line}`;
      if (listed(file, firstLine(block))) {
        previous = undefined;
        continue;
      }
      if (kind === 'input') {
        let data: unknown;
        try {
          data = blockData(block);
        } catch (e) {
          plan.problems.push(`${where}: the block does not parse: ${String(e)}`);
          previous = undefined;
          continue;
        }
        const command = inputCommand(data);
        if (command === undefined) {
          plan.problems.push(
            `${where}: a \`\`\`${block.info} block that is no input file megaroth reads (a scenario, ledger, clocks history or growth inputs): write the whole file, or list it in NOT_RUN with the reason`,
          );
        } else plan.inputs.push({ block, command });
        previous = undefined;
        continue;
      }
      if (kind === 'other') {
        const cmds = previous?.commands ?? [];
        const only = cmds.length === 1 ? cmds[0] : undefined;
        const target = only && plan.commands.find((c) => c.command === only);
        if (adjacent(block) && target !== undefined && target.output === undefined) {
          target.output = block;
        } else {
          plan.problems.push(
            `${where}: a block that is neither an input file nor commands (first line "${firstLine(block)}"): list it in NOT_RUN with the reason`,
          );
        }
        previous = undefined;
        continue;
      }
      const commands = commandsOf(block);
      for (const command of commands) {
        if (listed(file, command.text)) continue;
        const line = bodyLine(block, command.at);
        const parsed = cliArgs(command.text);
        if ('notRun' in parsed) {
          plan.problems.push(
            `${file}:${line}: \`${command.text}\` cannot run here (${parsed.notRun}): list it in NOT_RUN with the reason`,
          );
        } else plan.commands.push({ command, args: parsed.args });
      }
      previous = kind === 'commands' ? { block, commands } : undefined;
    }
  }
  return plan;
}

const PLAN = planDocs();

describe('docs blocks: every block is run or listed with the reason it is not', () => {
  it('finds the blocks of README.md and docs/*.md', () => {
    expect(PLAN.blocks).toBeGreaterThan(50);
    expect(PLAN.commands.length).toBeGreaterThan(40);
    expect(PLAN.inputs.length).toBeGreaterThanOrEqual(3);
  });
  it('has no block or command it cannot run and that NOT_RUN does not list', () => {
    expect(PLAN.problems.join('\n')).toBe('');
  });
  it('has no NOT_RUN entry that matches nothing', () => {
    const stale = NOT_RUN.filter((n) => !PLAN.used.has(`${n.file}\n${n.what}`)).map(
      (n) => `${n.file}: "${n.what}"`,
    );
    expect(stale.join('\n')).toBe('');
  });
});

describe.concurrent('docs blocks: input files load through the command that reads them', () => {
  it.each(PLAN.inputs.map((i) => [`${i.block.file}:${i.block.line}`, i] as const))(
    '%s',
    async (where, { block, command }) => {
      const file = blockFile(block);
      try {
        const r = await runBuilt(ROOT, [command, file.path]);
        const message = `${where}: \`megaroth ${command}\` on this block exited ${r.code}:\n${r.stderr.split(file.path).join('BLOCK')}`;
        expect(r.code, message).toBe(0);
      } finally {
        file.remove();
      }
    },
    60_000,
  );
});

describe.concurrent('docs blocks: commands exit as documented and print what is shown', () => {
  it.each(
    PLAN.commands.map(
      (c) => [`${c.command.block.file}:${bodyLine(c.command.block, c.command.at)}`, c] as const,
    ),
  )(
    '%s',
    async (where, { command, args, output }) => {
      const r = await runBuilt(ROOT, args);
      const want = expectedExit(command);
      const head = `${where}: $ ${command.text}`;
      const stream = want === 2 ? r.stderr : r.stdout;
      expect(r.code, `${head}\nexited ${r.code}, the docs say ${want}\n${r.stderr}`).toBe(want);
      const shown =
        output === undefined
          ? command.shown.map((s) => ({ text: s.text, line: bodyLine(command.block, s.at) }))
          : output.body.map((text, i) => ({ text, line: bodyLine(output, i) }));
      const shownLines = normalizeLines(shown.map((s) => s.text));
      if (shownLines.length === 0) return;
      const offset = shown.findIndex((s) => s.text.trim() !== '');
      const printed = normalizeLines(stream.split('\n'));
      const diff = compareOutput(shownLines, printed);
      const fileLine = (i: number): number => shown[offset + i]?.line ?? 0;
      const whole = !shownLines.some(isElision);
      if (UPDATE && whole && !matches(diff)) {
        const lines = shown.map((s) => s.line);
        EDITS.push({
          file: command.block.file,
          from: Math.min(...lines),
          to: Math.max(...lines),
          lines: printed,
        });
        return;
      }
      expect(
        matches(diff),
        `${head}\nthe output shown (-, with its line in ${command.block.file}) differs from the output printed (+):\n${formatDiff(diff, fileLine, printed)}${whole ? '\n(the whole output is shown: DOCS_UPDATE=1 rewrites the block with the output printed)' : ''}`,
      ).toBe(true);
    },
    120_000,
  );
});

describe('docs blocks: the output convention', () => {
  const ok = (shown: string[], printed: string[]): boolean =>
    matches(compareOutput(normalizeLines(shown), normalizeLines(printed)));
  it('matches line by line, trailing spaces and blank lines at the ends left out', () => {
    expect(ok(['a', 'b  '], ['', 'a  ', 'b', ''])).toBe(true);
    expect(ok(['a', 'b'], ['a', 'c'])).toBe(false);
    expect(ok(['a', 'b'], ['a', 'b', 'c'])).toBe(false);
    expect(ok(['a', 'b'], ['b'])).toBe(false);
    expect(ok(['  a'], ['a'])).toBe(false);
  });
  it('takes a `...` or `…` line for any number of lines, none included', () => {
    expect(ok(['a', '...', 'd'], ['a', 'b', 'c', 'd'])).toBe(true);
    expect(ok(['a', '…', 'd'], ['a', 'd'])).toBe(true);
    expect(ok(['...', 'c'], ['a', 'b', 'c'])).toBe(true);
    expect(ok(['a', '...'], ['a', 'b', 'c'])).toBe(true);
    expect(ok(['a', '...', 'c'], ['a', 'b', 'c', 'd'])).toBe(false);
    expect(ok(['a', '...', 'c', '...', 'c'], ['a', 'c', 'x', 'c'])).toBe(true);
    expect(ok(['a', '...', 'c', '...', 'c'], ['a', 'c', 'x'])).toBe(false);
  });
  it('shows the difference with the file line of each line shown', () => {
    const printed = ['a', 'B', 'c', 'x', 'y', 'z'];
    const diff = compareOutput(['a', 'b', 'c', '...', 'z', 'y'], printed);
    expect(formatDiff(diff, (i) => 10 + i, printed)).toBe(
      [
        '     10  a',
        ' -   11  b',
        ' +       B',
        '     12  c',
        '     13  ... (2 lines left out)',
        '     14  z',
        ' -   15  y   <- printed as line 5 of the output',
      ].join('\n'),
    );
    const cut = ['a', 'b', 'c'];
    expect(formatDiff(compareOutput(['a', 'b'], cut), (i) => 1 + i, cut)).toBe(
      ['      1  a', '      2  b', ' +       c'].join('\n'),
    );
    const more = ['a', 'b', 'c', 'd'];
    expect(formatDiff(compareOutput(['...', 'b'], more), (i) => 1 + i, more)).toBe(
      [
        '      1  ... (4 lines left out)',
        ' -    2  b   <- printed as line 2 of the output, and more after it: end the block with a `...` line',
      ].join('\n'),
    );
    const changed = ['total   $41,068.00', 'x'];
    expect(
      formatDiff(compareOutput(['total   $41,068.01', '...'], changed), (i) => 1 + i, changed),
    ).toBe(
      [
        ' -    1  total   $41,068.01',
        ' +?      total   $41,068.00   <- the line most like it, line 1 of the output',
        '      2  ... (2 lines left out)',
      ].join('\n'),
    );
  });
  it('expects exit 2 and standard error when the output shown starts with `error:`', () => {
    const [c] = commandsOf(block('text', ['$ megaroth plan bad.yaml', 'error: 1 problem']));
    expect(c && expectedExit(c)).toBe(2);
    const [d] = commandsOf(block('sh', ['megaroth plan bad.yaml   # exits 2: a bad file']));
    expect(d && [d.text, expectedExit(d)]).toEqual(['megaroth plan bad.yaml', 2]);
  });
  it('reads the program and words of a command', () => {
    expect(cliArgs('npx megaroth acp x.csv --participant "H 1"')).toEqual({
      args: ['acp', 'x.csv', '--participant', 'H 1'],
    });
    expect(cliArgs('node dist/cli/bin.js tax')).toEqual({ args: ['tax'] });
    expect(cliArgs('megaroth plan - < a.yaml')).toEqual({ notRun: 'it uses shell syntax' });
    expect(cliArgs('npm run bench')).toEqual({ notRun: '`npm` is not megaroth' });
  });
});

function block(info: string, body: string[]): Block {
  return { file: 'x.md', line: 1, info, body, before: [] };
}

// ---------------------------------------------------------------------------------------------
// References

/** A reference to an issue of the tracker: "issue 12", "issues 9 and 11", "#12". */
const ISSUE = /\bissues?\s+#?\d+|(?<![\w&/])#\d+\b/gi;

/** Paths that leave the repository whatever file they are in. */
const OUTSIDE = /\.\.\/shared\b|\/work\/|\/home\/|\/tmp\/|file:\/\//g;

/** Files whose references are checked: the docs that run, CONTRIBUTING.md and CHANGELOG.md. */
function referenceFiles(): string[] {
  return [...docFiles(ROOT), 'CONTRIBUTING.md', 'CHANGELOG.md'];
}

/** Problems with a page's references: issue numbers, paths outside the repository, dead links. */
function referenceProblems(file: string, text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    for (const m of line.matchAll(ISSUE)) out.push(`${at}: names an issue ("${m[0]}")`);
    for (const m of line.matchAll(OUTSIDE))
      out.push(`${at}: a path outside the repository ("${m[0]}")`);
    for (const m of line.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = (m[1] ?? '').split('#')[0] ?? '';
      if (target === '' || /^[a-z]+:/i.test(target)) continue;
      const path = resolve(ROOT, dirname(file), target);
      const inside = relative(ROOT, path);
      if (inside.startsWith('..') || resolve(inside) === inside) {
        out.push(`${at}: a link outside the repository ("${m[1]}")`);
      } else if (!existsSync(path)) {
        out.push(`${at}: a link to a file that does not exist ("${m[1]}", ${inside})`);
      }
    }
  });
  return out;
}

describe('docs references: no issue numbers, nothing outside the repository', () => {
  it.each(referenceFiles())('%s', (file) => {
    expect(referenceProblems(file, readDoc(ROOT, file)).join('\n')).toBe('');
  });
  it('finds each kind of bad reference', () => {
    const page = [
      'Issue 6. The rest of issue 13, issues 9 and 11, see #12.',
      'Case from ../shared/cases.md, /work/notes/x.md.',
      '[a](../../elsewhere.md) [b](docs/nothing-here.md) [ok](docs/json.md#plan) [web](https://x.org)',
      'IRS Issue Snapshot; `jobs[0].wages`; (#solo); &#39;',
    ].join('\n');
    expect(referenceProblems('README.md', page)).toEqual([
      'README.md:1: names an issue ("Issue 6")',
      'README.md:1: names an issue ("issue 13")',
      'README.md:1: names an issue ("issues 9")',
      'README.md:1: names an issue ("#12")',
      'README.md:2: a path outside the repository ("../shared")',
      'README.md:2: a path outside the repository ("/work/")',
      'README.md:3: a link outside the repository ("../../elsewhere.md")',
      'README.md:3: a link to a file that does not exist ("docs/nothing-here.md", docs/nothing-here.md)',
    ]);
  });
});
