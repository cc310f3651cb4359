#!/usr/bin/env node
// Runs the extension-host tests (test/e2e/suite, compiled to out/) in a real VS Code through @vscode/test-electron.
// The VS Code is code-server, started by launcher.js; the workspace is a fresh copy of test/fixtures, so the tests may
// edit and save files without touching the repository. Run `npm run test:e2e`, which builds and compiles first.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { locateCodeServer } = require('./codeServer');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const launcher = path.join(__dirname, 'launcher.js');
const suiteIndex = path.join(repositoryRoot, 'out', 'test', 'e2e', 'suite', 'index.js');

async function main() {
  if (!fs.existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing; run \`npm run compile-tests\` first`);
  if (!fs.existsSync(path.join(repositoryRoot, 'dist', 'extension.js'))) throw new Error('dist/ is missing; run `npm run build` first');
  // Install or find code-server once here, so that the launcher does not have to print the install's progress.
  process.env.CITEWISE_CODE_SERVER ??= locateCodeServer();

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'citewise-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  fs.cpSync(path.join(repositoryRoot, 'test', 'fixtures'), workspace, { recursive: true });
  try {
    await runTests({
      vscodeExecutablePath: launcher,
      extensionDevelopmentPath: repositoryRoot,
      extensionTestsPath: suiteIndex,
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
    });
  } finally {
    if (!process.env.CITEWISE_E2E_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
    else console.log(`Kept the workspace, profile and code-server log in ${scratch}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
