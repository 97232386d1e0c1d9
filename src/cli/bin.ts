#!/usr/bin/env node
/** Entry point of the `megaroth` binary. */
import { processIo } from './io.js';
import { run } from './main.js';

// A reader that closes the pipe early (`megaroth plan | head`) is not an error; any other failed
// write (`megaroth schema > /dev/full`) is one line on stderr and exit code 1, not a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  const why = e.code
    ? `${e.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '')} (${e.code})`
    : e.message;
  try {
    process.stderr.write(`error: cannot write the output: ${why}\n`);
  } catch {
    // stderr is gone too: the exit code says it
  }
  process.exit(1);
});

// A closed stderr (`2>&- `, a reader gone) loses the messages, not the exit code.
process.stderr.on('error', () => undefined);

const code = await run(process.argv.slice(2), processIo());
process.exitCode = code;
