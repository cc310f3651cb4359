// What a person does in the VS Code workbench, as Playwright steps on a code-server page: open a folder and a file,
// find text on the screen, rest the pointer on it, and wait for what the editor shows. Every wait polls for what
// should appear, with a timeout; none sleeps for a fixed time.

const patience = { timeout: 60_000 };

async function openWorkbench(page, baseUrl, folder) {
  await page.goto(`${baseUrl}/?folder=${encodeURIComponent(folder)}`);
  await page.waitForSelector('.monaco-workbench .part.statusbar', patience);
}

async function openFile(page, name, expectedText) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', ...patience });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-list .monaco-list-row:has-text("${name}")`, patience);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.monaco-editor .view-lines:has-text("${expectedText}")`, patience);
}

/**
 * The middle of the first on-screen occurrence of `text` in the editor. Syntax colouring splits a line into one element
 * per token, so the text is looked up in each whole rendered line and then mapped back onto the tokens' text nodes.
 */
async function screenPointOf(page, text) {
  return page.evaluate((needle) => {
    const normalise = (s) => s.replace(/\u00a0/g, ' ');
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const at = normalise(line.textContent).indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let passed = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (passed <= at && at < passed + length) range.setStart(node, at - passed);
        if (passed < at + needle.length && at + needle.length <= passed + length) range.setEnd(node, at + needle.length - passed);
        passed += length;
      }
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, right: box.right };
    }
    return null;
  }, text);
}

async function hoverText(page, text, expectedHoverText) {
  // Monaco shows a hover only after the pointer rests on a word, so move onto it from nearby as a hand would.
  const point = await screenPointOf(page, text);
  if (!point) throw new Error(`"${text}" is not visible in the editor`);
  await page.mouse.move(point.x - 40, point.y);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  await page.waitForSelector(`.monaco-hover:has-text("${expectedHoverText}")`, { state: 'visible', ...patience });
}

async function dismissHover(page, viewport) {
  await page.mouse.move(viewport.width - 10, viewport.height / 2);
  await page.keyboard.press('Escape');
  await page.waitForSelector('.monaco-hover', { state: 'hidden', ...patience });
}

/** Puts the cursor right after the first on-screen occurrence of `text`, by clicking there. */
async function placeCursorAfter(page, text) {
  const point = await screenPointOf(page, text);
  if (!point) throw new Error(`"${text}" is not visible in the editor`);
  await page.mouse.click(point.right + 1, point.y);
}

/** Polls `probe` until it returns a truthy value; fails with `description` after the timeout. */
async function pollUntil(probe, description, timeoutMs = patience.timeout) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${description}: not seen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

module.exports = { patience, openWorkbench, openFile, screenPointOf, hoverText, dismissHover, placeCursorAfter, pollUntil };
