/**
 * The `megaroth` command line: parses arguments, calls the engine and prints. Exit codes:
 * 0 success, 2 bad input (every problem listed, no stack trace), 1 an internal error.
 */
import { Command, CommanderError, Help } from 'commander';
import { InputError, issueLines } from '../engine/errors.js';
import { COMMANDS, type CommandEntry } from './commands/index.js';
import type { Io } from './io.js';

export const VERSION = '0.1.0';

/**
 * The command `argv` runs: its first word, or for `help NAME` the NAME; undefined when there is
 * none (`megaroth`, `megaroth --help`, `megaroth --version`).
 */
export function commandNameIn(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Builds the program for `argv`: the command it runs is loaded and registered in full against
 * `io`; every other command is only listed (name, arguments and summary, for `--help`), so a
 * run loads one command's modules.
 */
export async function buildProgram(io: Io, argv: readonly string[]): Promise<Command> {
  const wanted = commandNameIn(argv);
  const listed = new Map<Command, CommandEntry>();
  const program = new Command('megaroth')
    .description(
      'Plan a Mega Backdoor Roth: contribution limits across plans, solo 401(k) room,\n' +
        'conversions and rollovers, ACP testing, and what each choice grows into.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .configureHelp({
      // a listed command has no options or arguments registered: write them from its entry
      subcommandTerm(this: Help, cmd: Command): string {
        const entry = listed.get(cmd);
        if (!entry) return Help.prototype.subcommandTerm.call(this, cmd);
        return `${entry.name} [options]${entry.args ? ` ${entry.args}` : ''}`;
      },
    })
    .exitOverride();
  for (const entry of COMMANDS) {
    if (entry.name === wanted) (await entry.load()).register(program, io);
    else listed.set(program.command(entry.name).summary(entry.summary), entry);
  }
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    cmd.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

/** At most this many problems are printed … */
export const MAX_PRINTED_ISSUES = 50;
/** … each cut to this many characters (a message can quote a hostile file at length). */
export const MAX_ISSUE_LENGTH = 500;

/** A control or line-separator character, written out as `\uXXXX` so a problem stays one line. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` on one line and at most `MAX_ISSUE_LENGTH` characters. */
export function clip(text: string): string {
  const line = text.replace(
    UNPRINTABLE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (line.length <= MAX_ISSUE_LENGTH) return line;
  const more = line.length - MAX_ISSUE_LENGTH;
  return `${line.slice(0, MAX_ISSUE_LENGTH)} … (${String(more)} more characters)`;
}

/** Prints an InputError's issues to stderr, one per line (at most `MAX_PRINTED_ISSUES`). */
export function reportInputError(io: Io, e: InputError): void {
  const { heading, problems } = issueLines(e.issues);
  io.err(`${heading}\n`);
  for (const p of problems.slice(0, MAX_PRINTED_ISSUES)) io.err(`  ${clip(p)}\n`);
  if (problems.length > MAX_PRINTED_ISSUES) {
    io.err(`  … and ${String(problems.length - MAX_PRINTED_ISSUES)} more\n`);
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const program = await buildProgram(io, argv);
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof InputError) {
      reportInputError(io, e);
      return 2;
    }
    if (e instanceof CommanderError) {
      // help and version exit with code 0; usage errors already printed their message
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      if (e.code === 'commander.help') return 0;
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`internal error: ${message}\n`);
    if (process.env['MEGAROTH_DEBUG'] && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 1;
  }
}
