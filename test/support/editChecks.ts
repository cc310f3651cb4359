// Assertions that the edits of one action cannot lose text: they lie inside the document and do not overlap, applying
// them leaves everything outside their spans as it was, and they write the document's own line ending.

import assert from 'node:assert/strict';
import type { TextEdit } from '../../server/src/core/features/codeActions';
import { assertSpanInside } from './spanChecks';

/** The edits in document order, checked to lie inside the text and not to overlap one another. */
export function assertEditsInsideAndDisjoint(text: string, edits: readonly TextEdit[], what: string): TextEdit[] {
  for (const edit of edits) assertSpanInside(edit.span, text.length, `${what}: edit`);
  const ordered = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < ordered.length; i++) {
    const [previous, next] = [ordered[i - 1], ordered[i]];
    assert.ok(next.span.start >= previous.span.end, `${what}: edits ${JSON.stringify(previous.span)} and ${JSON.stringify(next.span)} overlap`);
    // Two insertions at one offset come out in whatever order the editor applies them in.
    assert.ok(!(next.span.start === previous.span.start && next.span.end === next.span.start && previous.span.end === previous.span.start), `${what}: two insertions at ${next.span.start}`);
  }
  return ordered;
}

/**
 * Applies the edits and checks that the text before the first edit, between edits and after the last is in the result
 * unchanged and in place: each kept stretch is found exactly where the inserted texts before it put it.
 */
export function applyKeepingTheRest(text: string, edits: readonly TextEdit[], what: string): string {
  const ordered = assertEditsInsideAndDisjoint(text, edits, what);
  const kept = [...ordered.map((edit, i) => ({ start: i === 0 ? 0 : ordered[i - 1].span.end, end: edit.span.start })), { start: ordered.at(-1)?.span.end ?? 0, end: text.length }];
  const result = kept.map((stretch, i) => text.slice(stretch.start, stretch.end) + (ordered[i]?.newText ?? '')).join('');
  let shift = 0;
  kept.forEach((stretch, i) => {
    const at = stretch.start + shift;
    assert.equal(result.slice(at, at + stretch.end - stretch.start), text.slice(stretch.start, stretch.end), `${what}: the text at ${stretch.start}..${stretch.end} outside the edits is kept`);
    const edit = ordered[i];
    if (edit) shift += edit.newText.length - (edit.span.end - edit.span.start);
  });
  assert.equal(result.length, text.length + shift, `${what}: the result is as long as the edits make it`);
  return result;
}

/** Line breaks other than the document's own: a bare "\n" or "\r" in a CRLF document, any "\r" in an LF one. */
function foreignLineBreaks(text: string, lineEnding: '\n' | '\r\n'): RegExpMatchArray[] {
  return [...text.matchAll(lineEnding === '\r\n' ? /\r(?!\n)|(?<!\r)\n/g : /\r/g)];
}

/** The edits write the document's line ending, and do not cut a CRLF in two. */
export function assertLineEndingsKept(text: string, edits: readonly TextEdit[], lineEnding: '\n' | '\r\n', what: string): void {
  for (const edit of edits) {
    const foreign = foreignLineBreaks(edit.newText, lineEnding);
    assert.equal(foreign.length, 0, `${what}: ${JSON.stringify(edit.newText)} writes a line break other than ${JSON.stringify(lineEnding)}`);
    for (const offset of [edit.span.start, edit.span.end]) {
      assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what}: the edit ${JSON.stringify(edit.span)} splits a CRLF`);
    }
  }
}
