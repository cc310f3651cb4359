#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron starts (its `vscodeExecutablePath`), for machines
// where code-server is the VS Code at hand. It takes the same arguments as the desktop executable
// (--extensionDevelopmentPath=, --extensionTestsPath=, --user-data-dir=, --extensions-dir=, a folder), serves that
// folder with code-server, opens the workbench in headless Chromium, passes the test paths in the URL's `payload`
// parameter (the way VS Code's own web test runner does), prints the tests' output, and exits with their exit code.
//
// Environment: CITEWISE_CODE_SERVER (the code-server binary; default: the install script's cached install),
// CHROMIUM_PATH, CITEWISE_E2E_TIMEOUT_S (default 300), CITEWISE_E2E_VERBOSE=1 (also print the workbench's own log).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const { startCodeServer, remoteUri } = require('./codeServer');
const { launchBrowser } = require('./browser');

const valueOptions = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);

function parseArguments(argv) {
  const parsed = { developmentPaths: [], testsPath: undefined, folder: undefined, userDataDir: undefined, extensionsDir: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) {
      parsed.folder ??= path.resolve(argv[i]);
      continue;
    }
    const [, name, inlineValue] = match;
    if (name === 'version') parsed.version = true;
    if (!valueOptions.has(name)) continue; // Desktop-only flags such as --no-sandbox mean nothing to code-server.
    const value = path.resolve(inlineValue ?? argv[++i]);
    if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(value);
    if (name === 'extensionTestsPath') parsed.testsPath = value;
    if (name === 'user-data-dir') parsed.userDataDir = value;
    if (name === 'extensions-dir') parsed.extensionsDir = value;
  }
  return parsed;
}

// The workbench forwards all of its console output; these lines are its own bookkeeping, not the tests' output.
const workbenchChatter = [
  /^\[[\w:. -]+\] /,
  /vsda|open-vsx|ENOTFOUND|connection token|Creating a socket|Service Worker|builtin extensions cache/,
  /ChatSessionStore|authentication provider/,
];

function printTestOutput(type, args) {
  const line = util.format(...args);
  if (!process.env.CITEWISE_E2E_VERBOSE && workbenchChatter.some((pattern) => pattern.test(line))) return;
  (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

function workbenchUrl(baseUrl, authority, { folder, developmentPaths, testsPath }) {
  const payload = developmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(authority, p)]);
  if (testsPath) payload.push(['extensionTestsPath', remoteUri(authority, testsPath)]);
  const where = folder ? `folder=${encodeURIComponent(folder)}` : 'ew=true';
  return `${baseUrl}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

const started = { codeServer: undefined, browser: undefined, scratch: undefined };

async function stopEverything() {
  const { codeServer, browser, scratch } = started;
  started.codeServer = started.browser = started.scratch = undefined;
  await browser?.close().catch(() => {});
  await codeServer?.stop();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}

/** A folder that lives as long as this run, for a profile the caller did not provide. */
function scratchFolder() {
  started.scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'citewise-vscode-'));
  return started.scratch;
}

async function runTests(options) {
  const userDataDir = options.userDataDir ?? path.join(scratchFolder(), 'user-data');
  const extensionsDir = options.extensionsDir ?? path.join(scratchFolder(), 'extensions');
  started.codeServer = await startCodeServer({ userDataDir, extensionsDir });
  const { baseUrl, authority, logPath } = started.codeServer;
  started.codeServer.process.on('exit', (code) => {
    if (started.codeServer) finish(1, `code-server stopped unexpectedly (exit code ${code}); see ${logPath}`);
  });

  started.browser = await launchBrowser(path.join(userDataDir, 'browser'));
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 } });
  let reportExitCode;
  const testsFinished = new Promise((resolve) => {
    reportExitCode = resolve;
  });
  // The same two hooks that VS Code's web test runner installs: the workbench calls them when it sees the payload.
  await page.exposeFunction('codeAutomationLog', printTestOutput);
  await page.exposeFunction('codeAutomationExit', (code) => reportExitCode(code));
  await page.goto(workbenchUrl(baseUrl, authority, options));
  return testsFinished;
}

let finishing = false;
async function finish(code, message) {
  if (finishing) return;
  finishing = true;
  if (message) console.error(message);
  await stopEverything();
  process.exit(code);
}

function main() {
  const options = parseArguments(process.argv.slice(2));
  if (options.version) {
    console.log('code-server launcher for @vscode/test-electron');
    return;
  }
  if (!options.testsPath) {
    console.error('usage: launcher.js --extensionDevelopmentPath=<folder> --extensionTestsPath=<module> [folder]');
    process.exit(2);
  }
  const timeoutSeconds = Number(process.env.CITEWISE_E2E_TIMEOUT_S ?? 300);
  setTimeout(() => finish(1, `No test result after ${timeoutSeconds} s; stopping VS Code.`), timeoutSeconds * 1000);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => finish(130, `Stopped by ${signal}.`));
  runTests(options).then(
    (code) => finish(code),
    (error) => finish(1, `Could not run the tests in VS Code: ${error?.stack ?? error}`),
  );
}

main();
