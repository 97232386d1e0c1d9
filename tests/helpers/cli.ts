/** Runs the CLI in-process and captures what it prints. */
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `megaroth ...args` in-process with `cwd` (default: the repository root). */
export async function runCli(args: readonly string[], cwd = process.cwd()): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    isTTY: false,
    cwd,
  });
  return { code, stdout, stderr };
}
