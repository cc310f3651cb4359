/// <reference types="mocha" />
// The status bar's list of problems and renaming a key from its .bib entry, inside a real VS Code.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { pollUntil } from './poll';

function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started with the fixtures folder as its workspace');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `the document contains ${needle}`);
  return document.positionAt(offset + delta);
}

suite('Citewise navigation in VS Code', () => {
  test('the status bar command lists the document’s problems; choosing the first one selects it in the editor', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('seed-essay.md'));
    const editor = await vscode.window.showTextDocument(document);
    const problems = await pollUntil(
      'Citewise diagnostics of the essay',
      () => vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'citewise'),
      (ds) => ds.length > 0,
    );
    const first = [...problems].sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    let chosen = false;
    const picking = vscode.commands.executeCommand('citewise.showProblems').then(() => (chosen = true));
    // The list opens asynchronously: accepting its highlighted (first) item is asked for until the command returns.
    await pollUntil('the first problem to be chosen', () => vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem').then(() => chosen), (done) => done);
    await picking;
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), document.uri.toString());
    assert.deepEqual([active.selection.start, active.selection.end], [first.range.start, first.range.end]);
  });

  test('renaming a key from its .bib entry edits the entry, the paper and a chapter that is not open', async () => {
    const chapter = workspaceFile('pandoc', 'chapter-unopened.md');
    const chapterText = '---\nbibliography: refs.bib\n---\n\nAs @oke1982 showed [see also @oke1982, p. 2].\n';
    await vscode.workspace.fs.writeFile(chapter, Buffer.from(chapterText));
    try {
      const bib = await vscode.workspace.openTextDocument(workspaceFile('pandoc', 'refs.bib'));
      await vscode.window.showTextDocument(bib);
      const key = positionOf(bib, 'oke1982', 2);
      const edit = await pollUntil(
        'a rename edit from refs.bib',
        () => vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', bib.uri, key, 'oke1982heat'),
        (found) => !!found && found.entries().some(([uri]) => uri.toString() === chapter.toString()),
      );
      const byFile = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').slice(-2).join('/'), edits]));
      assert.deepEqual([...byFile.keys()].sort(), ['pandoc/chapter-unopened.md', 'pandoc/paper.md', 'pandoc/refs.bib']);
      assert.deepEqual(byFile.get('pandoc/refs.bib')!.map((e) => [bib.getText(e.range), e.newText]), [['oke1982', 'oke1982heat']]);
      const chapterDocument = await vscode.workspace.openTextDocument(chapter);
      assert.deepEqual(byFile.get('pandoc/chapter-unopened.md')!.map((e) => chapterDocument.getText(e.range)), ['oke1982', 'oke1982']);
    } finally {
      await vscode.workspace.fs.delete(chapter);
    }
  });
});
