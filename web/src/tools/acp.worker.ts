/**
 * Reads a census (generated here, or a CSV file from the user's computer, read in chunks) with
 * the engine's `CensusReader` and runs the ACP test (`acpReport`) off the page's thread,
 * posting progress; the page cancels by ending the worker.
 */
import { z } from 'zod';
import { CensusReader, type CensusReadResult } from '../../../src/engine/acp/census-csv.js';
import { generateCensusCsv } from '../../../src/engine/acp/census-generator.js';
import { InputError } from '../../../src/engine/errors.js';
import { acpReport } from '../../../src/engine/report/acp.js';
import { REFUND_ROWS, type AcpMessage, type AcpRequest } from './acp-protocol.js';

z.config({ jitless: true });

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AcpRequest>) => void) | null;
  postMessage: (m: AcpMessage) => void;
};

async function readCensus(
  req: AcpRequest,
  progress: (done: number) => void,
): Promise<CensusReadResult> {
  const src = req.source;
  if (src.kind === 'generate') {
    const reader = new CensusReader({ capacityHint: src.employees + 16 });
    const encoder = new TextEncoder();
    let rows = 0;
    for (const text of generateCensusCsv({ employees: src.employees, seed: src.seed })) {
      reader.chunkBytes(encoder.encode(text));
      rows += text.split('\n').length - 1;
      progress(Math.min(1, rows / (src.employees + 1)));
    }
    return reader.finish();
  }
  const reader = new CensusReader({ expectedBytes: src.file.size });
  const stream = src.file.stream().getReader();
  let read = 0;
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    reader.chunkBytes(value);
    read += value.length;
    progress(src.file.size > 0 ? read / src.file.size : 1);
  }
  return reader.finish();
}

/**
 * A census with a bad header, or with rows that cannot be used (unless the user chose to skip
 * them), is refused with every problem at its line, as `megaroth acp` refuses it.
 */
function checkReading(req: AcpRequest, r: CensusReadResult): void {
  const file = req.source.kind === 'file' ? req.source.file.name : 'census';
  const at = (line: number): string => `${file}:${String(line)}`;
  if (r.headerIssues.length > 0) {
    throw new InputError(
      r.headerIssues.map((i) => ({ path: at(i.line), message: `${i.column}: ${i.reason}` })),
    );
  }
  if (r.issueCount > 0 && !req.skipBadRows) {
    const more = r.issueCount - r.issues.length;
    throw new InputError([
      ...r.issues
        .slice(0, REFUND_ROWS)
        .map((i) => ({ path: at(i.line), message: `${i.column}: ${i.reason}` })),
      ...(more > 0 ? [{ path: file, message: `... and ${String(more)} more problems` }] : []),
      {
        path: file,
        message: `${String(r.badRows)} of ${String(r.rowsRead)} rows cannot be used; fix them, or tick “Skip rows that cannot be used” to test the other rows`,
      },
    ]);
  }
  if (r.census.size === 0)
    throw new InputError([{ path: file, message: 'the census has no usable rows' }]);
}

scope.onmessage = (e) => {
  const req = e.data;
  void (async () => {
    try {
      const read = await readCensus(req, (done) => {
        scope.postMessage({ type: 'progress', done, stage: 'reading' });
      });
      checkReading(req, read);
      scope.postMessage({ type: 'progress', done: 1, stage: 'testing' });
      const report = acpReport({
        census: read.census,
        options: {
          year: req.year,
          method: 'current',
          ...(req.safeHarbor ? { safeHarbor: true } : {}),
        },
        reading: {
          rowsRead: read.rowsRead,
          skippedRows: read.badRows,
          problems: read.issues,
          problemCount: read.issueCount,
        },
      });
      scope.postMessage({
        type: 'done',
        report: {
          ...report,
          refunds: report.refunds.slice(0, REFUND_ROWS),
          census: { ...report.census, problems: report.census.problems.slice(0, REFUND_ROWS) },
        },
        refundCount: report.refunds.length,
        problemCount: report.census.problems.length,
      });
    } catch (err) {
      scope.postMessage({
        type: 'error',
        issues:
          err instanceof InputError
            ? err.issues
            : [{ path: '', message: err instanceof Error ? err.message : String(err) }],
      });
    }
  })();
};
