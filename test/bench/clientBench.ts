// Client activation: the time from loading the bundled client to a running language server, measured in fresh
// processes (see activationProbe.ts) with the real client code and the real server, and a stand-in for the editor.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repositoryRoot } from '../support/lspClient';
import { summarise } from './measure';
import type { ActivationReport } from './activationProbe';
import type { Row } from './report';

const STARTS = 5;

export function clientRows(): Row[] {
  if (!existsSync(path.join(repositoryRoot, 'dist', 'extension.js'))) return [{ what: 'client activation', size: '', notes: 'dist/extension.js is missing: run npm run build' }];
  const probe = path.join(__dirname, 'activationProbe.js');
  const reports = Array.from({ length: STARTS }, () => JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })) as ActivationReport);
  const failed = reports.find((report) => report.failure);
  if (failed) return [{ what: 'client activation', size: '', notes: `did not start: ${failed.failure}` }];
  return [
    { what: 'client: load dist/extension.js', size: `${STARTS} starts`, timing: summarise(reports.map((r) => r.loadMs)), notes: 'require() of the bundle, cold' },
    { what: 'client: activate() → server ready', size: `${STARTS} starts`, timing: summarise(reports.map((r) => r.activateMs)), notes: 'language client started, initialize answered' },
  ];
}
