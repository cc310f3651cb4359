// Plain data shared by every part of the core. Offsets are UTF-16 code unit offsets into the document text
// (what JavaScript strings and LSP use); `end` is exclusive. Nothing here knows about LSP, VS Code or files.

export interface Span {
  start: number;
  end: number;
}

/** Something the core noticed while reading the text, with where it is and a sentence saying why. */
export interface Problem {
  span: Span;
  code: string;
  message: string;
}

/** A person's name split into its parts, or a group author kept whole in `literal`. */
export interface PersonName {
  family: string;
  given?: string;
  /** Lower-case particles written before the family name: "van den", "de", "von". */
  particle?: string;
  /** "Jr.", "III". */
  suffix?: string;
  /** A group or organisation author ("World Health Organization"), or a name that could not be split. */
  literal?: string;
}

/** The date of a work as written in a reference entry or a citation. */
export interface WorkDate {
  /** The text as written, e.g. "2019a", "n.d.", "1900/1953", "2004, March 17". */
  text: string;
  year?: number;
  /** Disambiguating letter: "a" in "2019a" or "n.d.-a". */
  suffix?: string;
  noDate?: boolean;
  inPress?: boolean;
  /** First publication year of a republished work: 1900 in "1900/1953". */
  originalYear?: number;
  month?: string;
  day?: number;
}

export interface ReferenceEntry {
  /** Stable within one version of one source: "entry-0", "entry-1", ... in document order for a typed list;
   * "<source uri>#<key>" for an entry of a bibliography file. */
  id: string;
  /** Where the entry is: in its own document (typed list) or in a bibliography file (with `source` set). */
  span: Span;
  /** The bibliography file the entry comes from; absent for an entry of the document's typed reference list. */
  source?: string;
  /** The citation key of a bibliography entry ("qerimi2023"), and where the key is written in its file. */
  key?: string;
  keySpan?: Span;
  /** The entry type as the source names it ("article", "book", "article-journal"). */
  type?: string;
  /** The entry as CSL-JSON, for formatting in a citation style; built for bibliography entries (a BibTeX entry builds
   * it, and its `text`, when they are first read). */
  csl?: Record<string, unknown>;
  /** The entry's text without list markers or blockquote markers, lines joined by single spaces. */
  text: string;
  authors: PersonName[];
  /** True when the author list contains an ellipsis ("... Last, Z."). */
  authorsElided?: boolean;
  /** The editors of the containing work, named after "In" ("In A.-M. Brady (Ed.)"); never authors. */
  editors?: PersonName[];
  date?: WorkDate;
  title?: string;
  container?: string;
  doi?: string;
  url?: string;
  /** Why part of the entry could not be read; an entry with problems is still an entry. */
  problems: Problem[];
}

export interface ReferenceList {
  /** The heading line ("## References"), absent when the list was recognised without one. */
  heading?: { span: Span; text: string };
  /** From the heading (or the first entry) to the last entry. */
  span: Span;
  entries: ReferenceEntry[];
}

export type CitationKind = 'parenthetical' | 'narrative';

/** One cited work inside a citation: "Qerimi, 2023" in "(see Qerimi, 2023, p. 4; Oke, 1982)". */
export interface CitedWork {
  span: Span;
  /** The author part as written, whitespace collapsed: "Nguyen & Tran", "Heaviside et al.", "World Health Organization". */
  authorText: string;
  /** The span of the author part in the document (shared by works of one author cited with several years). */
  authorSpan: Span;
  /** Surnames or group names as written, without "et al." and connectors: ["Nguyen", "Tran"]. */
  authors: string[];
  etAl: boolean;
  /** The author part is a quoted title ('"New U.S. anti-personnel landmine"'). */
  isTitle: boolean;
  date: WorkDate;
  /** The span of the year text. */
  dateSpan: Span;
  /** "see", "e.g.,", "cf.", "see also". */
  prefix?: string;
  /** "p. 4", "pp. 33-35", "para. 2", "Chapter 3", "24". */
  locator?: string;
  /** Other text after the date: "for a review". */
  note?: string;
  /** An abbreviation defined by this citation: "CDC" in "(Centers for Disease Control and Prevention [CDC], n.d.)". */
  definesAbbreviation?: string;
  /** The original work of a secondary citation ("Rogers, 1961" in "Rogers, 1961, as cited in Kirschenbaum, 2004"): it needs no entry. */
  secondary?: boolean;
  /** "(J. Smith, personal communication, March 3, 2020)": it needs no entry. */
  personalCommunication?: boolean;
  /** A possessive narrative: "Müller's (2012)". */
  possessive?: boolean;
}

export interface Citation {
  span: Span;
  kind: CitationKind;
  items: CitedWork[];
}

/** "World Health Organization [WHO]" or "World Health Organization (WHO, 2018)": the short form stands for the long one. */
export interface Abbreviation {
  short: string;
  long: string;
  span: Span;
}

/** One key inside a keyed citation: "@qerimi2023" in "[see @qerimi2023, p. 4]", "qerimi2023" in "\\cite{qerimi2023}". */
export interface CitedKey {
  /** The key as written, without "@" or braces. */
  key: string;
  /** The span of the key itself (for hover, rename and diagnostics). */
  span: Span;
  prefix?: string;
  locator?: string;
  /** Pandoc "[-@key]": the author is not printed. */
  suppressAuthor?: boolean;
}

export type KeyedSyntax = 'pandoc' | 'latex' | 'typst';

/** A citation by key: "[@a; @b]", "@a [p. 4]", "\\citep[see][12]{a,b}", "#cite(<a>)". */
export interface KeyedCitation {
  span: Span;
  syntax: KeyedSyntax;
  /** Narrative ("@key says", "\\textcite{key}") or parenthetical ("[@key]", "\\parencite{key}"). */
  narrative: boolean;
  /** The command for LaTeX ("citep", "parencite"), absent otherwise. */
  command?: string;
  keys: CitedKey[];
}

/** Bibliography files a document names: front matter `bibliography:`, `\\bibliography{}`, `\\addbibresource{}`. */
export interface BibliographyReference {
  /** The path as written, relative to the document unless absolute. */
  path: string;
  span: Span;
}

/** One number, or one range of numbers, inside a numeric citation: "2" in "[1, 2]", "1–3" in "[1–3]" or "^1-3^". */
export interface CitedNumbers {
  /** The first and last number; equal for a single number. */
  first: number;
  last: number;
  /** The digits as written ("2"), or the whole range ("1–3", "1]-[3"). */
  span: Span;
}

/** A citation of numbered entries: "[1]", "[2, 5]", "[1–3]", "[1]-[3]", "[4, p. 7]", or a superscript "^1,2^". */
export interface NumericCitation {
  span: Span;
  superscript: boolean;
  items: CitedNumbers[];
}

/** An entry of the reference list whose line starts with a number: "1. ", "[1] ", "(1) ". */
export interface NumberedEntry {
  entryId: string;
  number: number;
  /** The number itself inside its marker ("1" in "[1] "). */
  numberSpan: Span;
  /** The whole marker ("[1]"), without the space after it. */
  markerSpan: Span;
}

/** One work inside an author-page citation (MLA): "Qerimi 4" in "(Qerimi 4; Oke 12)", "Morrison, *Beloved* 23". */
export interface AuthorPageWork {
  span: Span;
  /** The author part as written, whitespace collapsed: "Smith and Jones", "Oke et al.". */
  authorText: string;
  /** Where the author part is; for a page-only citation ("(23)"), the author's name in the sentence before it. */
  authorSpan: Span;
  /** Surnames as written, without "et al." and connectors. */
  authors: string[];
  etAl: boolean;
  /** The short title that tells two works of one author apart, without its emphasis or quotes: "Beloved". */
  title?: string;
  /** The pages as written: "23", "45–47". */
  pages: string;
  /** The author is named in the running text and only the pages are in parentheses: "Smith argues … (23)". */
  narrative: boolean;
}

export interface AuthorPageCitation {
  span: Span;
  items: AuthorPageWork[];
}

/** The CSL style a document's front matter names (`csl: ieee.csl`), as written. */
export interface NamedCslStyle {
  path: string;
  span: Span;
}

export interface DocumentFacts {
  /** The document version these facts were computed from. */
  version: number;
  citations: Citation[];
  /** Citations by key (pandoc, LaTeX, Typst). */
  keyedCitations: KeyedCitation[];
  /** Bibliography files the document itself names. */
  bibliographies: BibliographyReference[];
  referenceList?: ReferenceList;
  abbreviations: Abbreviation[];
  problems: Problem[];
  /** Numeric citations in the prose ("[1]", "^2^"). They count as citations only in a numeric citation style, which
   * only the settings can finally tell, so they are always found. Absent in facts built by hand. */
  numericCitations?: NumericCitation[];
  /** The entries of the reference list that carry a number, in list order. */
  numberedEntries?: NumberedEntry[];
  /** The `csl:` of the document's front matter. */
  cslStyle?: NamedCslStyle;
  /** Author-page citations ("(Smith 23)"). Like numeric citations, they count only in an author-page style (MLA), so
   * they are always found. Absent in facts built by hand. */
  authorPageCitations?: AuthorPageCitation[];
}

/** How one cited work relates to the reference list. */
export type Resolution =
  | { status: 'resolved'; entryId: string }
  | { status: 'ambiguous'; entryIds: string[] }
  | { status: 'missing'; candidates: Candidate[] }
  /** Secondary originals and personal communications need no entry. */
  | { status: 'exempt'; reason: string };

export type CandidateReason = 'year' | 'spelling' | 'coauthor' | 'suffix';

/** An entry that nearly matches a cited work, and what differs. */
export interface Candidate {
  entryId: string;
  reason: CandidateReason;
  /** How the citation would be written to match this entry: "Slovic (1987)" or "Slovic, 1987". */
  suggestion: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The citation styles whose rules Citewise knows (`citewise.citationStyle`). */
export type CitationStyleId = 'apa7' | 'harvard' | 'chicago-author-date' | 'mla9' | 'ieee' | 'vancouver';

export interface DiagnosticSettings {
  missingEntry: Severity;
  uncitedEntry: Severity;
  ambiguousEntry: Severity;
  unparsedEntry: Severity;
  unknownKey: Severity;
  duplicateKey: Severity;
  bibliographySyntax: Severity;
  uncitedBibliographyEntry: Severity;
  unreadBibliography: Severity;
  /** APA 7 style rules (see style/apaRules.ts). */
  apaEtAl: Severity;
  apaAmpersand: Severity;
  apaOrderInParenthesis: Severity;
  apaSuffix: Severity;
  apaAbbreviation: Severity;
  apaEtAlPeriod: Severity;
  apaListOrder: Severity;
  apaEntryParts: Severity;
  apaDoiFormat: Severity;
  apaSpelling: Severity;
  /** Numeric styles (IEEE, Vancouver): a cited number without an entry, a numbered entry never cited, and (IEEE)
   * entries not numbered in the order of first citation. */
  numericMissing: Severity;
  numericUncited: Severity;
  ieeeOrder: Severity;
  /** Chicago author-date: "et al." from four authors on. */
  chicagoEtAl: Severity;
  /** MLA: an author-page citation without a Works Cited entry, and an entry never cited. */
  mlaMissing: Severity;
  mlaUncited: Severity;
}

/** The style a document is checked against unless its front matter names a CSL style. */
export const defaultCitationStyle: CitationStyleId = 'apa7';

export const defaultDiagnosticSettings: DiagnosticSettings = {
  missingEntry: 'error',
  uncitedEntry: 'warning',
  ambiguousEntry: 'warning',
  unparsedEntry: 'information',
  unknownKey: 'error',
  duplicateKey: 'warning',
  bibliographySyntax: 'error',
  uncitedBibliographyEntry: 'off',
  unreadBibliography: 'warning',
  apaEtAl: 'warning',
  apaAmpersand: 'warning',
  apaOrderInParenthesis: 'warning',
  apaSuffix: 'warning',
  apaAbbreviation: 'warning',
  apaEtAlPeriod: 'warning',
  apaListOrder: 'warning',
  apaEntryParts: 'warning',
  apaDoiFormat: 'warning',
  apaSpelling: 'warning',
  numericMissing: 'error',
  numericUncited: 'warning',
  ieeeOrder: 'warning',
  chicagoEtAl: 'warning',
  mlaMissing: 'error',
  mlaUncited: 'warning',
};
