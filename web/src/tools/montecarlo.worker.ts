/**
 * Builds the `compare` report (the four strategies, deterministic and Monte Carlo) for a
 * scenario off the page's thread, posting the simulation's progress; the page cancels by ending
 * the worker.
 */
import { z } from 'zod';
import { InputError } from '../../../src/engine/errors.js';
import { planHousehold } from '../../../src/engine/household/plan-household.js';
import {
  DEFAULT_GROWTH_ASSUMPTIONS,
  householdProjection,
} from '../../../src/engine/project/from-household.js';
import { compareReport } from '../../../src/engine/report/compare.js';
import { parseScenario } from '../../../src/engine/scenario/validate.js';
import type { MonteCarloMessage, MonteCarloRequest } from './montecarlo-protocol.js';

z.config({ jitless: true });

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MonteCarloRequest>) => void) | null;
  postMessage: (m: MonteCarloMessage) => void;
};

scope.onmessage = (e) => {
  const { draft, paths, seed, today } = e.data;
  try {
    const scenario = parseScenario(draft, { today });
    const inputs = householdProjection(
      scenario,
      planHousehold(scenario),
      DEFAULT_GROWTH_ASSUMPTIONS,
    );
    const report = compareReport(inputs, {
      paths,
      seed,
      onProgress: (done) => {
        scope.postMessage({ type: 'progress', done });
      },
    });
    scope.postMessage({ type: 'done', report });
  } catch (err) {
    scope.postMessage({
      type: 'error',
      issues:
        err instanceof InputError
          ? err.issues
          : [{ path: '', message: err instanceof Error ? err.message : String(err) }],
    });
  }
};
