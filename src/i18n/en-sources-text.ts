/**
 * What the sources wrote, as people read it: a gap's source, error and effect, and an intake
 * or explain note. The sources write English (JSON keeps it, snapshots store it, workers pass
 * it on), so the English catalogue shows it as it is and another language translates it by the
 * sources' own templates (ja-gaps.ts, ja-sources.ts).
 */
const asWritten = (text: string): string => text

export const enSourcesText = {
  'source.gapSource': asWritten,
  'source.gapError': asWritten,
  'source.gapEffect': asWritten,
  'source.collectNote': asWritten,
}
