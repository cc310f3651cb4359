// Runs every test of Citewise, in order, and closes with one line `N passed, N failed` over all of them:
//   1. `npm test`: the unit, CLI and language-server tests (Node's test runner);
//   2. `npm run package`: the .vsix, as a user installs it;
//   3. the check of what the .vsix contains;
//   4. `npm run test:e2e`: the extension-host tests in a real VS Code (code-server, installed on first use);
//   5. the UI test of the installed .vsix, read off the screen in Chromium.
// Each step's output streams through. A step that ends without its closing line counts as one failed test, and the
// steps that need the .vsix count as failed when packaging failed. Exits non-zero when anything failed, and ends every
// process the run started that is still alive (code-server and Chromium run detached), also when it is stopped.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { processesMarkedWith, endProcesses } from './strayProcesses.mjs';

const runMarker = { name: 'CITEWISE_TEST_RUN', value: randomUUID() };
process.env[runMarker.name] = runMarker.value;

/**
 * Node's test runner ends with "# pass N" and "# fail N" (its TAP reporter, the default when the output is not a
 * terminal) or with "ℹ pass N" and "ℹ fail N" (its spec reporter, the default of newer Node versions).
 */
function countNodeTestResults(output) {
  const passed = /^(?:#|ℹ) pass (\d+)$/m.exec(output);
  const failed = /^(?:#|ℹ) fail (\d+)$/m.exec(output);
  return passed && failed ? { passed: Number(passed[1]), failed: Number(failed[1]) } : undefined;
}

/** The end-to-end scripts and the mocha suite close with "N passed, N failed"; the last such line counts. */
function countClosingLine(output) {
  const matches = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = matches.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : undefined;
}

/** Packaging is one check: it worked or it did not. */
const countExitCode = (_output, exitCode) => (exitCode === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

const steps = [
  { title: 'Unit, CLI and language-server tests', command: ['npm', 'test'], count: countNodeTestResults },
  { title: 'Packaging the .vsix', command: ['npm', 'run', 'package'], count: countExitCode, makesPackage: true },
  { title: 'Contents of the .vsix', command: ['node', 'test/e2e/packageContents.js', 'citewise.vsix'], count: countClosingLine, needsPackage: true },
  { title: 'Extension-host tests in VS Code', command: ['npm', 'run', 'test:e2e'], count: countClosingLine },
  { title: 'UI test of the installed .vsix', command: ['node', 'test/e2e/ui.js', 'citewise.vsix'], count: countClosingLine, needsPackage: true },
];

let runningStep;
/** The signal that stopped the run, once one has. */
let stopping;

/** Runs a command in its own process group, passing its output through and keeping a copy. */
function run(command) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    runningStep = child;
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('error', (error) => {
      output += `\n${error.message}\n`;
    });
    child.on('close', (exitCode) => {
      runningStep = undefined;
      resolve({ output, exitCode: exitCode ?? 1 });
    });
  });
}

async function processesStillAlive(graceMs) {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const alive = processesMarkedWith(runMarker.name, runMarker.value);
    if (alive.length === 0 || Date.now() > deadline) return alive;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

async function main() {
  const started = Date.now();
  const results = [];
  let packaged = true;
  for (const step of steps) {
    if (stopping) break;
    console.log(`\n=== ${step.title}: ${step.command.join(' ')}`);
    const stepStarted = Date.now();
    let counts;
    if (step.needsPackage && !packaged) {
      console.log('Not run: packaging failed.');
      counts = { passed: 0, failed: 1 };
    } else {
      const { output, exitCode } = await run(step.command);
      counts = step.count(output, exitCode);
      if (!counts) {
        console.log(`No result line from this step (exit code ${exitCode}); it counts as one failed test.`);
        counts = { passed: 0, failed: 1 };
      } else if (exitCode !== 0 && counts.failed === 0) {
        console.log(`The step exited with code ${exitCode} although nothing failed; that counts as one failed test.`);
        counts = { passed: counts.passed, failed: 1 };
      }
      if (step.makesPackage) packaged = counts.failed === 0;
    }
    results.push({ title: step.title, ...counts, time: seconds(stepStarted) });
  }

  // Every step stops what it started; a process of this run that is still alive after a grace period (a stopped step's
  // own children may still be shutting down) is a bug of that step.
  const strays = await processesStillAlive(10_000);
  if (strays.length > 0) {
    console.log(`\n${strays.length} process(es) of this run were still running (${strays.join(', ')}); ending them.`);
    await endProcesses(strays);
  }
  results.push({ title: 'Nothing of the run left running', passed: strays.length === 0 ? 1 : 0, failed: strays.length === 0 ? 0 : 1, time: '0 s' });

  if (stopping) results.push({ title: `Stopped by ${stopping} before every step had run`, passed: 0, failed: 1, time: '0 s' });

  console.log(`\n=== Summary (${seconds(started)})`);
  for (const { title, passed, failed, time } of results) console.log(`  ${title}: ${passed} passed, ${failed} failed (${time})`);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  if (stopping) return 130;
  return failed === 0 ? 0 : 1;
}

// Stopped from outside: stop the running step's process group (it runs detached, so the signal does not reach it on
// its own), by force if it does not end in time; main() then ends whatever of the run is left and prints the summary.
function stop(signal) {
  if (stopping) return;
  stopping = signal;
  console.error(`\nStopped by ${signal}; ending the processes this run started.`);
  const step = runningStep;
  if (!step?.pid) return;
  const signalStep = (name) => {
    try {
      process.kill(-step.pid, name);
    } catch {
      // The step had already ended.
    }
  };
  signalStep('SIGTERM');
  setTimeout(() => signalStep('SIGKILL'), 15_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

process.exitCode = await main();
