// Every parser of the core as a fuzz target: how to call it on one input, and the properties its output must have
// for any input. The property tests and the standalone fuzz run share these, so both check the same things.

import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Citation, KeyedCitation, Problem, ReferenceEntry, ReferenceList } from '../../server/src/core/types';
import { defaultDiagnosticSettings } from '../../server/src/core/types';
import { documentLanguageOf, maskNonProse } from '../../server/src/core/syntax/mask';
import { findProseCitations } from '../../server/src/core/syntax/proseCitations';
import { findReferenceList } from '../../server/src/core/syntax/referenceList';
import { parseReferenceEntry } from '../../server/src/core/syntax/referenceEntry';
import { parseAuthorList, parsePersonName } from '../../server/src/core/syntax/names';
import { MAX_YEAR, MIN_YEAR, parseWorkDate } from '../../server/src/core/syntax/dates';
import { findKeyedCitations, keyedLanguageOf } from '../../server/src/core/syntax/keyedCitations';
import { findBibliographyReferences } from '../../server/src/core/syntax/bibliographyReferences';
import { findLatexBibliography } from '../../server/src/core/syntax/latexBibliography';
import { findBareMentions } from '../../server/src/core/syntax/bareMentions';
import { linkBibtex, scanBibtex } from '../../server/src/core/syntax/bib/bibtex';
import { entryStarts, plainScan, scanInSlices, scanProblems, type PlainScan } from '../support/bibtexScans';
import { parseCslJson } from '../../server/src/core/syntax/bib/cslJson';
import { parseCslYaml } from '../../server/src/core/syntax/bib/cslYaml';
import { parseRis } from '../../server/src/core/syntax/bib/ris';
import type { BibliographyParse } from '../../server/src/core/syntax/bib/fromCsl';
import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { analyse, type Analysis } from '../../server/src/core/index/analysis';
import { diagnose } from '../../server/src/core/features/diagnostics';
import { hover } from '../../server/src/core/features/hover';
import { complete } from '../../server/src/core/features/completion';
import { definition } from '../../server/src/core/features/definition';
import { references } from '../../server/src/core/features/references';
import { quickFixes } from '../../server/src/core/features/codeActions';
import { documentSymbols } from '../../server/src/core/features/documentSymbols';
import { assertSortedDisjoint, assertSpanInside, assertSpanWithin } from '../support/spanChecks';
import { parserInput } from './inputs';
import * as samples from './samples';

export interface FuzzCase {
  text: string;
  languageId: string;
}

export interface FuzzTarget {
  name: string;
  /** Valid inputs that the generated ones are mutations of. */
  samples: readonly string[];
  /** The editor languages the parser is called for. */
  languageIds: readonly string[];
  /** Calls the parser; the standalone run times this call alone. */
  parse(input: FuzzCase): unknown;
  /** Throws when the output breaks a property that must hold for every input. */
  verify(input: FuzzCase, output: unknown): void;
}

const DOCUMENT_LANGUAGES = ['markdown', 'latex', 'restructuredtext', 'plaintext', 'typst', 'quarto'];

/** Generates inputs for a target; `scale` makes them longer for the standalone run. */
export function casesFor(target: FuzzTarget, scale = 1): fc.Arbitrary<FuzzCase> {
  return fc.record({ text: parserInput(target.samples, scale), languageId: fc.constantFrom(...target.languageIds) });
}

const documentSamples = [samples.seedEssay, samples.pandocPaper, samples.latexThesis, samples.restructuredText, samples.typstDocument];

const maskOf = (input: FuzzCase) => maskNonProse(input.text, documentLanguageOf(input.languageId));

function verifyProblems(problems: readonly Problem[], length: number, what: string): void {
  for (const problem of problems) {
    assertSpanInside(problem.span, length, `${what} problem`);
    assert.equal(typeof problem.message, 'string');
  }
}

function verifyCitations(citations: readonly Citation[], length: number): void {
  assertSortedDisjoint(citations.map((c) => c.span), 'citations');
  for (const citation of citations) {
    assertSpanInside(citation.span, length, 'citation');
    assert.ok(citation.items.length > 0, 'a citation cites at least one work');
    for (const item of citation.items) {
      assertSpanWithin(item.span, citation.span, 'cited work');
      assertSpanWithin(item.dateSpan, citation.span, 'date of a cited work');
      assertSpanInside(item.authorSpan, length, 'author of a cited work');
    }
  }
}

function verifyKeyedCitations(citations: readonly KeyedCitation[], length: number): void {
  assertSortedDisjoint(citations.map((c) => c.span), 'keyed citations');
  for (const citation of citations) {
    assertSpanInside(citation.span, length, 'keyed citation');
    assertSortedDisjoint(citation.keys.map((k) => k.span), 'keys of one citation');
    for (const key of citation.keys) {
      assertSpanWithin(key.span, citation.span, `key "${key.key}"`);
      assert.ok(key.key.length > 0, 'a key is never empty');
    }
  }
}

function verifyEntries(entries: readonly ReferenceEntry[], length: number, inOrder: boolean): void {
  if (inOrder) assertSortedDisjoint(entries.map((e) => e.span), 'entries');
  for (const entry of entries) {
    assertSpanInside(entry.span, length, 'entry');
    if (entry.keySpan) assertSpanWithin(entry.keySpan, entry.span, 'entry key');
    verifyProblems(entry.problems, length, 'entry');
    assert.equal(typeof entry.text, 'string', 'an entry has its text');
    for (const author of entry.authors) assert.equal(typeof author.family, 'string');
  }
}

function verifyReferenceList(list: ReferenceList | undefined, length: number): void {
  if (!list) return;
  assertSpanInside(list.span, length, 'reference list');
  if (list.heading) assertSpanWithin(list.heading.span, list.span, 'reference list heading');
  for (const entry of list.entries) assertSpanWithin(entry.span, list.span, 'entry of the reference list');
  verifyEntries(list.entries, length, true);
}

function verifyBibliographyParse(parse: BibliographyParse, length: number): void {
  verifyProblems(parse.problems, length, 'file');
  // Entries read from a file build their CSL form and text lazily: reading them must not throw either.
  for (const entry of parse.entries) void [entry.csl, entry.text, entry.title, entry.date];
  verifyEntries(parse.entries, length, false);
}

/** The sample .bib file linked once, as the bibliography the whole-document target resolves against. */
const sampleBibliography = (() => {
  const source = 'file:///fuzz/refs.bib';
  const linked = linkBibtex([{ source, scan: scanBibtex(samples.bibtexFile) }]).get(source)!;
  return mergeBibliography([{ source, version: '1', entries: linked.entries, problems: linked.problems }]);
})();

/** Entries for the bare-mention scanner to look for, taken from the sample reference list. */
const sampleEntries = findReferenceList(samples.pandocPaper, maskNonProse(samples.pandocPaper, 'markdown'), 'markdown')?.entries ?? [];

/** Offsets a person might put the cursor at: the ends, the middle, and the edges of the first few citations. */
function probeOffsets(analysis: Analysis): number[] {
  const length = analysis.text.length;
  const edges = [...analysis.facts.citations, ...analysis.facts.keyedCitations].slice(0, 4).flatMap((c) => [c.span.start, c.span.start + 1, c.span.end]);
  return [0, Math.floor(length / 2), length, ...edges];
}

function verifyFeatures(analysis: Analysis): void {
  const length = analysis.text.length;
  for (const d of diagnose(analysis, defaultDiagnosticSettings)) assertSpanInside(d.span, length, `diagnostic ${d.code}`);
  for (const symbol of documentSymbols(analysis)) assertSpanInside(symbol.span, length, 'outline symbol');
  for (const offset of probeOffsets(analysis)) {
    const shown = hover(analysis, offset);
    if (shown) assertSpanInside(shown.span, length, 'hover');
    const completion = complete(analysis, offset);
    if (completion) assertSpanInside(completion.replace, length, 'completion range');
    for (const target of definition(analysis, offset)) if (!target.source) assertSpanInside(target.span, length, 'definition');
    for (const span of references(analysis, offset).spans) assertSpanInside(span, length, 'reference');
    for (const fix of quickFixes(analysis, { start: offset, end: offset })) for (const change of fix.edits) assertSpanInside(change.span, length, 'quick fix edit');
  }
}

export const targets: FuzzTarget[] = [
  {
    name: 'maskNonProse',
    samples: documentSamples,
    languageIds: DOCUMENT_LANGUAGES,
    parse: maskOf,
    verify({ text }, output) {
      const masked = output as string;
      assert.equal(masked.length, text.length, 'the mask keeps every offset');
      for (let i = 0; i < text.length; i++) {
        const kept = masked[i] === text[i];
        const lineBreak = text[i] === '\n' || text[i] === '\r';
        assert.ok(kept || (!lineBreak && masked[i] === ' '), `offset ${i}: a character is kept or blanked, and line breaks are kept`);
      }
    },
  },
  {
    name: 'findProseCitations',
    samples: documentSamples,
    languageIds: DOCUMENT_LANGUAGES,
    parse: (input) => findProseCitations(maskOf(input), []),
    verify({ text }, output) {
      const scan = output as ReturnType<typeof findProseCitations>;
      verifyCitations(scan.citations, text.length);
      for (const abbreviation of scan.abbreviations) assertSpanInside(abbreviation.span, text.length, 'abbreviation');
    },
  },
  {
    name: 'findReferenceList',
    samples: documentSamples,
    languageIds: DOCUMENT_LANGUAGES,
    parse: (input) => findReferenceList(input.text, maskOf(input), documentLanguageOf(input.languageId)),
    verify: ({ text }, output) => verifyReferenceList(output as ReferenceList | undefined, text.length),
  },
  {
    name: 'findLatexBibliography',
    samples: [samples.latexThesis],
    languageIds: ['latex'],
    parse: (input) => findLatexBibliography(input.text, maskOf(input)),
    verify: ({ text }, output) => verifyReferenceList(output as ReferenceList | undefined, text.length),
  },
  {
    name: 'parseReferenceEntry',
    samples: samples.referenceEntries,
    languageIds: ['markdown'],
    parse: ({ text }) => parseReferenceEntry(text, { start: 7, end: 7 + text.length }, 'entry-0'),
    verify({ text }, output) {
      const entry = output as ReferenceEntry;
      assert.deepEqual(entry.span, { start: 7, end: 7 + text.length }, 'the entry keeps the span it was given');
      for (const problem of entry.problems) assertSpanWithin(problem.span, entry.span, 'entry problem');
      if (entry.date?.year !== undefined) assert.ok(entry.date.year >= MIN_YEAR && entry.date.year <= MAX_YEAR, `year ${entry.date.year}`);
    },
  },
  {
    name: 'parseAuthorList',
    samples: samples.authorLists,
    languageIds: ['plaintext'],
    parse: ({ text }) => ({ list: parseAuthorList(text), person: parsePersonName(text) }),
    verify(_input, output) {
      const { list, person } = output as { list: ReturnType<typeof parseAuthorList>; person: ReturnType<typeof parsePersonName> };
      for (const name of [...list.names, person]) assert.equal(typeof name.family, 'string', 'every name has a family part');
      assert.equal(typeof list.elided, 'boolean');
    },
  },
  {
    name: 'parseWorkDate',
    samples: samples.dates,
    languageIds: ['plaintext'],
    parse: ({ text }) => parseWorkDate(text),
    verify(_input, output) {
      const date = output as ReturnType<typeof parseWorkDate>;
      if (!date) return;
      if (date.year !== undefined) assert.ok(Number.isInteger(date.year) && date.year >= MIN_YEAR && date.year <= MAX_YEAR, `year ${date.year}`);
      assert.ok(date.year !== undefined || date.noDate || date.inPress, 'a date has a year, or says it has none or is in press');
    },
  },
  {
    name: 'findKeyedCitations',
    samples: [samples.pandocPaper, samples.latexThesis, samples.typstDocument],
    languageIds: ['markdown', 'latex', 'typst'],
    parse: (input) => findKeyedCitations(input.text, maskOf(input), keyedLanguageOf(input.languageId)),
    verify: ({ text }, output) => verifyKeyedCitations(output as KeyedCitation[], text.length),
  },
  {
    name: 'findBibliographyReferences',
    samples: [samples.pandocPaper, samples.latexThesis, samples.typstDocument],
    languageIds: ['markdown', 'latex', 'typst'],
    parse: (input) => findBibliographyReferences(input.text, keyedLanguageOf(input.languageId)),
    verify({ text }, output) {
      for (const reference of output as ReturnType<typeof findBibliographyReferences>) {
        assertSpanInside(reference.span, text.length, 'bibliography reference');
        assert.ok(reference.path.length > 0, 'a named bibliography has a path');
      }
    },
  },
  {
    name: 'findBareMentions',
    samples: documentSamples,
    languageIds: ['markdown', 'plaintext'],
    parse: (input) => findBareMentions(maskOf(input), sampleEntries, []),
    verify: ({ text }, output) => verifyCitations(output as Citation[], text.length),
  },
  {
    name: 'scanBibtex',
    samples: [samples.bibtexFile],
    languageIds: ['bibtex'],
    // Every entry's fields are read as part of the parse, so that reading them is held to linear time too.
    parse: ({ text }) => {
      const scan = scanBibtex(text);
      for (const entry of scan.entries) void entry.syntaxProblems;
      return scan;
    },
    verify({ text }, output) {
      const scan = output as ReturnType<typeof scanBibtex>;
      assertSortedDisjoint(scan.entries.map((e) => e.span), 'BibTeX entries');
      for (const entry of scan.entries) {
        assertSpanInside(entry.span, text.length, 'BibTeX entry');
        assertSpanWithin(entry.keySpan, entry.span, 'BibTeX key');
        for (const field of entry.fields) {
          assertSpanWithin(field.span, entry.span, `field ${field.name}`);
          assertSpanWithin(field.valueSpan, field.span, `value of ${field.name}`);
        }
      }
      for (const definition of scan.strings) assertSpanInside(definition.span, text.length, '@string');
      verifyProblems(scanProblems(scan), text.length, 'BibTeX');
    },
  },
  {
    name: 'scanBibtex reading fields later',
    samples: [samples.bibtexFile],
    languageIds: ['bibtex'],
    // An entry whose end its braces give reads its fields when asked: that must give what reading them at once gives.
    parse: ({ text }) => ({ later: plainScan(scanBibtex(text)), now: plainScan(scanBibtex(text, 0, text.length, { readFieldsNow: true })) }),
    verify(_input, output) {
      const { later, now } = output as { later: PlainScan; now: PlainScan };
      assert.deepEqual(later, now, 'fields read when asked for equal fields read with the scan');
    },
  },
  {
    name: 'scanBibtex in slices',
    samples: [samples.bibtexFile],
    languageIds: ['bibtex'],
    // Cut at every entry start of a whole scan, and at every other one: the joined slices must be the whole scan.
    parse: ({ text }) => {
      const whole = scanBibtex(text);
      const starts = entryStarts(whole);
      return {
        whole: plainScan(whole),
        sliced: [starts, starts.filter((_, i) => i % 2 === 1)].map((cuts) => plainScan(scanInSlices(text, cuts))),
      };
    },
    verify(_input, output) {
      const { whole, sliced } = output as { whole: PlainScan; sliced: PlainScan[] };
      for (const joined of sliced) assert.deepEqual(joined, whole, 'a scan in slices equals one scan');
    },
  },
  {
    name: 'linkBibtex',
    samples: [samples.bibtexFile],
    languageIds: ['bibtex'],
    // Two files, so that macros and crossrefs reach across files as they do in a real project. Every entry is read as
    // part of the parse, so that reading entries (which reads their fields) is held to linear time too.
    parse: ({ text }) => {
      const file = linkBibtex([
        { source: 'file:///a.bib', scan: scanBibtex(text) },
        { source: 'file:///b.bib', scan: scanBibtex(samples.bibtexFile) },
      ]).get('file:///a.bib')!;
      for (const entry of file.entries) void [entry.problems, entry.csl];
      return file;
    },
    verify: ({ text }, output) => verifyBibliographyParse(output as BibliographyParse, text.length),
  },
  {
    name: 'parseCslJson',
    samples: [samples.cslJsonFile],
    languageIds: ['json'],
    parse: ({ text }) => parseCslJson(text, 'file:///refs.json'),
    verify: ({ text }, output) => verifyBibliographyParse(output as BibliographyParse, text.length),
  },
  {
    name: 'parseCslYaml',
    samples: [samples.cslYamlFile],
    languageIds: ['yaml'],
    parse: ({ text }) => parseCslYaml(text, 'file:///refs.yaml'),
    verify: ({ text }, output) => verifyBibliographyParse(output as BibliographyParse, text.length),
  },
  {
    name: 'parseRis',
    samples: [samples.risFile],
    languageIds: ['ris'],
    parse: ({ text }) => parseRis(text, 'file:///refs.ris'),
    verify: ({ text }, output) => verifyBibliographyParse(output as BibliographyParse, text.length),
  },
  {
    name: 'analyse+features',
    samples: documentSamples,
    languageIds: DOCUMENT_LANGUAGES,
    parse: ({ text, languageId }) => analyse(text, languageId, 1, sampleBibliography),
    verify({ text }, output) {
      const analysis = output as Analysis;
      verifyCitations(analysis.facts.citations, text.length);
      verifyKeyedCitations(analysis.facts.keyedCitations, text.length);
      verifyReferenceList(analysis.facts.referenceList, text.length);
      verifyProblems(analysis.facts.problems, text.length, 'document');
      verifyFeatures(analysis);
    },
  },
];

/**
 * Runs one target on one input and checks its properties, including that a second run gives the same output. Returns
 * the shorter of the two parse times in milliseconds, which a garbage collection during one of them does not inflate.
 */
export function checkCase(target: FuzzTarget, input: FuzzCase): number {
  const started = performance.now();
  const output = target.parse(input);
  const first = performance.now() - started;
  target.verify(input, output);
  const restarted = performance.now();
  const again = target.parse(input);
  const second = performance.now() - restarted;
  assert.deepEqual(comparable(again), comparable(output), 'the same input gives the same output');
  return Math.min(first, second);
}

/**
 * Analyses hold the bibliography and resolution maps; the facts and the text are what must repeat. A BibTeX scan makes
 * its entries' fields when they are read, and a linked BibTeX entry its properties (reading its title fills in all its
 * optional ones), so both are compared as what reading them gives.
 */
function comparable(output: unknown): unknown {
  if (output && typeof output === 'object' && 'facts' in output && 'resolution' in output) {
    const analysis = output as Analysis;
    return { text: analysis.text, facts: analysis.facts, resolution: analysis.resolution };
  }
  if (output && typeof output === 'object' && 'strings' in output) return plainScan(output as ReturnType<typeof scanBibtex>);
  if (output && typeof output === 'object' && 'entries' in output && Array.isArray(output.entries)) {
    for (const entry of (output as BibliographyParse).entries) void entry.title;
  }
  return output;
}
