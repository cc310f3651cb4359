// Every edit Citewise can make to a document, gathered as the server offers them: the quick fixes and the add-entry
// action at a range, the rewrite between citation forms, sorting the list, writing the list of the cited works, and
// renaming each key the document cites.

import type { Analysis } from '../../server/src/core/index/analysis';
import { quickFixes, type TextEdit } from '../../server/src/core/features/codeActions';
import { addCitedEntryActions } from '../../server/src/core/features/addCitedEntry';
import { convertCitationActions } from '../../server/src/core/features/convertCitation';
import { sortReferences } from '../../server/src/core/features/sortReferences';
import { generateReferences } from '../../server/src/core/features/generateReferences';
import { renameKey } from '../../server/src/core/features/rename';
import type { EntryRenderer } from '../../server/src/core/features/entryText';
import type { Span } from '../../server/src/core/types';

export type EditActionKind = 'quick fix' | 'add entry' | 'convert citation' | 'sort' | 'generate references' | 'rename';

export interface DocumentEditAction {
  kind: EditActionKind;
  title: string;
  edits: TextEdit[];
  /** For a quick fix: the code and span of the diagnostic it answers. */
  code?: string;
  diagnosticSpan?: Span;
  /** For a rename: the key being renamed. */
  renamedKey?: string;
}

export const NEW_KEY = 'renamed2024';

/** The actions offered at a range, as one code action request asks for them. */
export function actionsAt(analysis: Analysis, range: Span, languageId: string, render: EntryRenderer): DocumentEditAction[] {
  return [
    ...quickFixes(analysis, range, languageId).map((fix): DocumentEditAction => ({ kind: 'quick fix', ...fix })),
    ...addCitedEntryActions(analysis, range, languageId, render).map((action): DocumentEditAction => ({ kind: 'add entry', ...action })),
    ...convertCitationActions(analysis, range).map((action): DocumentEditAction => ({ kind: 'convert citation', ...action })),
  ];
}

/** The actions on the whole document: sorting its list and writing the list of its cited works. */
export function documentActions(analysis: Analysis, languageId: string, render: EntryRenderer): DocumentEditAction[] {
  const actions: DocumentEditAction[] = [];
  const sorting = sortReferences(analysis);
  if (sorting.length) actions.push({ kind: 'sort', title: 'sort', edits: sorting });
  const generated = generateReferences(analysis, languageId, render);
  if (generated) actions.push({ kind: 'generate references', ...generated });
  return actions;
}

/** Renaming each key cited in the document, with the edits that fall in the document itself. */
export function renameActions(analysis: Analysis, uri: string): DocumentEditAction[] {
  return analysis.facts.keyedCitations.flatMap((citation) =>
    citation.keys.flatMap((cited): DocumentEditAction[] => {
      const changes = renameKey({ uri, analysis }, cited.span.start, NEW_KEY, []);
      if (!Array.isArray(changes)) return [];
      const edits = changes.filter((change) => change.uri === uri).flatMap((change) => change.edits);
      return [{ kind: 'rename', title: `rename ${cited.key}`, edits, renamedKey: cited.key }];
    }),
  );
}
