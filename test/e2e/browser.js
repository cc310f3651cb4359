// Launches a headless Chromium for the code-server workbench: the system's Chromium when there is one (or
// $CHROMIUM_PATH), otherwise the browser that Playwright installed.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const candidateNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function systemChromium() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of candidateNames) {
      const candidate = path.join(folder, name);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

// Flags for a browser without a display, sandbox or GPU, that must not wander onto the network on its own.
const quietFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * @param {string} profileDir where Chromium may write; it stays out of $HOME.
 */
async function launchBrowser(profileDir) {
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'), XDG_CACHE_HOME: path.join(profileDir, 'xdg-cache') };
  try {
    return await chromium.launch({ executablePath: systemChromium(), headless: true, args: quietFlags, env });
  } catch (error) {
    // Without a browser the tests cannot run: say how to get one rather than show Playwright's stack trace.
    throw new Error(
      'No Chromium could be started for the end-to-end tests. Install it with `sudo apt-get install chromium` (Debian, Ubuntu) ' +
        `or point CHROMIUM_PATH at a Chromium or Chrome binary. (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
}

module.exports = { launchBrowser };
