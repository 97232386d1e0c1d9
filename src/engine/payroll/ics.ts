/**
 * The checklist as an iCalendar file (RFC 5545): one all-day VEVENT per step (DTSTART and DTEND
 * as DATE values, DTEND the day after), text escaped (section 3.3.11), lines folded at 75
 * octets (section 3.1) and ended with CRLF.
 */
import { addDays, type IsoDate } from '../dates.js';
import type { Step } from './checklist.js';

const CRLF = '\r\n';

/** TEXT escaping of RFC 5545 section 3.3.11. */
function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    const limit = out.length === 0 ? 75 : 74;
    if (octets + n > limit) {
      out.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join(`${CRLF} `);
}

const basic = (d: IsoDate): string => d.replace(/-/g, '');

/** The steps as an iCalendar text; `stamp` is the DTSTAMP date (the day the file is made). */
export function checklistIcs(steps: readonly Step[], name: string, stamp: IsoDate): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//megaroth//paychecks//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
  ];
  steps.forEach((s, i) => {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${basic(s.date)}-${String(i + 1)}-${s.kind}@megaroth`,
      `DTSTAMP:${basic(stamp)}T000000Z`,
      `DTSTART;VALUE=DATE:${basic(s.date)}`,
      `DTEND;VALUE=DATE:${basic(addDays(s.date, 1))}`,
      `SUMMARY:${escapeText(s.title)}`,
      `DESCRIPTION:${escapeText(`${s.detail} (${s.citation})`)}`,
      `CATEGORIES:${s.kind.toUpperCase()}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
