#!/usr/bin/env node
// `npm run try`: opens the bundled example in a real VS Code for people without one at hand. code-server (installed on
// first use into a cache folder outside the repository) serves VS Code on 127.0.0.1 with Citewise installed; open the
// printed address in a browser. Ctrl+C stops it and everything it started.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer } = require('./codeServer');
const { installExtension } = require('./installExtension');

const repositoryRoot = path.resolve(__dirname, '..', '..');

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'citewise-try-'));
  const workspace = path.join(scratch, 'examples');
  fs.cpSync(path.join(repositoryRoot, 'examples'), workspace, { recursive: true });
  const extensionsDir = path.join(scratch, 'extensions');
  installExtension(repositoryRoot, extensionsDir);
  const server = await startCodeServer({ userDataDir: path.join(scratch, 'user-data'), extensionsDir, settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  const address = `${server.baseUrl}/?folder=${encodeURIComponent(workspace)}`;
  process.stdout.write(`\nCitewise is running in VS Code at:\n\n  ${address}\n\nOpen it in a browser, then open essay.md. The example is a copy in ${workspace}.\nPress Ctrl+C to stop.\n`);
  const stop = async () => {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
