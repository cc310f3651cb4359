// Entry point that VS Code calls inside the extension host (the `extensionTestsPath`): runs every *.e2e.js file next to
// it with mocha. The files are named *.e2e.ts, not *.test.ts, so that the Node unit test runner leaves them alone:
// they need the `vscode` module, which exists only inside the editor.

import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90_000 });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.e2e.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  // Mocha's summary is worded for people; this closing line is the one a CI log is searched for.
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} end-to-end test(s) failed`);
}
