import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../tests/helpers/cli.js';
import { COMMANDS } from './index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Every module `entry` (a .ts file) loads through static imports, as repository paths, and
 * the packages it imports; type-only imports are left out (they are erased), and so are
 * dynamic `import()`s (they load on demand).
 */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const key = relative(root, file);
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?\sfrom\s+'([^']+)'/gm),
      ...source.matchAll(/^import\s+'([^']+)'/gm),
    ].map((m) => m[1] ?? '');
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(resolve(dirname(file), s.replace(/\.js$/, '.ts')));
      else seen.add(`package:${s.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1')}`);
    }
  };
  visit(resolve(root, entry));
  return seen;
}

describe('lazy command loading', () => {
  it.each(COMMANDS.map((c) => [c.name, c] as const))(
    '%s: the table lists what the module registers',
    async (name, entry) => {
      const program = new Command('megaroth');
      const io = { out: () => undefined, err: () => undefined, isTTY: false, cwd: root };
      (await entry.load()).register(program, io);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
      const cmd = program.commands[0];
      if (!cmd) throw new Error('no command registered');
      expect(cmd.summary()).toBe(entry.summary);
      // the term `megaroth --help` writes for it, fully loaded or listed from the table
      expect(new Help().subcommandTerm(cmd)).toBe(
        `${name} [options]${entry.args ? ` ${entry.args}` : ''}`,
      );
    },
  );

  it('starting the CLI loads no command module, zod or yaml', () => {
    const graph = [...staticGraph('src/cli/bin.ts')];
    expect(graph.filter((f) => f.startsWith('src/cli/commands/'))).toEqual([
      'src/cli/commands/index.ts',
    ]);
    // Node's own modules (node:fs for bounded reads) cost nothing to load; packages do
    expect(graph.filter((f) => f.startsWith('package:') && !f.startsWith('package:node:'))).toEqual(
      ['package:commander'],
    );
  });

  it('the tax command loads neither zod nor yaml', () => {
    const packages = [...staticGraph('src/cli/commands/tax.ts')].filter((f) =>
      f.startsWith('package:'),
    );
    expect(packages).not.toContain('package:zod');
    expect(packages).not.toContain('package:yaml');
  });

  it('--help lists every command with its summary', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      expect(r.stdout).toMatch(new RegExp(`^  ${c.name} \\[options\\]`, 'm'));
      // commander wraps summaries at 80 columns: compare the words
      expect(r.stdout.replace(/\s+/g, ' ')).toContain(c.summary);
    }
    expect(r.stdout).toContain('help [command]');
  });

  it.each([[['help', 'tax']], [['tax', '--help']]])(
    '%j prints the full help of tax',
    async (argv) => {
      const r = await runCli(argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: megaroth tax [options]');
      expect(r.stdout).toContain('--taxable-income <N>');
    },
  );

  it('a command still runs and an unknown one is still refused with a suggestion', async () => {
    const tax = await runCli([
      'tax',
      '--year',
      '2026',
      '--status',
      'single',
      '--taxable-income',
      '150000',
      '--json',
    ]);
    expect(tax.code).toBe(0);
    expect(JSON.parse(tax.stdout)).toMatchObject({ taxableIncome: 150000 });
    const typo = await runCli(['plann']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('(Did you mean plan?)');
  });
});
