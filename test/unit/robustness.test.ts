// Random and mutated documents: the core must never throw, every range must lie inside the text, citations must not
// overlap, and the same text must give the same facts. The generator is seeded so that a failure can be replayed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/completion';
import { defaultDiagnosticSettings, type Span } from '../../server/src/core/types';
import { repositoryRoot } from '../support/lspClient';

const seed = readFileSync(path.join(repositoryRoot, 'test', 'fixtures', 'seed-essay.md'), 'utf8');

/** A small deterministic generator (mulberry32), so every run sees the same cases. */
function random(seedValue: number): () => number {
  let state = seedValue >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = ['(', ')', ';', ',', ' ', '\n', '\n\n', '"', '“', '&', ' and ', ' et al.', '2019', '2019a', 'n.d.', 'in press', 'Smith', 'van der ', "O'", '[', ']', '\\(', '`', '```\n', '<!--', '-->', '---\n', '# References\n', '> ', '- ', '1. ', 'https://doi.org/10.1/x', '@', 'p. 4', ':', '\r', '\t', 'é', '\u0301', '\ud83d\ude00'];

function mutate(text: string, next: () => number, edits: number): string {
  let result = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (result.length + 1));
    const kind = next();
    if (kind < 0.5) result = result.slice(0, at) + FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + result.slice(at);
    else if (kind < 0.8) result = result.slice(0, at) + result.slice(at + Math.floor(next() * 20));
    else {
      const from = Math.floor(next() * result.length);
      result = result.slice(0, at) + result.slice(from, from + Math.floor(next() * 40)) + result.slice(at);
    }
  }
  return result;
}

function assertInside(span: Span, length: number, what: string): void {
  assert.ok(span.start >= 0 && span.start <= span.end && span.end <= length, `${what} ${JSON.stringify(span)} lies inside 0..${length}`);
}

function checkInvariants(text: string, languageId: string): void {
  const analysis = analyse(text, languageId, 1);
  const { facts } = analysis;
  let previousEnd = -1;
  for (const citation of facts.citations) {
    assertInside(citation.span, text.length, 'citation');
    assert.ok(citation.span.start >= previousEnd, 'citations do not overlap');
    previousEnd = citation.span.end;
    for (const item of citation.items) {
      assertInside(item.span, text.length, 'cited work');
      assert.ok(item.span.start >= citation.span.start && item.span.end <= citation.span.end, 'a cited work lies inside its citation');
    }
  }
  for (const entry of facts.referenceList?.entries ?? []) assertInside(entry.span, text.length, 'entry');
  for (const d of diagnose(analysis, defaultDiagnosticSettings)) assertInside(d.span, text.length, 'diagnostic');
  for (const offset of [0, Math.floor(text.length / 2), text.length]) {
    const h = hover(analysis, offset);
    if (h) assertInside(h.span, text.length, 'hover');
    const c = complete(analysis, offset);
    if (c) assertInside(c.replace, text.length, 'completion range');
  }
  assert.deepEqual(analyse(text, languageId, 1).facts, facts, 'the same text gives the same facts');
}

test('mutated essays never break the core', () => {
  const next = random(20261130);
  for (let i = 0; i < 150; i++) {
    const text = mutate(seed, next, 1 + Math.floor(next() * 30));
    const languageId = ['markdown', 'plaintext', 'latex', 'restructuredtext'][i % 4];
    assert.doesNotThrow(() => checkInvariants(text, languageId), `case ${i}`);
  }
});

test('random soup of citation fragments never breaks the core', () => {
  const next = random(7);
  for (let i = 0; i < 150; i++) {
    let text = '';
    const length = Math.floor(next() * 200);
    for (let j = 0; j < length; j++) text += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)];
    checkInvariants(text, i % 2 ? 'markdown' : 'plaintext');
  }
});
