// Finds and ends the processes that one test run started and that are still alive: code-server, its extension hosts and
// language servers, and Chromium run detached in process groups of their own, so they do not end with their parent.
// The run puts a marker into its environment, which every descendant inherits; /proc shows each process's environment.
import { readdirSync, readFileSync } from 'node:fs';

/** The ids of the live processes (other than this one) whose environment holds `name=value`. */
export function processesMarkedWith(name, value) {
  const marker = `${name}=${value}`;
  const found = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let environment;
    try {
      environment = readFileSync(`/proc/${pid}/environ`, 'latin1');
    } catch {
      continue; // The process ended meanwhile, or belongs to someone else.
    }
    if (environment.split('\0').includes(marker)) found.push(pid);
  }
  return found;
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks the processes to end, then ends by force the ones still running after a grace period. */
export async function endProcesses(pids, graceMs = 3000) {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(isAlive) && Date.now() < deadline) await pause(100);
  for (const pid of pids.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
