// Keeps text that no bibliography or project file has away from the yaml package, whose time per kilobyte grows with
// the depth of nesting and with the length of a flow collection ("[...]", "{...}"): a megabyte of nested brackets
// took it several seconds. One linear pass over the lines finds such text before the package sees it.

import type { Problem, Span } from '../types';
import { splitLines } from '../text/lines';

/** Leading "- ", "? ", ": " markers and indentation of one line: a bibliography item needs a few. */
const MAX_LEADING_STRUCTURE = 200;
/** A CSL item written in flow style nests five levels deep ("issued: {date-parts: [[2019, 3]]}" in a list). */
const MAX_FLOW_DEPTH = 16;
/** One flow collection longer than this is not a bibliography item (a long abstract takes a few kilobytes). */
export const MAX_FLOW_CHARS = 32 * 1024;

const LEADING = ' \t-?:';
/** Pieces of text that cannot be YAML tolerated before the text is not read at all. */
const MAX_UNREADABLE = 16;

/**
 * The first part of `text` the yaml package should not be given, as a problem at its place; `base` is the offset of
 * `text` in the file the problem is reported in.
 */
export function refusedYaml(text: string, base = 0): Problem | undefined {
  let depth = 0;
  let flowStart = 0;
  let unreadable = 0;
  for (const line of splitLines(text)) {
    const chars = line.text;
    let leading = 0;
    while (leading < chars.length && LEADING.includes(chars[leading])) leading++;
    if (leading > MAX_LEADING_STRUCTURE) return tooDeep(line, base);
    for (let i = leading; i < chars.length; i++) {
      const char = chars[i];
      if (char === '#' && (i === 0 || chars[i - 1] === ' ' || chars[i - 1] === '\t')) break;
      if (char === '"' || char === "'") {
        // Brackets inside a quoted string on one line are text; a string that goes on to the next line is left there.
        const close = closingQuote(chars, i);
        if (close < 0) break;
        i = close;
        // Text right after quoted text ('"a" b', '""""') is no YAML; the package reports each such piece, slowly.
        if (!endsQuotedValue(chars, close + 1, depth > 0) && ++unreadable > MAX_UNREADABLE) return notYaml(line, base);
      } else if ((char === '[' || char === '{') && (depth > 0 || opensValue(chars, i))) {
        if (depth === 0) flowStart = line.start + i;
        depth++;
        if (depth > MAX_FLOW_DEPTH) return tooDeep(line, base);
      } else if ((char === ']' || char === '}') && depth > 0) {
        depth--;
        if (depth === 0 && line.start + i - flowStart > MAX_FLOW_CHARS) return tooLong(text, flowStart, base);
      }
    }
    if (depth > 0 && line.end - flowStart > MAX_FLOW_CHARS) return tooLong(text, flowStart, base);
  }
  return undefined;
}

/** Where the string opened by the quote at `open` closes on its line: "\\" escapes in double quotes, '' in single ones. */
function closingQuote(chars: string, open: number): number {
  const quote = chars[open];
  for (let i = open + 1; i < chars.length; i++) {
    if (quote === '"' && chars[i] === '\\') i++;
    else if (chars[i] === quote) {
      if (quote === "'" && chars[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Whether what follows quoted text may follow it: the end of the line, a comment, ":" and, inside brackets, "," or a
 * closing bracket. */
function endsQuotedValue(chars: string, from: number, inFlow: boolean): boolean {
  let next = from;
  while (next < chars.length && (chars[next] === ' ' || chars[next] === '\t')) next++;
  if (next >= chars.length || chars[next] === ':' || (chars[next] === '#' && next > from)) return true;
  return inFlow && (chars[next] === ',' || chars[next] === ']' || chars[next] === '}');
}

/** Whether a bracket outside any flow collection begins a value: at the start of the line (after markers) or after ":". */
function opensValue(chars: string, at: number): boolean {
  let before = at - 1;
  while (before >= 0 && (chars[before] === ' ' || chars[before] === '\t')) before--;
  return before < 0 || LEADING.includes(chars[before]);
}

function tooDeep(line: { start: number; end: number }, base: number): Problem {
  return { span: { start: base + line.start, end: base + line.end }, code: 'yaml-too-deep', message: 'This nests far deeper than a bibliography does, so it is not read.' };
}

function notYaml(line: { start: number; end: number }, base: number): Problem {
  return { span: { start: base + line.start, end: base + line.end }, code: 'yaml-syntax', message: 'This is not YAML: quoted text is followed by more text again and again, so it is not read.' };
}

function tooLong(text: string, start: number, base: number): Problem {
  const lineEnd = text.indexOf('\n', start);
  const span: Span = { start: base + start, end: base + (lineEnd < 0 ? text.length : lineEnd) };
  const kilobytes = Math.round(MAX_FLOW_CHARS / 1024);
  return {
    span,
    code: 'yaml-too-large',
    message: `This collection in brackets runs on for more than ${kilobytes} KB, longer than any bibliography item, so it is not read. Write a long list as one "- " line per item.`,
  };
}
