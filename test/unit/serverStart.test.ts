// When the client starts its language server: at once when a document of a checked language is open, else when the
// first one opens, including one of a language the person added to `citewise.languages`; never for other documents.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startWhenChecked, type DocumentEvents, type OpenedDocument } from '../../client/src/serverStart';

function editor(open: OpenedDocument[], languages: string[]) {
  const listeners = new Set<(document: OpenedDocument) => void>();
  const events: DocumentEvents = {
    openDocuments: () => open,
    onDidOpen: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    checkedLanguages: () => languages,
  };
  const opens = (document: OpenedDocument) => {
    open.push(document);
    for (const listener of [...listeners]) listener(document);
  };
  return { events, opens, listening: () => listeners.size };
}

const file = (languageId: string): OpenedDocument => ({ languageId, uri: { scheme: 'file' } });

test('a checked document already open starts the server at once', () => {
  const { events } = editor([file('json'), file('markdown')], ['markdown', 'plaintext']);
  let starts = 0;
  startWhenChecked(events, () => starts++);
  assert.equal(starts, 1);
});

test('without one, the server starts when the first checked document opens, and only once', () => {
  const { events, opens, listening } = editor([file('json')], ['markdown']);
  let starts = 0;
  startWhenChecked(events, () => starts++);
  assert.equal(starts, 0);
  opens(file('python'));
  opens({ languageId: 'markdown', uri: { scheme: 'git' } });
  assert.equal(starts, 0, 'other languages and a git diff view start nothing');
  opens({ languageId: 'markdown', uri: { scheme: 'untitled' } });
  opens(file('markdown'));
  assert.equal(starts, 1);
  assert.equal(listening(), 0, 'it stops listening once started');
});

test('a language added to the setting starts the server for its documents', () => {
  const languages = ['markdown'];
  const { events, opens } = editor([], languages);
  let starts = 0;
  startWhenChecked(events, () => starts++);
  opens(file('asciidoc'));
  assert.equal(starts, 0);
  languages.push('asciidoc');
  opens(file('asciidoc'));
  assert.equal(starts, 1);
});

test('stopping the wait before any document opens starts nothing', () => {
  const { events, opens } = editor([], ['markdown']);
  let starts = 0;
  startWhenChecked(events, () => starts++).dispose();
  opens(file('markdown'));
  assert.equal(starts, 0);
});
