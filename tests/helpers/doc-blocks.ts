/**
 * Reads the fenced blocks of the documentation and says what each one is: an input file to
 * load, commands to run (with the output shown after them), or something that does not run.
 * The convention it implements is written down in CONTRIBUTING.md ("Docs that run");
 * `tests/docs-blocks.test.ts` runs what it finds.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The files whose blocks run: the README and every page of `docs/`. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

/** A fenced block: its file, the line of its opening fence, its info string and its lines. */
export interface Block {
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The info string after the fence (`yaml`, `sh`, `text`, or empty). */
  readonly info: string;
  readonly body: readonly string[];
  /** The lines between the previous block's closing fence (or the file's start) and this one. */
  readonly before: readonly string[];
}

/** The 1-based file line of the block's `i`-th body line. */
export function bodyLine(block: Block, i: number): number {
  return block.line + 1 + i;
}

/** Every fenced block of a Markdown text, in order. */
export function extractBlocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let open: { line: number; fence: string; info: string } | undefined;
  let lastClose = 0;
  lines.forEach((l, i) => {
    if (open === undefined) {
      const m = /^(`{3,}|~{3,})\s*([^`\s]*)/.exec(l);
      if (m !== null) open = { line: i + 1, fence: m[1] ?? '```', info: m[2] ?? '' };
      return;
    }
    if (l.trim().startsWith(open.fence) && l.trim().replace(/[`~]/g, '') === '') {
      blocks.push({
        file,
        line: open.line,
        info: open.info,
        body: lines.slice(open.line, i),
        before: lines.slice(lastClose, open.line - 1),
      });
      lastClose = i + 1;
      open = undefined;
    }
  });
  if (open !== undefined)
    throw new Error(`${file}:${open.line}: a code fence that is never closed`);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Commands

/** One command written in a block, with the output shown after it (if any). */
export interface Command {
  readonly block: Block;
  /** Body index of the command's (first) line. */
  readonly at: number;
  /** The command as written, without the `$ ` prompt and the trailing `# comment`. */
  readonly text: string;
  readonly comment: string;
  /** The output shown under it (session blocks), with each line's body index. */
  readonly shown: readonly { readonly text: string; readonly at: number }[];
}

/** The programs that are this CLI: `npx megaroth`, `megaroth`, `node dist/cli/bin.js`. */
const CLI_PREFIXES: readonly (readonly string[])[] = [
  ['npx', 'megaroth'],
  ['megaroth'],
  ['node', 'dist/cli/bin.js'],
];

/** Programs a command list may start with (anything else in a block is not a command). */
const COMMAND_START = /^(npx |megaroth( |$)|node |npm |\.ci\/)/;

/** How a block is read. */
export type BlockKind = 'input' | 'session' | 'commands' | 'other';

/**
 * `input`: a ```yaml / ```json block; `session`: a block with `$ command` lines, each followed
 * by the output shown; `commands`: a ```sh block (or an untagged one whose lines start with a
 * program) of commands, one a line, no output; `other`: anything else (code, outlines, output).
 */
export function blockKind(block: Block): BlockKind {
  if (['yaml', 'yml', 'json'].includes(block.info)) return 'input';
  if (block.body.some((l) => l.startsWith('$ '))) return 'session';
  if (['sh', 'bash', 'shell', 'console'].includes(block.info)) return 'commands';
  const first = block.body.find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (['', 'text'].includes(block.info) && first !== undefined && COMMAND_START.test(first)) {
    return 'commands';
  }
  return 'other';
}

/** Splits a command from its trailing `# comment` (a `#` after a space, outside quotes). */
function splitComment(line: string): { text: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) {
      return { text: line.slice(0, i).trim(), comment: line.slice(i + 1).trim() };
    }
  }
  return { text: line.trim(), comment: '' };
}

/** The commands of a `session` or `commands` block (lines ending in `\` continue). */
export function commandsOf(block: Block): Command[] {
  const out: Command[] = [];
  const session = blockKind(block) === 'session';
  let current: { at: number; raw: string; shown: { text: string; at: number }[] } | undefined;
  let continued = false;
  const finish = (): void => {
    if (current === undefined) return;
    const { text, comment } = splitComment(current.raw);
    out.push({ block, at: current.at, text, comment, shown: current.shown });
    current = undefined;
  };
  block.body.forEach((line, i) => {
    if (continued && current !== undefined) {
      current.raw = `${current.raw.slice(0, -1)} ${line.trim()}`;
      continued = line.trimEnd().endsWith('\\');
      return;
    }
    if (session) {
      if (line.startsWith('$ ')) {
        finish();
        current = { at: i, raw: line.slice(2).trimEnd(), shown: [] };
        continued = current.raw.endsWith('\\');
      } else if (current !== undefined) {
        current.shown.push({ text: line, at: i });
      }
      return;
    }
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    finish();
    current = { at: i, raw: t, shown: [] };
    continued = t.endsWith('\\');
  });
  finish();
  return out;
}

/** Characters a command must not hold to be run without a shell. */
const SHELL_SYNTAX = /[|<>;&`$()*?]/;

/** Splits a command line into words: spaces separate, '…' and "…" quote. */
export function words(text: string): string[] {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (const c of text) {
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote !== undefined) throw new Error(`an unclosed ${quote} in: ${text}`);
  if (inWord) out.push(word);
  return out;
}

/**
 * The arguments of `megaroth` in a command, or why it cannot be run here: a program that is not
 * megaroth, or shell syntax (pipes, redirections, `&&`, globs, variables) outside quotes.
 */
export function cliArgs(text: string): { args: string[] } | { notRun: string } {
  const unquoted = text.replace(/'[^']*'|"[^"]*"/g, '');
  if (SHELL_SYNTAX.test(unquoted)) return { notRun: 'it uses shell syntax' };
  const w = words(text);
  for (const prefix of CLI_PREFIXES) {
    if (prefix.every((p, i) => w[i] === p)) return { args: w.slice(prefix.length) };
  }
  return { notRun: `\`${w[0] ?? ''}\` is not megaroth` };
}

/** The exit code a command is documented to end with. */
export function expectedExit(command: Command): number {
  const said = /\bexits? (?:with (?:code )?)?(\d)\b/.exec(command.comment);
  if (said !== null) return Number(said[1]);
  return command.shown.find((s) => s.text.trim() !== '')?.text.startsWith('error:') === true
    ? 2
    : 0;
}

// ---------------------------------------------------------------------------------------------
// Output

/** A line that stands for lines left out of the output shown. */
export function isElision(line: string): boolean {
  const t = line.trim();
  return t === '...' || t === '…';
}

/** Lines without their trailing spaces, without leading or trailing blank lines. */
export function normalizeLines(lines: readonly string[]): string[] {
  const out = lines.map((l) => l.trimEnd());
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** One line of a comparison: the same in both, only shown, only printed, or left out (`...`). */
export type DiffLine =
  | { readonly op: 'same'; readonly text: string; readonly shownAt: number }
  | { readonly op: 'shown'; readonly text: string; readonly shownAt: number }
  | { readonly op: 'printed'; readonly text: string }
  | { readonly op: 'elided'; readonly count: number; readonly shownAt: number };

/** The cost of a line out of place; a line left out by `...` costs 1, to prefer lines in both. */
const OUT_OF_PLACE = 1_000_000;

/**
 * Compares the output shown with the output printed: equal line by line (both normalized by
 * `normalizeLines`), except that a `...` line stands for any number of printed lines (none
 * too). Returns the alignment with the fewest lines out of place (and among those, the fewest
 * lines left out by `...`); it matches when every line is `same` or `elided`.
 */
export function compareOutput(shown: readonly string[], printed: readonly string[]): DiffLine[] {
  const n = shown.length;
  const m = printed.length;
  // cost[i][j]: the cheapest alignment of shown[i..] with printed[j..].
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const c = (i: number, j: number): number => cost[i]?.[j] ?? Infinity;
  const elision = (i: number): boolean => isElision(shown[i] ?? '');
  for (let i = n; i >= 0; i--) {
    const row = cost[i] ?? [];
    for (let j = m; j >= 0; j--) {
      if (i === n) row[j] = (m - j) * OUT_OF_PLACE;
      else if (elision(i)) row[j] = Math.min(c(i + 1, j), c(i, j + 1) + 1);
      else {
        const same = j < m && shown[i] === printed[j] ? c(i + 1, j + 1) : Infinity;
        row[j] = Math.min(same, c(i + 1, j) + OUT_OF_PLACE, c(i, j + 1) + OUT_OF_PLACE);
      }
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = c(i, j);
    if (i < n && elision(i)) {
      const from = j;
      // Leave out printed lines while that is what the cheapest alignment does.
      while (c(i + 1, j) !== c(i, j)) j++;
      out.push({ op: 'elided', count: j - from, shownAt: i });
      i++;
    } else if (i < n && j < m && shown[i] === printed[j] && c(i + 1, j + 1) === here) {
      out.push({ op: 'same', text: shown[i] ?? '', shownAt: i });
      i++;
      j++;
    } else if (i < n && c(i + 1, j) + OUT_OF_PLACE === here) {
      out.push({ op: 'shown', text: shown[i] ?? '', shownAt: i });
      i++;
    } else {
      out.push({ op: 'printed', text: printed[j] ?? '' });
      j++;
    }
  }
  return out;
}

/** Whether a comparison found the output shown. */
export function matches(diff: readonly DiffLine[]): boolean {
  return diff.every((d) => d.op === 'same' || d.op === 'elided');
}

/**
 * The comparison as text: `-` a line the docs show that was not printed there (with its file
 * line, and where the output has it if elsewhere: then the block may lack a `...` line), `+` a
 * printed line the docs do not show, `  ` a line in both; runs of equal lines far from a
 * difference are cut to `(N lines the same)`.
 */
export function formatDiff(
  diff: readonly DiffLine[],
  fileLine: (shownAt: number) => number,
  printed: readonly string[],
): string {
  const near = new Set<number>();
  diff.forEach((d, k) => {
    if (d.op === 'shown' || d.op === 'printed') for (let x = k - 2; x <= k + 2; x++) near.add(x);
  });
  const out: string[] = [];
  let skipped = 0;
  const flush = (): void => {
    if (skipped > 0) out.push(`   (${skipped} ${skipped === 1 ? 'line' : 'lines'} the same)`);
    skipped = 0;
  };
  const at = (i: number): string => String(fileLine(i)).padStart(4);
  /** Where the output has a line shown as missing, or the printed line most like it. */
  let position = 0; // the printed line the diff has reached
  let lastSame = -1; // the printed line of the last line in both
  const whereElse = (text: string, last: boolean): string => {
    if (text === '') return '';
    const exact = printed.indexOf(text);
    if (exact >= 0) {
      const more = last && exact > lastSame && exact < printed.length - 1;
      return `   <- printed as line ${exact + 1} of the output${more ? ', and more after it: end the block with a `...` line' : ''}`;
    }
    const prefix = (p: string): number => {
      let n = 0;
      while (n < p.length && p[n] === text[n]) n++;
      return p.slice(0, n).trim().length;
    };
    let best = -1;
    printed.forEach((p, x) => {
      if (prefix(p) >= 8 && (best < 0 || prefix(p) > prefix(printed[best] ?? ''))) best = x;
    });
    return best < 0
      ? ''
      : `\n +?      ${printed[best] ?? ''}   <- the line most like it, line ${best + 1} of the output`;
  };
  diff.forEach((d, k) => {
    if (d.op === 'same') lastSame = position;
    position += d.op === 'elided' ? d.count : d.op === 'shown' ? 0 : 1;
    if (d.op === 'same' && !near.has(k)) {
      skipped++;
      return;
    }
    flush();
    if (d.op === 'same') out.push(`   ${at(d.shownAt)}  ${d.text}`);
    else if (d.op === 'printed') out.push(` +       ${d.text}`);
    else if (d.op === 'elided')
      out.push(
        `   ${at(d.shownAt)}  ... (${d.count} ${d.count === 1 ? 'line' : 'lines'} left out)`,
      );
    else out.push(` - ${at(d.shownAt)}  ${d.text}${whereElse(d.text, k === diff.length - 1)}`);
  });
  flush();
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Input files

/** Which command reads a documented input file, from its top-level keys. */
export function inputCommand(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = new Set(Object.keys(data));
  if (keys.has('transactions')) return 'ledger';
  if (keys.has('rothIra') || keys.has('withdrawal')) return 'clocks';
  if (keys.has('version') || keys.has('jobs')) return 'plan';
  if (keys.has('budget')) return 'optimize';
  const growth = ['contribution', 'preTaxRoom', 'currentRate', 'retirementRate', 'expectedReturn'];
  if (growth.some((k) => keys.has(k))) return 'compare';
  return undefined;
}

/** Reads a YAML or JSON block to data (only to choose the command that loads it). */
export function blockData(block: Block): unknown {
  const text = block.body.join('\n');
  return block.info === 'json' ? (JSON.parse(text) as unknown) : (parseYaml(text) as unknown);
}

// ---------------------------------------------------------------------------------------------
// Running

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI; the test needs `npm run build` first (`npm test` does it). */
export function builtCli(root: string): string {
  const bin = join(root, 'dist/cli/bin.js');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first`);
  return bin;
}

/**
 * Runs the built CLI with `args` from `cwd`, NO_COLOR=1, standard input empty. A command with
 * `--out` writes a file: it runs in a new temporary directory, removed afterwards.
 */
export function runBuilt(root: string, args: readonly string[]): Promise<RunResult> {
  const bin = builtCli(root);
  const writes = args.includes('--out');
  const cwd = writes ? mkdtempSync(join(tmpdir(), 'megaroth-docs-')) : root;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        if (writes) rmSync(cwd, { recursive: true, force: true });
        const code =
          error === null ? 0 : typeof error.code === 'number' ? error.code : error.killed ? -1 : 1;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

/** Writes a block to a temporary file named for its format; returns the path and a remover. */
export function blockFile(block: Block): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'megaroth-docs-'));
  const path = join(dir, `block.${block.info === 'json' ? 'json' : 'yaml'}`);
  writeFileSync(path, `${block.body.join('\n')}\n`);
  return {
    path,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The text of a file of the repository. */
export function readDoc(root: string, file: string): string {
  return readFileSync(join(root, file), 'utf8');
}

/** Lines `from`..`to` (1-based, inclusive) of a file to be replaced by `lines`. */
export interface Edit {
  readonly file: string;
  readonly from: number;
  readonly to: number;
  readonly lines: readonly string[];
}

/** Applies edits, each file's from its last line up so earlier line numbers stay right. */
export function applyEdits(root: string, edits: readonly Edit[]): void {
  for (const file of new Set(edits.map((e) => e.file))) {
    const lines = readDoc(root, file).split('\n');
    const mine = edits.filter((e) => e.file === file).sort((a, b) => b.from - a.from);
    for (const e of mine) lines.splice(e.from - 1, e.to - e.from + 1, ...e.lines);
    writeFileSync(join(root, file), lines.join('\n'));
  }
}
