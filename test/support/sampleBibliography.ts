// A small bibliography file, read by the real reader, for tests of features that work on keys.

import { mergeBibliography } from '../../server/src/core/index/bibliography';
import { BibliographyReader } from '../../server/src/core/index/readBibliographies';
import { dedent } from './fixture';

export const SAMPLE_BIB_URI = 'file:///project/refs.bib';

export const SAMPLE_BIB = dedent(`
  @article{oke1982,
    author = {Oke, Timothy R.},
    title = {The energetic basis of the urban heat island},
    year = {1982}
  }

  @article{bowler2010,
    author = {Bowler, Diana E.},
    title = {Urban greening to cool towns and cities},
    year = {2010}
  }
`);

export const sampleBibliography = mergeBibliography(new BibliographyReader().read([{ source: SAMPLE_BIB_URI, path: '/project/refs.bib', text: SAMPLE_BIB, version: '1' }]));
