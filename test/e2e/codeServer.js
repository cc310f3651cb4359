// Starts code-server (VS Code whose workbench runs in a browser and whose extension host is a real Node process) with
// a fresh profile, for the end-to-end tests and the screenshots, and stops it together with every process it started.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const installScript = path.join(__dirname, 'install-code-server.sh');

/** The code-server binary: $CITEWISE_CODE_SERVER, or the cached install that the install script makes or finds. */
function locateCodeServer() {
  if (process.env.CITEWISE_CODE_SERVER) return process.env.CITEWISE_CODE_SERVER;
  try {
    const output = execFileSync(installScript, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    return output.trim().split('\n').pop();
  } catch {
    // The install script has already said what is missing; a stack trace would only hide it.
    throw new Error(`code-server is not installed and could not be installed. Run ${installScript} to see why, or set CITEWISE_CODE_SERVER to a code-server binary.`);
  }
}

// Settings of a person who just wants to edit: no welcome page, no trust prompt, nothing that calls home, and no git,
// whose background scans would compete with the extension under test.
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'chat.disableAIFeatures': true,
};

function writeSettings(userDataDir, extraSettings) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...quietSettings, ...extraSettings }, null, 2));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function statusOf(url) {
  return new Promise((resolve) => {
    http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    }).on('error', () => resolve(0));
  });
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntilHealthy(baseUrl, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while ((await statusOf(`${baseUrl}/healthz`)) !== 200) {
    if (server.exitCode !== null) throw new Error(`code-server exited with code ${server.exitCode} before it served`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer within ${timeoutMs / 1000} s`);
    await pause(100);
  }
}

// code-server and its extension host write into the XDG folders even for --version; keep them out of $HOME.
function codeServerEnvironment(userDataDir) {
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'),
  };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.VSCODE_IPC_HOOK_CLI;
  return env;
}

/**
 * Installs a packaged extension the way a person does (`code-server --install-extension file.vsix`).
 * @param {string} vsixPath
 * @param {{ userDataDir: string, extensionsDir: string }} profile
 * @returns {string} what code-server printed
 */
function installVsix(vsixPath, { userDataDir, extensionsDir }) {
  fs.mkdirSync(extensionsDir, { recursive: true });
  const flags = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsixPath];
  return execFileSync(locateCodeServer(), flags, { env: codeServerEnvironment(userDataDir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
}

/**
 * Starts code-server on a free loopback port.
 * @param {{ userDataDir: string, extensionsDir: string, settings?: object }} options
 */
async function startCodeServer({ userDataDir, extensionsDir, settings = {} }) {
  const binary = locateCodeServer();
  writeSettings(userDataDir, settings);
  fs.mkdirSync(extensionsDir, { recursive: true });
  const port = await freePort();
  const authority = `127.0.0.1:${port}`;
  const env = codeServerEnvironment(userDataDir);
  const logPath = path.join(userDataDir, 'code-server.log');
  const logFile = fs.openSync(logPath, 'a');
  const flags = [
    '--bind-addr', authority,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  // The extension host outlives a closed browser tab for hours (it waits for a reconnection), so code-server gets its
  // own process group, and stopping it ends the whole group.
  const server = spawn(binary, flags, { env, detached: true, stdio: ['ignore', logFile, logFile] });
  fs.closeSync(logFile);
  const baseUrl = `http://${authority}`;
  // A last resort for a script that dies on an unexpected error before it could stop code-server: an 'exit' handler
  // must be synchronous, so it cannot wait for a polite shutdown.
  const killOnExit = () => signalGroup(server.pid, 'SIGKILL');
  process.on('exit', killOnExit);
  const stop = async () => {
    await stopProcessGroup(server);
    process.off('exit', killOnExit);
  };
  try {
    await waitUntilHealthy(baseUrl, server, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, authority, logPath, process: server, stop };
}

/** Sends a signal to a whole process group; false when the group no longer exists. */
function signalGroup(groupId, signal) {
  try {
    process.kill(-groupId, signal);
    return true;
  } catch {
    return false;
  }
}

/** Ends a detached child's process group: politely first, then by force. */
async function stopProcessGroup(child) {
  if (!child.pid) return;
  for (const [signal, graceMs] of [['SIGTERM', 3000], ['SIGKILL', 1000]]) {
    if (!signalGroup(child.pid, signal)) return;
    const deadline = Date.now() + graceMs;
    while (signalGroup(child.pid, 0) && Date.now() < deadline) await pause(100);
  }
}

/** The way the workbench addresses a path on the machine where code-server runs. */
function remoteUri(authority, absolutePath) {
  return `vscode-remote://${authority}${absolutePath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

module.exports = { startCodeServer, installVsix, remoteUri, locateCodeServer };
