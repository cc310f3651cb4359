#!/usr/bin/env node
// Tests the packaged extension the way a person meets it: installs the .vsix into a fresh code-server with
// `--install-extension`, opens a copy of examples/ in Chromium, opens essay.md, and reads the results off the screen:
// the error squiggles, the Problems panel, a hover, the status bar's list of problems, a completion list and the
// Citations view. Screenshots of each step go into a folder that the test prints. Ends with the line `N passed, N failed` and a non-zero exit code when a check failed.
//
//   node test/e2e/ui.js [citewise.vsix]        (`npm run package` makes the .vsix)
// Environment: CITEWISE_CODE_SERVER, CHROMIUM_PATH as for the other end-to-end tests.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startCodeServer, installVsix } = require('./codeServer');
const { launchBrowser } = require('./browser');
const { Checklist } = require('./checklist');
const workbench = require('./workbench');

const repositoryRoot = path.resolve(__dirname, '..', '..');
const vsixPath = path.resolve(process.argv[2] ?? path.join(repositoryRoot, 'citewise.vsix'));
const viewport = { width: 1400, height: 900 };
const overallTimeoutMs = 6 * 60_000;

const expectedProblems = [
  'No reference entry for Santamouris (2015)',
  'No reference entry for Slovic (1986)',
  'Slovic (1987) is never cited',
  'Zhao et al. (2014) is never cited',
];

/** The checks, in the order a person would look; each later one needs the file open, so a failure to open stops them. */
async function checkWhatTheScreenShows(page, checklist, screenshotsFolder) {
  const screenshot = (name) => page.screenshot({ path: path.join(screenshotsFolder, `${name}.png`) });

  const opened = await checklist.check('essay.md opens from Quick Open', async () => {
    await workbench.openFile(page, 'essay.md', 'Cooling the city');
  });
  if (!opened) return;

  await checklist.check('the two citations without an entry are underlined as errors', async () => {
    await workbench.pollUntil(async () => (await page.locator('.monaco-editor .squiggly-error').count()) >= 2, 'two error squiggles');
    await screenshot('1-squiggles');
  });

  await checklist.check('hovering "(Oke, 1982" shows the title of the entry', async () => {
    await workbench.hoverText(page, 'Oke, 1982', 'The energetic basis of the urban heat island');
    await screenshot('2-hover');
    await workbench.dismissHover(page, viewport);
  });

  await checklist.check('the Problems panel lists what Citewise found', async () => {
    await page.keyboard.press('Control+Shift+M');
    await page.waitForSelector('.markers-panel', workbench.patience);
    const rows = page.locator('.markers-panel .monaco-list-row');
    const listsEveryProblem = async () => {
      const listed = (await rows.allTextContents()).join('\n');
      return expectedProblems.every((problem) => listed.includes(problem));
    };
    try {
      await workbench.pollUntil(listsEveryProblem, 'every expected problem in the Problems panel');
    } catch (error) {
      const listed = (await rows.allTextContents()).join('\n');
      const missing = expectedProblems.filter((problem) => !listed.includes(problem));
      throw new Error(`${error.message}\nmissing: ${missing.join('; ')}\nthe panel lists:\n${listed}`);
    }
    await screenshot('3-problems');
  });

  await checklist.check('clicking the status bar item lists the document\'s problems and offers the Problems panel', async () => {
    // The essay's status: "11 references · 4 problems" (the counts are checked by the extension tests).
    await page.locator('.statusbar-item:has-text("references")').first().click();
    const picker = '.quick-input-widget .monaco-list-row';
    await page.waitForSelector(`${picker}:has-text("No reference entry for Santamouris (2015)")`, workbench.patience);
    await page.waitForSelector(`${picker}:has-text("Open the Problems panel")`, workbench.patience);
    await screenshot('3b-status-problems');
    await page.keyboard.press('Escape');
  });

  await checklist.check('typing "(Zit" offers "Ziter et al., 2019"', async () => {
    await workbench.placeCursorAfter(page, '(Stewart & Oke, 2012).');
    await page.keyboard.press('End');
    await page.keyboard.type(' Later studies agree (Zit');
    const suggestion = '.suggest-widget .monaco-list-row:has-text("Ziter et al., 2019")';
    // "(" is one of the server's trigger characters; if the list did not open on it, ask for it as a person would.
    const openedByTyping = await page.waitForSelector(suggestion, { timeout: 5_000 }).then(() => true, () => false);
    if (!openedByTyping) {
      console.log('       the list did not open on "(", so the test pressed Ctrl+Space');
      await page.keyboard.press('Control+Space');
      await page.waitForSelector(suggestion, workbench.patience);
    }
    await screenshot('4-completion');
    await page.keyboard.press('Escape');
  });

  await checklist.check('the Citations view lists the entries with their counts, Zhao marked as not cited', async () => {
    const header = page.locator('.pane-header:has-text("Citations")');
    await header.waitFor(workbench.patience);
    // A collapsed pane shows no rows: open it as a person would, by clicking its header.
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const oke = '.monaco-list-row:has-text("Oke (1982)"):has-text("cited 2 times")';
    const zhao = '.monaco-list-row:has-text("Zhao et al. (2014)"):has-text("not cited")';
    await page.waitForSelector(oke, workbench.patience);
    await screenshot('5-citations-view');
    // The list draws only the rows in view: scroll it, as a person would, until the last entry shows.
    const firstRow = page.locator(oke);
    await workbench.pollUntil(async () => {
      if ((await page.locator(zhao).count()) > 0) return true;
      await firstRow.hover().catch(() => {});
      await page.mouse.wheel(0, 200);
      return false;
    }, 'the entry Zhao et al. (2014) marked "not cited"');
  });
}

const running = { codeServer: undefined, browser: undefined };
const checklist = new Checklist();

async function stopEverything() {
  const { codeServer, browser } = running;
  running.codeServer = running.browser = undefined;
  await browser?.close().catch(() => {});
  await codeServer?.stop();
}

async function main() {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'citewise-ui-'));
  const screenshotsFolder = path.join(scratch, 'screenshots');
  const profile = { userDataDir: path.join(scratch, 'user-data'), extensionsDir: path.join(scratch, 'extensions') };
  const workspace = path.join(scratch, 'examples');
  fs.mkdirSync(screenshotsFolder, { recursive: true });
  fs.cpSync(path.join(repositoryRoot, 'examples'), workspace, { recursive: true });
  console.log(`UI test of ${vsixPath}\nScreenshots go to ${screenshotsFolder}`);

  const installed = await checklist.check('code-server installs the .vsix', () => {
    if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing; run \`npm run package\` first`);
    installVsix(vsixPath, profile);
    const folders = fs.readdirSync(profile.extensionsDir).filter((name) => name.startsWith('citewise.citewise-'));
    if (folders.length !== 1) throw new Error(`expected one citewise.citewise-* folder, found: ${folders.join(', ') || 'none'}`);
  });
  if (!installed) return checklist.close();

  try {
    running.codeServer = await startCodeServer(profile);
    running.browser = await launchBrowser(path.join(profile.userDataDir, 'browser'));
    const page = await running.browser.newPage({ viewport });
    const shown = await checklist.check('the workbench opens the folder', () => workbench.openWorkbench(page, running.codeServer.baseUrl, workspace));
    if (shown) await checkWhatTheScreenShows(page, checklist, screenshotsFolder);
    if (checklist.failed > 0) await page.screenshot({ path: path.join(screenshotsFolder, 'failure.png') }).catch(() => {});
  } finally {
    await stopEverything();
  }
  if (checklist.failed > 0) console.log(`The profile and code-server's log are in ${profile.userDataDir}`);
  else fs.rmSync(profile.userDataDir, { recursive: true, force: true });
  return checklist.close();
}

// code-server runs detached, so it would outlive this script if the script simply died: stop it on every way out.
async function abandon(message) {
  console.error(message);
  await stopEverything();
  checklist.skipAsFailed('the remaining checks', message);
  process.exit(checklist.close());
}
setTimeout(() => abandon(`Gave up after ${overallTimeoutMs / 1000} s.`), overallTimeoutMs).unref();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => abandon(`Stopped by ${signal}.`));

main().then(
  (code) => process.exit(code),
  (error) => abandon(error?.stack ?? String(error)),
);
