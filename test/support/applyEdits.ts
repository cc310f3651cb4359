// Applies plain text edits to a text, as an editor applies a code action's edits.

import type { TextEdit } from '../../server/src/core/features/codeActions';

export function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}
