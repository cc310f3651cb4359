// A document's facts and how its citations resolve, computed once per document version and shared by every feature.

import type { DocumentFacts } from '../types';
import { computeFacts } from './documentFacts';
import { resolveDocument, type DocumentResolution } from '../resolve/resolve';

export interface Analysis {
  text: string;
  facts: DocumentFacts;
  resolution: DocumentResolution;
}

export function analyse(text: string, languageId: string, version: number): Analysis {
  const facts = computeFacts(text, languageId, version);
  return { text, facts, resolution: resolveDocument(facts) };
}

/** Keeps the analysis of the latest version of each open document. */
export class AnalysisCache {
  private readonly byUri = new Map<string, Analysis>();

  get(uri: string, text: string, languageId: string, version: number): Analysis {
    const cached = this.byUri.get(uri);
    if (cached && cached.facts.version === version && cached.text === text) return cached;
    const analysis = analyse(text, languageId, version);
    this.byUri.set(uri, analysis);
    return analysis;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
