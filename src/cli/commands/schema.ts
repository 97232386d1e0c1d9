/** `megaroth schema`: prints the scenario file's JSON Schema. */
import { scenarioJsonSchema } from '../../engine/scenario/json-schema.js';
import { printJson } from '../io.js';
import type { Register } from './index.js';

export const register: Register = (program, io) => {
  program
    .command('schema')
    .summary('The JSON Schema of scenario files')
    .description('Print the JSON Schema of scenario files (YAML or JSON, version 1).')
    .action(() => {
      printJson(io, scenarioJsonSchema());
    });
};
