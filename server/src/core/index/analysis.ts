// A document's facts and how its citations resolve. The facts are computed once per document version; the resolution
// once per document version and bibliography version. Every feature reads this and never scans the text again.

import type { DocumentFacts, ReferenceEntry } from '../types';
import { computeFacts, factsOfScan } from './documentFacts';
import { rescanDocument, type ScannedVersion } from './incrementalScan';
import { emptyBibliography, type Bibliography } from './bibliography';
import { findEntry, resolveDocument, ResolutionCache, type DocumentResolution } from '../resolve/resolve';
import { StyleRuleMemo } from '../style/rules/ruleMemo';
import { heldIn } from '../memo';

export interface Analysis {
  text: string;
  facts: DocumentFacts;
  bibliography: Bibliography;
  resolution: DocumentResolution;
  /** The style rules' findings of the document's earlier versions, for checking only what changed; absent for a
   * document analysed on its own, whose rules all run. */
  styleRuleMemo?: StyleRuleMemo;
}

/** A document open in the editor, named by its URI, with its analysis: what features that span documents read. */
export interface OpenDocument {
  uri: string;
  analysis: Analysis;
}

export function analyse(text: string, languageId: string, version: number, bibliography: Bibliography = emptyBibliography): Analysis {
  return resolveFacts(text, computeFacts(text, languageId, version), bibliography);
}

/** Resolves facts already computed against a bibliography (which the facts themselves may have named); with the
 * resolution cache of the document's previous version, only what changed is resolved again, and with its style rule
 * memo, only what changed is checked again. */
export function resolveFacts(text: string, facts: DocumentFacts, bibliography: Bibliography, cache?: ResolutionCache, styleRuleMemo?: StyleRuleMemo): Analysis {
  const analysis: Analysis = { text, facts, bibliography, resolution: resolveDocument(facts, bibliography, cache) };
  if (styleRuleMemo) analysis.styleRuleMemo = styleRuleMemo;
  return analysis;
}

/** Finds an entry by id in the document's reference list or its bibliography files. */
export function entryOf(analysis: Analysis, id: string): ReferenceEntry | undefined {
  return findEntry(analysis.facts, analysis.bibliography, id);
}

/**
 * Keeps the facts and the analysis of the latest version of each open document, and the scan behind the facts, so that
 * the next version re-reads only the blocks an edit touched, and what resolving it built, so that it re-resolves only the
 * works an edit touched.
 */
export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();
  private readonly scans = new Map<string, ScannedVersion>();
  private readonly resolutions = new Map<string, ResolutionCache>();
  private readonly styleRuleMemos = new Map<string, StyleRuleMemo>();

  /** Facts computed for a version but not yet resolved: the server reads them to find the document's bibliography. */
  private readonly pending = new Map<string, { text: string; facts: DocumentFacts }>();

  /** The facts alone, for deciding which bibliography files the document sees; they are not resolved yet. */
  facts(uri: string, text: string, languageId: string, version: number): DocumentFacts {
    const cached = this.byUri.get(uri);
    if (cached && cached.facts.version === version && cached.text === text) return cached.facts;
    return this.factsOf(uri, text, languageId, version);
  }

  get(uri: string, text: string, languageId: string, version: number, bibliography: Bibliography = emptyBibliography): Analysis {
    const cached = this.byUri.get(uri);
    if (cached && cached.facts.version === version && cached.text === text) {
      if (cached.bibliography === bibliography) return cached;
      const again = resolveFacts(text, cached.facts, bibliography, this.resolutionCache(uri), this.styleRuleMemo(uri));
      this.byUri.set(uri, again);
      return again;
    }
    const analysis = resolveFacts(text, this.factsOf(uri, text, languageId, version), bibliography, this.resolutionCache(uri), this.styleRuleMemo(uri));
    this.pending.delete(uri);
    this.byUri.set(uri, analysis);
    return analysis;
  }

  /** Scans a version once: from the last scan where the text allows, and only once however often it is asked for. */
  private factsOf(uri: string, text: string, languageId: string, version: number): DocumentFacts {
    const pending = this.pending.get(uri);
    if (pending && pending.facts.version === version && pending.text === text) return pending.facts;
    const scan = rescanDocument(this.scans.get(uri), text, languageId);
    this.scans.set(uri, { text, languageId, scan });
    const facts = factsOfScan(text, languageId, version, scan);
    this.pending.set(uri, { text, facts });
    return facts;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.pending.delete(uri);
    this.scans.delete(uri);
    this.resolutions.delete(uri);
    this.styleRuleMemos.delete(uri);
  }

  private styleRuleMemo(uri: string): StyleRuleMemo {
    return heldIn(this.styleRuleMemos, uri, () => new StyleRuleMemo());
  }

  private resolutionCache(uri: string): ResolutionCache {
    return heldIn(this.resolutions, uri, () => new ResolutionCache());
  }
}
