/**
 * Every command of the CLI. Each module exports one `register` function that adds its command
 * to the program; keep one import and one entry per command.
 */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { register as plan } from './plan.js';
import { register as schema } from './schema.js';
import { register as rollover } from './rollover.js';
import { register as form8606 } from './form8606.js';
import { register as clocks } from './clocks.js';
import { register as ledger } from './ledger.js';
import { register as acp } from './acp.js';
import { register as census } from './census.js';
import { register as solo } from './solo.js';
import { register as tax } from './tax.js';
import { register as compare } from './compare.js';
import { register as optimize } from './optimize.js';
import { register as serve } from './serve.js';

export type Register = (program: Command, io: Io) => void;

export const COMMANDS: readonly Register[] = [
  plan,
  schema,
  rollover,
  form8606,
  clocks,
  ledger,
  acp,
  census,
  solo,
  tax,
  compare,
  optimize,
  serve,
];
