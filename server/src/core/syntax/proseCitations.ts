// Finds author-date citations in prose. (Being written.)
import type { Abbreviation, Citation, Span } from '../types';

export interface ProseScan {
  citations: Citation[];
  abbreviations: Abbreviation[];
}

export function findProseCitations(masked: string, skip: Span[]): ProseScan {
  void masked;
  void skip;
  return { citations: [], abbreviations: [] };
}
