/** Runs the CLI in-process and captures what it prints. */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `megaroth ...args` in-process with `cwd` (default: the repository root); `stdin` is what
 * standard input holds (a file argument `-` reads it, from a temporary file), none when left out.
 */
export async function runCli(
  args: readonly string[],
  cwd = process.cwd(),
  stdin?: string | Uint8Array,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const dir = stdin === undefined ? undefined : mkdtempSync(join(tmpdir(), 'megaroth-stdin-'));
  const fd = dir === undefined ? undefined : openStdin(dir, stdin ?? '');
  try {
    const code = await run(args, {
      out: (t) => (stdout += t),
      err: (t) => (stderr += t),
      isTTY: false,
      cwd,
      ...(fd === undefined ? {} : { stdinFd: fd }),
    });
    return { code, stdout, stderr };
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/** A descriptor reading `content` from a file in `dir`. */
function openStdin(dir: string, content: string | Uint8Array): number {
  const file = join(dir, 'stdin');
  writeFileSync(file, content);
  return openSync(file, 'r');
}
