/**
 * Input errors: every problem names the field path (e.g. `plans[1].match[0].upToPercent`) or
 * the file line, and what is allowed. The CLI prints them all and exits with code 2.
 */

export interface InputIssue {
  /** Field path (`plans[1].match[0].upToPercent`), option (`--net-profit`) or `line 12`. */
  readonly path: string;
  readonly message: string;
}

export class InputError extends Error {
  readonly issues: readonly InputIssue[];

  constructor(issues: readonly InputIssue[]) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** Shorthand for a single-issue InputError. */
export function inputError(path: string, message: string): InputError {
  return new InputError([{ path, message }]);
}

/** Formats a path array from zod (`['plans', 1, 'match', 0, 'upToPercent']`) as text. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${String(part)}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * How bad input is shown to a person (the CLI on stderr, the web app when it refuses a file):
 * a heading, then each problem as `path: message`.
 */
export function issueLines(issues: readonly InputIssue[]): {
  readonly heading: string;
  readonly problems: readonly string[];
} {
  const n = issues.length;
  return {
    heading: `error: ${n === 1 ? 'invalid input' : `${String(n)} problems in the input`}`,
    problems: issues.map((i) => `${i.path ? `${i.path}: ` : ''}${i.message}`),
  };
}
