// Formats bibliography entries in a CSL style with citation-js, the only module that imports it. Formatting is lazy
// (one entry when it is hovered or its completion item is opened) and cached per entry object and style, because the
// style engine is slow to build (about a second for APA) and a library may hold 50,000 entries.

import type { ReferenceEntry } from '../types';

/** The styles citation-js ships with; anything else must be registered from a .csl file first. */
export const builtInStyles = ['apa', 'vancouver', 'harvard1'] as const;

interface CitationJs {
  plugins: {
    output: { format(format: string, data: unknown[], options: Record<string, unknown>): string };
    config: { get(name: string): { styles: { add(name: string, xml: string): void; has(name: string): boolean } } };
  };
}

let engine: CitationJs | undefined;

/** Loads citation-js on first use, so that a server that never formats never pays for it. */
function citationJs(): CitationJs {
  if (!engine) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require('@citation-js/core') as CitationJs;
    require('@citation-js/plugin-csl');
    engine = core;
  }
  return engine;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Turns citeproc's HTML for one entry into Markdown: italics and bold kept, other markup dropped. */
export function htmlToMarkdown(html: string): string {
  const text = html
    .replace(/<\/?(i|em)>/gi, '*')
    .replace(/<\/?(b|strong)>/gi, '**')
    .replace(/<span style="font-style: ?italic;?">([^<]*)<\/span>/gi, '*$1*')
    .replace(/<sup>([^<]*)<\/sup>/gi, '^$1^')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // Markdown would read these as formatting or links; the entry's own emphasis is already in asterisks.
  return decodeEntities(text).replace(/([\\`_[\]<>#|])/g, '\\$1');
}

export interface FormatResult {
  markdown: string;
  /** Why the entry could not be formatted in the style, when the plain summary was used instead. */
  fallbackReason?: string;
}

/** Formats entries in one style and remembers the results for as long as the entry objects live. */
export class EntryFormatter {
  private readonly cache = new WeakMap<ReferenceEntry, Map<string, FormatResult>>();

  /** Registers a custom style from the text of a .csl file under a name; returns the reason if it is not a CSL style. */
  registerStyle(name: string, xml: string): string | undefined {
    if (!/<style[\s>]/.test(xml) || !/xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(xml)) return 'the file is not a CSL style (no <style> element in the CSL namespace)';
    try {
      citationJs().plugins.config.get('@csl').styles.add(name, xml);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  hasStyle(name: string): boolean {
    try {
      return citationJs().plugins.config.get('@csl').styles.has(name);
    } catch {
      return false;
    }
  }

  format(entry: ReferenceEntry, style: string, locale = 'en-US'): FormatResult {
    let byStyle = this.cache.get(entry);
    if (!byStyle) {
      byStyle = new Map();
      this.cache.set(entry, byStyle);
    }
    const key = `${style}\u0000${locale}`;
    const cached = byStyle.get(key);
    if (cached) return cached;
    const result = this.render(entry, style, locale);
    byStyle.set(key, result);
    return result;
  }

  /** Builds the style engine ahead of the first hover, which would otherwise wait about a second for it. */
  warmUp(style: string, locale = 'en-US'): void {
    this.render({ id: 'warm-up', span: { start: 0, end: 0 }, text: '', authors: [], problems: [], csl: { id: 'warm-up', type: 'book', title: 'Warm-up' } }, style, locale);
  }

  private render(entry: ReferenceEntry, style: string, locale: string): FormatResult {
    if (!entry.csl) return { markdown: htmlToMarkdown(entry.text), fallbackReason: 'the entry has no CSL data' };
    try {
      const html = citationJs().plugins.output.format('bibliography', [{ ...entry.csl, id: entry.key ?? entry.id }], { format: 'html', template: style, lang: locale });
      const markdown = htmlToMarkdown(html);
      if (markdown) return { markdown };
      return { markdown: htmlToMarkdown(entry.text), fallbackReason: 'the style produced no text for this entry' };
    } catch (error) {
      // citeproc fails on some real items (a language field that is not a string, an empty date); the plain summary stays useful.
      return { markdown: htmlToMarkdown(entry.text), fallbackReason: error instanceof Error ? error.message : String(error) };
    }
  }
}
