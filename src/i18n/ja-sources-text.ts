/** en-sources-text.ts in Japanese: the sources' sentences through their templates. */
import { collectNoteInJapanese, gapEffectInJapanese, gapErrorInJapanese, gapSourceInJapanese } from './ja-gaps.js'

export const jaSourcesText = {
  'source.gapSource': gapSourceInJapanese,
  'source.gapError': gapErrorInJapanese,
  'source.gapEffect': gapEffectInJapanese,
  'source.collectNote': collectNoteInJapanese,
}
