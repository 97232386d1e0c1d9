/** Plain-text layout helpers shared by the renderers. */

/** Indents every non-empty line. */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');
}

/** Wraps a long sentence at `width` columns under a hanging indent. */
export function wrap(text: string, first: string, rest: string, width = 96): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = first;
  for (const w of words) {
    if (line.length + w.length + 1 > width && line.trim().length > 0 && line !== first) {
      lines.push(line);
      line = rest + w;
    } else {
      line += (line === first ? '' : ' ') + w;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
