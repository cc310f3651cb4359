// Reads the date of a BibTeX entry from BibLaTeX's ISO `date` field ("2019-03-17", "2019/2020",
// "2019-03-17/2019-03-20") or from `year` ("2012", "2019a", "in press") with `month` (a macro such as jan, a number
// or a name) and `day`.

import type { WorkDate } from '../../types';
import { parseWorkDate } from '../dates';

export interface BibtexDate {
  date?: WorkDate;
  /** CSL date parts: one [year, month?, day?] array, or two for a range. */
  dateParts?: number[][];
  /** Fields that were present but could not be read. */
  unreadable: string[];
}

export interface DateFields {
  date?: string;
  year?: string;
  month?: string;
  day?: string;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2019", "2019-03", "2019-03-17"; each part has a fixed length, so matching is linear. */
const ISO_DATE = /^(-?\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?/u;

const FOUR_DIGITS = /\d{4}/u;

export function readBibtexDate(fields: DateFields): BibtexDate {
  const unreadable: string[] = [];
  if (fields.date !== undefined) {
    const fromIso = isoDate(fields.date);
    if (fromIso) return { ...fromIso, unreadable };
  }
  // A `date` written as prose ("July 6, 2016") is read like a year when there is no `year`.
  const yearField = fields.year !== undefined ? 'year' : 'date';
  const yearText = fields.year ?? fields.date;
  if (yearText === undefined) return { unreadable };
  const date = yearDate(yearText);
  if (!date) return { unreadable: [...unreadable, yearField] };
  const month = fields.month === undefined ? undefined : monthNumber(fields.month);
  if (fields.month !== undefined && month === undefined) unreadable.push('month');
  const day = fields.day === undefined ? undefined : Number.parseInt(fields.day, 10);
  if (month !== undefined && date.month === undefined) date.month = MONTHS[month - 1];
  if (month !== undefined && day !== undefined && day >= 1 && day <= 31) date.day = day;
  if (date.year === undefined) return { date, unreadable };
  const parts = [date.year];
  if (month !== undefined) parts.push(month);
  if (month !== undefined && date.day !== undefined) parts.push(date.day);
  return { date, dateParts: [parts], unreadable };
}

/** BibLaTeX's `date`: an ISO 8601 date or a range of two ("2019/2020", "2019-03-17/2019-03-20", "2019/.." open). */
function isoDate(text: string): { date: WorkDate; dateParts: number[][] } | undefined {
  const trimmed = text.trim();
  const [startText, endText] = trimmed.split('/', 2);
  const start = isoParts(startText);
  if (!start) return undefined;
  const date: WorkDate = { text: trimmed, year: start[0] };
  if (start.length > 1) date.month = MONTHS[start[1] - 1];
  if (start.length > 2) date.day = start[2];
  const end = endText === undefined ? undefined : isoParts(endText);
  return { date, dateParts: end ? [start, end] : [start] };
}

function isoParts(text: string): number[] | undefined {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return undefined;
  const parts = [Number(match[1])];
  const month = match[2] === undefined ? undefined : Number(match[2]);
  if (month === undefined || month < 1 || month > 12) return parts;
  parts.push(month);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (day !== undefined && day >= 1 && day <= 31) parts.push(day);
  return parts;
}

/** "2012", "2019a", "n.d.", "in press", or any text with a four-digit year in it ("ca. 1850"). */
function yearDate(text: string): WorkDate | undefined {
  const trimmed = text.trim();
  // Most years are four digits alone; they need no pattern matching.
  if (/^\d{4}$/u.test(trimmed)) return { text: trimmed, year: Number(trimmed) };
  const parsed = parseWorkDate(trimmed);
  if (parsed) return parsed;
  const digits = FOUR_DIGITS.exec(trimmed);
  return digits ? { text: trimmed, year: Number(digits[0]) } : undefined;
}

/** 1 to 12 from "3", "03", "mar", "March", "Mar." (English names, as the month macros expand to). */
function monthNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(/\.$/u, '').toLowerCase();
  if (/^\d{1,2}$/u.test(trimmed)) {
    const number = Number(trimmed);
    return number >= 1 && number <= 12 ? number : undefined;
  }
  if (trimmed.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.toLowerCase().startsWith(trimmed));
  return index >= 0 ? index + 1 : undefined;
}
