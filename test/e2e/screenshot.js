#!/usr/bin/env node
// Takes the README's pictures the way a person would see Citewise: installs the built extension into a fresh
// code-server, opens examples/essay.md, waits for the squiggles, hovers a citation, and saves
//   docs/screenshot.png  the reference entry shown on hover, next to a citation without an entry;
//   docs/problems.png    the Problems panel listing what Citewise found.
// Run `npm run screenshot` (it builds first). Environment: CITEWISE_CODE_SERVER, CHROMIUM_PATH as for the tests.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { installExtension } = require('./installExtension');
const { patience, openWorkbench, openFile, hoverText, dismissHover } = require('./workbench');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const docsFolder = path.join(repositoryRoot, 'docs');
const viewport = { width: 1400, height: 900 };

const startTime = Date.now();
const progress = (message) => console.log(`[${((Date.now() - startTime) / 1000).toFixed(1)} s] ${message}`);

async function takeScreenshots(baseUrl, workspace, userDataDir) {
  const browser = await launchBrowser(path.join(userDataDir, 'browser'));
  try {
    const page = await browser.newPage({ viewport });
    await openWorkbench(page, baseUrl, workspace);
    progress('workbench shown');
    await openFile(page, 'essay.md', 'Cooling the city');
    progress('essay.md open');
    // Only the errors are on the first screen; the warnings are on uncited entries further down.
    await page.waitForSelector('.monaco-editor .squiggly-error', patience);
    progress('squiggles shown');

    await hoverText(page, 'Oke, 1982', 'The energetic basis of the urban heat island');
    progress('hover shown');
    await page.screenshot({ path: path.join(docsFolder, 'screenshot.png') });

    await dismissHover(page, viewport);
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel .monaco-list-row:has-text("is never cited")', patience);
    progress('Problems panel shown');
    await page.screenshot({ path: path.join(docsFolder, 'problems.png') });
  } catch (error) {
    const failureShot = path.join(userDataDir, 'failure.png');
    await browser.contexts()[0]?.pages()[0]?.screenshot({ path: failureShot }).catch(() => {});
    throw new Error(`${error.message}\n(the screen at that moment: ${failureShot})`);
  } finally {
    await browser.close();
  }
}

const overallTimeoutMs = 5 * 60_000;
let stopCodeServer = async () => {};

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'citewise-screenshot-'));
  const workspace = path.join(scratch, 'examples');
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.cpSync(path.join(repositoryRoot, 'examples'), workspace, { recursive: true });
  installExtension(repositoryRoot, extensionsDir);
  fs.mkdirSync(docsFolder, { recursive: true });

  const codeServer = await startCodeServer({ userDataDir, extensionsDir, settings: { 'workbench.colorTheme': 'Default Dark Modern' } });
  stopCodeServer = codeServer.stop;
  let succeeded = false;
  try {
    progress(`code-server at ${codeServer.baseUrl}`);
    await takeScreenshots(codeServer.baseUrl, workspace, userDataDir);
    succeeded = true;
    progress('saved docs/screenshot.png and docs/problems.png');
  } finally {
    await codeServer.stop();
    if (succeeded) fs.rmSync(scratch, { recursive: true, force: true });
    else console.error(`Kept the profile and the code-server log in ${scratch}`);
  }
}

// code-server runs detached, so it would outlive this script if the script simply died: stop it on every way out.
async function abandon(message) {
  console.error(message);
  await stopCodeServer();
  process.exit(1);
}
setTimeout(() => abandon(`Gave up after ${overallTimeoutMs / 1000} s.`), overallTimeoutMs).unref();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abandon(`Stopped by ${signal}.`));

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
