// What clicking the status bar item opens: a quick pick of the active document's Citewise problems, choosing one
// reveals it in the editor, and a last item opens the Problems panel. VS Code has no command that opens the Problems
// panel with a filter text (its markers contribution offers focus, focus-the-filter and clear-the-filter commands, none
// taking text), so a list of this document's own problems is the closest honest answer to "the Citewise problems".

import { commands, DiagnosticSeverity, languages, Selection, TextEditorRevealType, window, type Diagnostic, type QuickPickItem, type TextDocument } from 'vscode';

/** The command the status bar item runs. */
export const SHOW_PROBLEMS_COMMAND = 'citewise.showProblems';

const OPEN_PANEL_LABEL = '$(warning) Open the Problems panel';

interface ProblemItem extends QuickPickItem {
  /** Absent for the item that opens the Problems panel. */
  diagnostic?: Diagnostic;
}

const SEVERITY_ICON: Record<DiagnosticSeverity, string> = {
  [DiagnosticSeverity.Error]: '$(error)',
  [DiagnosticSeverity.Warning]: '$(warning)',
  [DiagnosticSeverity.Information]: '$(info)',
  [DiagnosticSeverity.Hint]: '$(lightbulb)',
};

function codeOf(diagnostic: Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? '' : String(code);
}

/** The document's Citewise problems in the order of the text, as quick pick items. */
function problemItems(document: TextDocument): ProblemItem[] {
  return languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === 'citewise')
    .sort((a, b) => a.range.start.compareTo(b.range.start))
    .map((diagnostic) => ({
      label: `${SEVERITY_ICON[diagnostic.severity]} ${diagnostic.message}`,
      description: `line ${diagnostic.range.start.line + 1}`,
      detail: codeOf(diagnostic) || undefined,
      diagnostic,
    }));
}

/** Lists the active document's Citewise problems; the chosen one is selected and revealed in its editor. */
export async function showProblems(): Promise<void> {
  const editor = window.activeTextEditor;
  const problems = editor ? problemItems(editor.document) : [];
  const picked = await window.showQuickPick<ProblemItem>([...problems, { label: OPEN_PANEL_LABEL }], {
    title: problems.length === 0 ? 'Citewise finds no problem in this document' : `Citewise problems in this document: ${problems.length}`,
    placeHolder: 'Choose a problem to go to it',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  if (!picked.diagnostic || !editor) {
    await commands.executeCommand('workbench.action.problems.focus');
    return;
  }
  const shown = await window.showTextDocument(editor.document, editor.viewColumn);
  const { range } = picked.diagnostic;
  shown.selection = new Selection(range.start, range.end);
  shown.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}
