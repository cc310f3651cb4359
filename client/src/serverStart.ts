// When the language server starts. The extension wakes for the languages it knows (their activation events are fixed
// in package.json) and also once the editor has started, because a language added to `citewise.languages` has no
// activation event of its own. Waking costs little; the server is started only once a document Citewise checks is
// open, so that a window without such documents runs no server. Pure: no VS Code here, so that the rule is tested on
// its own; the extension passes in what it reads from the editor.

/** An open document as far as this rule needs it. */
export interface OpenedDocument {
  languageId: string;
  uri: { scheme: string };
}

/** What the rule reads from the editor. */
export interface DocumentEvents {
  /** The documents open now. */
  openDocuments(): readonly OpenedDocument[];
  /** Calls the listener for every document opened from now on (also when one changes language); gives back a way to
   * stop listening. */
  onDidOpen(listener: (document: OpenedDocument) => void): { dispose(): unknown };
  /** The languages Citewise checks, read afresh each time (the setting can change). */
  checkedLanguages(): readonly string[];
}

/** Documents in these schemes are checked; others (output panels, diff views of git objects) are not. */
export const CHECKED_SCHEMES = ['file', 'untitled'];

function isChecked(document: OpenedDocument, languages: readonly string[]): boolean {
  return CHECKED_SCHEMES.includes(document.uri.scheme) && languages.includes(document.languageId);
}

/** Whether a document Citewise checks is open now. */
export function checksAnOpenDocument(events: DocumentEvents): boolean {
  const languages = events.checkedLanguages();
  return events.openDocuments().some((document) => isChecked(document, languages));
}

/**
 * Calls `start` once: at once when a checked document is open, or else when the first one opens. Gives back a way to
 * stop waiting (when the extension is deactivated first).
 */
export function startWhenChecked(events: DocumentEvents, start: () => void): { dispose(): unknown } {
  if (checksAnOpenDocument(events)) {
    start();
    return { dispose: () => undefined };
  }
  const waiting = events.onDidOpen((document) => {
    if (!isChecked(document, events.checkedLanguages())) return;
    waiting.dispose();
    start();
  });
  return waiting;
}
