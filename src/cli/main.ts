/**
 * The `megaroth` command line: parses arguments, calls the engine and prints. Exit codes:
 * 0 success, 2 bad input (every problem listed, no stack trace), 1 an internal error.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../engine/errors.js';
import { COMMANDS } from './commands/index.js';
import type { Io } from './io.js';

export const VERSION = '0.1.0';

/** Builds the program with every command registered against `io`. */
export function buildProgram(io: Io): Command {
  const program = new Command('megaroth')
    .description(
      'Plan a Mega Backdoor Roth: contribution limits across plans, solo 401(k) room,\n' +
        'conversions and rollovers, ACP testing, and what each choice grows into.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  for (const register of COMMANDS) register(program, io);
  for (const cmd of program.commands) {
    cmd.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
    cmd.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

/** Prints an InputError's issues to stderr, one per line. */
export function reportInputError(io: Io, e: InputError): void {
  const n = e.issues.length;
  io.err(`error: ${n === 1 ? 'invalid input' : `${String(n)} problems in the input`}\n`);
  for (const issue of e.issues) {
    io.err(`  ${issue.path ? `${issue.path}: ` : ''}${issue.message}\n`);
  }
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const program = buildProgram(io);
  try {
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
