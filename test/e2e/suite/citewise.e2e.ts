/// <reference types="mocha" />
// Citewise inside a real VS Code: the extension activates on a Markdown file, and the editor shows the server's
// diagnostics, hover and completion for the seed essay (test/fixtures/seed-essay.md, copied into the workspace).

import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { pollUntil } from './poll';

const extensionId = 'citewise.citewise';

const expectedProblems = [
  'error: No reference entry for "New U.S. anti-personnel landmine" (2022).',
  'error: No reference entry for Cluster Munition Coalition (2024).',
  'error: No reference entry for Human Rights Watch (2023).',
  'error: No reference entry for Ingebritsen (2002).',
  "warning: O'Brien (2009) is never cited.",
  'warning: Petrova (2016) is never cited.',
  'warning: Rutherford (2004) is never cited.',
  'warning: United Nations (2018) is never cited.',
  'warning: United Nations (2023) is never cited.',
  'warning: van den Boogard (2024) is never cited.',
];

const ingebritsenEntry = "Ingebritsen, C. (2002). Norm entrepreneurs: Scandinavia's role in world politics. *Cooperation and Conflict*, 37(1), 11–23.\n\n";

const severityNames = new Map([
  [vscode.DiagnosticSeverity.Error, 'error'],
  [vscode.DiagnosticSeverity.Warning, 'warning'],
  [vscode.DiagnosticSeverity.Information, 'information'],
  [vscode.DiagnosticSeverity.Hint, 'hint'],
]);

/** A diagnostic as a person reads it in the Problems panel, e.g. "error: No reference entry for ...". */
function asProblem(diagnostic: vscode.Diagnostic): string {
  return `${severityNames.get(diagnostic.severity)}: ${diagnostic.message}`;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function textOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function seedUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was started with the fixtures folder as its workspace');
  return vscode.Uri.joinPath(folder.uri, 'seed-essay.md');
}

function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  assert.ok(offset >= 0, `the document contains ${needle}`);
  return document.positionAt(offset + delta);
}

function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  return new vscode.Range(positionOf(document, needle), positionOf(document, needle, needle.length));
}

async function citewiseDiagnostics(uri: vscode.Uri, isDone: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return pollUntil('Citewise diagnostics', () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'citewise'), isDone);
}

/** Replaces the whole text of the editor's document, and fails if VS Code refused the edit. */
async function replaceAllText(editor: vscode.TextEditor, text: string): Promise<void> {
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  assert.ok(await editor.edit((builder) => builder.replace(whole, text)), 'VS Code applied the edit');
}

suite('Citewise in VS Code', () => {
  let editor: vscode.TextEditor;
  let originalText: string;

  suiteSetup(async () => {
    const document = await vscode.workspace.openTextDocument(seedUri());
    originalText = document.getText();
    editor = await vscode.window.showTextDocument(document);
  });

  teardown(async () => {
    // Each test starts from the essay as it is on disk, whatever the previous one typed. Saving the restored text
    // (into the workspace copy) leaves no unsaved editor behind to hold up the window's closing.
    if (editor.document.getText() !== originalText) await replaceAllText(editor, originalText);
    if (editor.document.isDirty) assert.ok(await editor.document.save(), 'the restored essay was saved');
  });

  test('the extension is active once a Markdown file is open', async () => {
    assert.equal(editor.document.languageId, 'markdown');
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed as the development extension`);
    await pollUntil('the extension to activate', () => extension.isActive, (active) => active);
  });

  test('the Problems panel shows exactly the citations without an entry and the entries never cited', async () => {
    const diagnostics = await citewiseDiagnostics(editor.document.uri, (ds) => ds.length >= expectedProblems.length);
    assert.deepEqual(diagnostics.map(asProblem).sort(), expectedProblems);
    const codes = new Set(diagnostics.map(codeOf));
    assert.deepEqual([...codes].sort(), ['missing-entry', 'uncited-entry']);
    const ingebritsen = diagnostics.find((d) => d.message.includes('Ingebritsen'));
    assert.deepEqual(ingebritsen?.range, rangeOf(editor.document, 'Ingebritsen (2002)'));
  });

  test('hovering "(Qerimi, 2023)" shows its full reference entry', async () => {
    const position = positionOf(editor.document, '(Qerimi, 2023)', 3);
    const hovers = await pollUntil(
      'a hover on (Qerimi, 2023)',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position),
      (hs) => hs.some((h) => h.contents.map(textOf).join('\n').includes('Qerimi')),
    );
    const text = hovers.flatMap((h) => h.contents.map(textOf)).join('\n');
    assert.match(text, /Qerimi, Q\. \(2023\)\. Controlling lethal autonomous weapons systems/);
    assert.match(text, /https:\/\/doi\.org\/10\.1016\/j\.clsr\.2023\.105854/);
  });

  test('typing "(Qer" offers "Qerimi, 2023"', async () => {
    const citation = rangeOf(editor.document, '(Qerimi, 2023).');
    assert.ok(await editor.edit((builder) => builder.replace(citation, '(')), 'VS Code applied the edit');
    const afterParenthesis = citation.start.translate(0, 1);
    editor.selection = new vscode.Selection(afterParenthesis, afterParenthesis);
    await vscode.commands.executeCommand('type', { text: 'Qer' });
    const cursor = editor.selection.active;
    assert.equal(editor.document.getText(new vscode.Range(citation.start, cursor)), '(Qer');
    const list = await pollUntil(
      'completion items at "(Qer"',
      () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, cursor),
      (l) => l.items.some((item) => labelOf(item) === 'Qerimi, 2023'),
    );
    const qerimi = list.items.find((item) => labelOf(item) === 'Qerimi, 2023');
    assert.ok(qerimi);
  });

  test('adding a reference entry for Ingebritsen (2002) clears its diagnostic', async () => {
    const document = editor.document;
    // Start from the diagnostics of the unedited essay, so that a late answer about an earlier edit cannot pass.
    await citewiseDiagnostics(document.uri, (ds) => JSON.stringify(ds.map(asProblem).sort()) === JSON.stringify(expectedProblems));
    const inserted = await editor.edit((builder) => builder.insert(positionOf(document, "O'Brien, T. (2009)."), ingebritsenEntry));
    assert.ok(inserted, 'VS Code applied the edit');
    const diagnostics = await citewiseDiagnostics(document.uri, (ds) => ds.length > 0 && !ds.some((d) => d.message.includes('Ingebritsen')));
    assert.deepEqual(
      diagnostics.map(asProblem).sort(),
      expectedProblems.filter((p) => !p.includes('Ingebritsen')),
    );
  });
});

suite('Citewise with a bibliography file', () => {
  test('a .bib file changed on disk is picked up without a reload', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const paper = vscode.Uri.joinPath(folder.uri, 'pandoc', 'paper.md');
    const bib = vscode.Uri.joinPath(folder.uri, 'pandoc', 'refs.bib');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(paper));
    await citewiseDiagnostics(paper, (ds) => ds.some((d) => d.message === 'No bibliography entry has the key "smith2099".'));
    const original = await vscode.workspace.fs.readFile(bib);
    const added = '\n@misc{smith2099,\n  author = {Smith, Jane},\n  title = {A report from the future},\n  year = {2099}\n}\n';
    // Written to disk directly, as a reference manager's export would be, not through an editor.
    await vscode.workspace.fs.writeFile(bib, Buffer.concat([Buffer.from(original), Buffer.from(added)]));
    try {
      const diagnostics = await citewiseDiagnostics(paper, (ds) => !ds.some((d) => d.message.includes('smith2099')));
      assert.deepEqual(diagnostics.map(asProblem), []);
    } finally {
      await vscode.workspace.fs.writeFile(bib, original);
    }
  });

  test('go to definition and find references lead from a key to its entry and back', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const paper = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'pandoc', 'paper.md'));
    const key = positionOf(paper, '@oke1982', 2);
    const definitions = await pollUntil(
      'a definition of @oke1982',
      () => vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', paper.uri, key),
      (found) => found.length > 0,
    );
    const target = definitions[0] as vscode.Location;
    assert.ok(target.uri.path.endsWith('/pandoc/refs.bib'));
    const bib = await vscode.workspace.openTextDocument(target.uri);
    assert.equal(bib.lineAt(target.range.start.line).text, '@article{oke1982,');
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', paper.uri, key);
    assert.ok(references.some((r) => r.uri.toString() === paper.uri.toString() && r.range.start.isEqual(positionOf(paper, 'oke1982'))));
  });

  test('the quick fix for an unknown key changes it to the nearest key', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const thesis = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'latex', 'thesis.tex'));
    const editor = await vscode.window.showTextDocument(thesis);
    await citewiseDiagnostics(thesis.uri, (ds) => ds.some((d) => d.message.includes('"oke1928"')));
    const at = positionOf(thesis, 'oke1928', 2);
    const actions = await pollUntil(
      'a quick fix for oke1928',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', thesis.uri, new vscode.Range(at, at)),
      (found) => found.some((a) => a.title === 'Change to "oke1982"'),
    );
    const fix = actions.find((a) => a.title === 'Change to "oke1982"')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code applied the fix');
    try {
      assert.match(thesis.getText(), /An unknown key: \\cite\{oke1982\}\./);
      await citewiseDiagnostics(thesis.uri, (ds) => ds.length === 0);
    } finally {
      await vscode.commands.executeCommand('undo');
      if (editor.document.isDirty) await editor.document.save();
    }
  });
});

suite('Citewise fixes and sorts a document in VS Code', () => {
  const SORT_KIND = vscode.CodeActionKind.Source.append('sortReferences');
  const SORT_TITLE = 'Sort the reference list in APA order';

  async function openFix(name: string): Promise<{ editor: vscode.TextEditor; original: string }> {
    const folder = vscode.workspace.workspaceFolders![0];
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'fixes', name));
    return { editor: await vscode.window.showTextDocument(document), original: document.getText() };
  }

  /** Undoes the applied action and saves, so that the file is left as it is on disk for the next run. */
  async function restore(editor: vscode.TextEditor, original: string): Promise<void> {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    if (editor.document.getText() !== original) await replaceAllText(editor, original);
    if (editor.document.isDirty) assert.ok(await editor.document.save(), 'the restored file was saved');
  }

  /** The first words of the lines under the "References" heading, one for each entry. */
  function listedAuthors(document: vscode.TextDocument): string[] {
    const [, list = ''] = document.getText().split(/^## References$/m);
    return list.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => line.split(',')[0]);
  }

  test('the quick fix of a misspelt author changes "Slovik (1987)" to "Slovic (1987)" and clears its diagnostic', async () => {
    const { editor, original } = await openFix('misspelt.md');
    const document = editor.document;
    await citewiseDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'missing-entry'));
    const at = positionOf(document, 'Slovik', 2);
    const actions = await pollUntil(
      'a quick fix for Slovik (1987)',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, at)),
      (found) => found.some((a) => a.title === 'Change to Slovic (1987)'),
    );
    const fix = actions.find((a) => a.title === 'Change to Slovic (1987)')!;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'VS Code applied the fix');
    try {
      assert.equal(document.getText(), original.replace('Slovik (1987)', 'Slovic (1987)'));
      // The entry is now cited too, so the document has nothing left to report.
      await citewiseDiagnostics(document.uri, (ds) => ds.length === 0);
    } finally {
      await restore(editor, original);
    }
  });

  test('the sort action, asked for by its kind, puts the reference list in APA order and keeps every entry', async () => {
    const { editor, original } = await openFix('unsorted.md');
    const document = editor.document;
    await citewiseDiagnostics(document.uri, (ds) => ds.some((d) => codeOf(d) === 'apa-list-order'));
    const before = listedAuthors(document);
    assert.deepEqual(before, ['Zhao', 'Slovic', 'Müller']);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await pollUntil(
      'the sort action',
      () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, SORT_KIND.value),
      (found) => found.some((a) => a.title === SORT_TITLE),
    );
    assert.ok(actions.every((a) => a.kind && SORT_KIND.contains(a.kind)), `only sort actions are returned: ${actions.map((a) => a.title).join(' | ')}`);
    const sort = actions.find((a) => a.title === SORT_TITLE)!;
    const entryLines = (text: string) => text.split(/\r?\n/).sort();
    assert.ok(await vscode.workspace.applyEdit(sort.edit!), 'VS Code applied the sort');
    try {
      assert.deepEqual(listedAuthors(document), ['Müller', 'Slovic', 'Zhao']);
      assert.deepEqual(entryLines(document.getText()), entryLines(original), 'the same lines, only in another order');
      await citewiseDiagnostics(document.uri, (ds) => !ds.some((d) => codeOf(d) === 'apa-list-order'));
    } finally {
      await restore(editor, original);
    }
  });
});

suite('Citewise settings', () => {
  test('turning a rule off in the settings removes its diagnostics without a restart', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    const seed = vscode.Uri.joinPath(folder.uri, 'seed-essay.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(seed));
    await citewiseDiagnostics(seed, (ds) => ds.some((d) => codeOf(d) === 'uncited-entry'));
    const configuration = vscode.workspace.getConfiguration('citewise');
    await configuration.update('diagnostics.uncitedEntry', 'off', vscode.ConfigurationTarget.Workspace);
    try {
      const diagnostics = await citewiseDiagnostics(seed, (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'uncited-entry'));
      assert.ok(diagnostics.every((d) => codeOf(d) === 'missing-entry'));
    } finally {
      await configuration.update('diagnostics.uncitedEntry', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await citewiseDiagnostics(seed, (ds) => ds.some((d) => codeOf(d) === 'uncited-entry'));
  });
});

/** The language server processes the extension started (children of this extension host), by their process ids. */
function serverProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return parent === process.pid && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes('server.js') ? [Number(name)] : [];
      } catch {
        // The process ended while it was looked at.
        return [];
      }
    });
}

suite('Citewise after its language server crashes', () => {
  test('a crashed server is started again four times; after a fifth crash it stays stopped until restarted by hand', async function () {
    this.timeout(180_000);
    const seed = seedUri();
    const document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);
    const hoverWorks = () =>
      pollUntil('a hover from the server', () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', seed, positionOf(document, 'Qerimi, 2023', 1)), (hovers) => hovers.length > 0);
    await hoverWorks();
    let [server] = await pollUntil('one language server process', serverProcesses, (found) => found.length === 1);
    for (let crash = 1; crash <= 4; crash++) {
      process.kill(server, 'SIGKILL');
      const crashed = server;
      [server] = await pollUntil(`a new server after crash ${crash}`, serverProcesses, (found) => found.length === 1 && found[0] !== crashed);
      await hoverWorks();
    }
    process.kill(server, 'SIGKILL');
    await pollUntil('the fifth crashed server to be gone', serverProcesses, (found) => found.length === 0);
    // Nothing can announce that no restart is coming: give one as long as the restarts above took at most.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    assert.deepEqual(serverProcesses(), [], 'no server was started after the fifth crash');
    await vscode.commands.executeCommand('citewise.restartServer');
    await pollUntil('a server started by hand', serverProcesses, (found) => found.length === 1);
    await hoverWorks();
  });
});
