// No edit of Citewise loses text. On generated documents (entries in random order, citations with the usual mistakes,
// CRLF or LF, a byte order mark or none, non-ASCII text and tabs), every edit the extension can make is checked: it
// lies inside the text and does not overlap the others of its action, everything outside its span is kept, it writes
// the document's own line ending, and it does what its title says. Seeded and bounded so that `npm test` stays quick.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { analyse, type Analysis } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { sortReferences } from '../../server/src/core/features/sortReferences';
import { generateReferences } from '../../server/src/core/features/generateReferences';
import { EntryFormatter } from '../../server/src/core/render/format';
import { defaultDiagnosticSettings, type ReferenceEntry, type Span } from '../../server/src/core/types';
import { sampleBibliography } from '../support/sampleBibliography';
import { applyKeepingTheRest, assertLineEndingsKept } from '../support/editChecks';
import { startServer } from '../support/lspClient';
import { editDocument, type EditDocument } from './editDocuments';
import { actionsAt, documentActions, renameActions, type DocumentEditAction } from './editActions';

/** Change the seed to explore new cases; a failure message prints the seed and path that replay it. */
const SEED = 20261130;
const RUNS = 200;
const LANGUAGE = 'markdown';
const URI = 'file:///project/essay.md';

const formatter = new EntryFormatter();
const render = (entry: ReferenceEntry) => formatter.format(entry, 'apa').markdown;

const analysed = (text: string, version = 1): Analysis => analyse(text, LANGUAGE, version, sampleBibliography);

const countOf = (analysis: Analysis, code: string): number => diagnose(analysis, defaultDiagnosticSettings).filter((d) => d.code === code).length;

const entryTexts = (analysis: Analysis): string[] => (analysis.facts.referenceList?.entries ?? []).map((entry) => entry.text).sort();

/** The ranges a person asks for actions at: each citation, key and entry, and one range anywhere. */
function rangesOf(analysis: Analysis, anywhere: [number, number]): Span[] {
  const { facts, text } = analysis;
  const [a, b] = anywhere.map((at) => Math.floor(at * text.length));
  return [
    ...facts.citations.flatMap((citation) => [citation.span, ...citation.items.map((work) => work.span)]),
    ...facts.keyedCitations.flatMap((citation) => citation.keys.map((key) => key.span)),
    ...(facts.referenceList?.entries ?? []).map((entry) => entry.span),
    { start: Math.min(a, b), end: Math.max(a, b) },
  ];
}

/** Every action at every range, each offered once however many ranges reach it. */
function allActions(analysis: Analysis, anywhere: [number, number]): DocumentEditAction[] {
  const seen = new Set<string>();
  const actions = [...rangesOf(analysis, anywhere).flatMap((range) => actionsAt(analysis, range, LANGUAGE, render)), ...documentActions(analysis, LANGUAGE, render), ...renameActions(analysis, URI)];
  return actions.filter((action) => {
    const id = JSON.stringify(action);
    return !seen.has(id) && seen.add(id);
  });
}

/** Checks that the action did what its title says, on the text before and after it. */
function assertDoesWhatItSays(before: Analysis, after: string, action: DocumentEditAction): void {
  const what = `${action.kind} "${action.title}"`;
  const reanalysed = analysed(after, 2);
  const removed = action.edits.map((edit) => before.text.slice(edit.span.start, edit.span.end));
  switch (action.kind) {
    case 'quick fix':
      if (action.code === 'missing-entry' || action.code === 'unknown-key' || action.code === 'uncited-entry') {
        assert.ok(countOf(reanalysed, action.code) < countOf(before, action.code), `${what}: the ${action.code} diagnostic it answered is gone`);
      }
      if (action.title.startsWith('Comment out')) action.edits.forEach((edit, i) => assert.ok(edit.newText.includes(removed[i]), `${what}: the entry is kept inside the comment`));
      if (action.title.startsWith('Remove')) {
        const entry = before.facts.referenceList!.entries.find((e) => e.span.start === action.diagnosticSpan!.start)!;
        assert.match(removed.join('').replace(before.text.slice(entry.span.start, entry.span.end), ''), /^[\s-]*$/u, `${what}: only the entry and the space around it go`);
      }
      break;
    case 'sort':
      assert.deepEqual(sortReferences(reanalysed), [], `${what}: the sorted list is in order`);
      assert.deepEqual(entryTexts(reanalysed), entryTexts(before), `${what}: the same entries, each written as before`);
      break;
    case 'generate references':
      assert.ok(action.edits.every((edit) => edit.span.start === edit.span.end), `${what}: nothing is removed`);
      assert.equal(generateReferences(reanalysed, LANGUAGE, render), undefined, `${what}: the list then has every cited work`);
      break;
    case 'add entry':
      assert.ok(action.edits.every((edit) => edit.span.start === edit.span.end), `${what}: nothing is removed`);
      assert.equal(reanalysed.facts.referenceList?.entries.length, (before.facts.referenceList?.entries.length ?? 0) + 1, `${what}: the list has one entry more`);
      break;
    case 'convert citation':
      assert.ok(action.edits.every((edit) => before.facts.citations.some((c) => c.span.start === edit.span.start && c.span.end === edit.span.end)), `${what}: only the citation is rewritten`);
      break;
    case 'rename':
      assert.ok(removed.every((text) => text === action.renamedKey), `${what}: only the key is replaced`);
      break;
  }
}

function checkDocument({ text, lineEnding }: EditDocument, anywhere: [number, number]): void {
  const analysis = analysed(text);
  // A document of one line has no line ending of its own yet; "\n" is what the actions write into it.
  const expected = text.includes('\n') ? lineEnding : '\n';
  for (const action of allActions(analysis, anywhere)) {
    const what = `${action.kind} "${action.title}"`;
    assertLineEndingsKept(text, action.edits, expected, what);
    const after = applyKeepingTheRest(text, action.edits, what);
    assertDoesWhatItSays(analysis, after, action);
  }
}

const anywhere = fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));

test('every edit stays inside the text, keeps what lies outside it and the line endings, and does what it says', () => {
  fc.assert(
    fc.property(editDocument, anywhere, (document, range) => checkDocument(document, range)),
    { seed: SEED, numRuns: RUNS },
  );
});

test('sorting twice changes nothing the second time, and keeps every entry byte for byte', () => {
  fc.assert(
    fc.property(editDocument, ({ text }) => {
      const before = analysed(text);
      const sorted = applyKeepingTheRest(text, sortReferences(before), 'sort');
      const after = analysed(sorted, 2);
      assert.deepEqual(sortReferences(after), []);
      assert.deepEqual(entryTexts(after), entryTexts(before));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('a LaTeX entry of several CRLF lines is commented out line by line, without splitting a line break', () => {
  const text = 'Risk is felt \\cite{slovic}.\r\n\r\n\\begin{thebibliography}{9}\r\n\\bibitem{slovic} Slovic, P. (1987). Perception of risk.\r\n\\bibitem{zhao} Zhao, L. (2014). Never cited.\r\n  Nature, 511, 216--219.\r\n\\end{thebibliography}\r\n';
  const analysis = analyse(text, 'latex', 1);
  const at = text.indexOf('Zhao');
  const fixes = quickFixes(analysis, { start: at, end: at }, 'latex').filter((fix) => fix.code === 'uncited-entry');
  assert.deepEqual(fixes.map((fix) => fix.title), ['Remove this entry, which nothing cites', 'Comment out this entry, which nothing cites']);
  for (const fix of fixes) assertLineEndingsKept(text, fix.edits, '\r\n', fix.title);
  const [removed, commented] = fixes.map((fix) => applyKeepingTheRest(text, fix.edits, fix.title));
  assert.equal(removed, text.replace('\\bibitem{zhao} Zhao, L. (2014). Never cited.\r\n  Nature, 511, 216--219.\r\n', ''));
  assert.equal(commented, text.replace('\\bibitem{zhao} Zhao, L. (2014). Never cited.\r\n  Nature', '% \\bibitem{zhao} Zhao, L. (2014). Never cited.\r\n%   Nature'));
});

test('a code action computed for one version keeps that version after the document changes, so VS Code refuses it', async () => {
  const server = await startServer();
  try {
    const text = 'Risk is felt (Slovik, 1987).\r\n\r\n## References\r\n\r\nSlovic, P. (1987). Perception of risk. *Science*, 236(4799), 280–285.\r\n';
    const uri = 'file:///project/versioned.md';
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: LANGUAGE, version: 1, text } });
    const at = TextDocument.create(uri, LANGUAGE, 1, text).positionAt(text.indexOf('Slovik') + 2);
    // The change is sent before the answer arrives: the server answers for the version it had when it was asked.
    const asked = server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } });
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `Added first.\r\n${text}` }] });
    const actions = (await asked) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Change to Slovic, 1987');
    assert.ok(fix, `the fix is offered; got ${actions.map((a) => a.title).join(' | ')}`);
    const [change] = fix.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    const later = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: at.line + 1, character: at.character }, end: { line: at.line + 1, character: at.character } },
      context: { diagnostics: [], only: ['quickfix'] },
    })) as CodeAction[];
    const refreshed = later.find((action) => action.title === 'Change to Slovic, 1987');
    assert.equal((refreshed?.edit?.documentChanges as TextDocumentEdit[] | undefined)?.[0].textDocument.version, 2, 'asked again, the fix is for the new version');
  } finally {
    await server.stop();
  }
});
