// Finds the reference list of a document. (Being written.)
import type { ReferenceList } from '../types';
import type { DocumentLanguage } from './mask';

export function findReferenceList(text: string, masked: string, language: DocumentLanguage): ReferenceList | undefined {
  void text;
  void masked;
  void language;
  return undefined;
}
