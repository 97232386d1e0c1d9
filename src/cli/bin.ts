#!/usr/bin/env node
/** Entry point of the `megaroth` binary. */
import { processIo } from './io.js';
import { run } from './main.js';

// A reader that closes the pipe early (`megaroth plan | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await run(process.argv.slice(2), processIo());
process.exitCode = code;
