/** Runs the CLI in-process and captures what it prints. */
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `megaroth ...args` in-process with `cwd` (default: the repository root); `stdin` is what
 * standard input holds (a file argument `-` reads it), none when left out.
 */
export async function runCli(
  args: readonly string[],
  cwd = process.cwd(),
  stdin?: string | Uint8Array,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const input = typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin;
  const code = await run(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    isTTY: false,
    cwd,
    ...(input === undefined ? {} : { readStdin: (max: number) => input.subarray(0, max + 1) }),
  });
  return { code, stdout, stderr };
}
