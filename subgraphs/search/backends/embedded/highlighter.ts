/**
 * Highlights for the embedded engine: marks every word of a field that is one
 * of the indexed terms the query matched in that field (typo and prefix
 * matches included), and crops long descriptions around the first match, as
 * Meilisearch's `attributesToHighlight` and `attributesToCrop` do.
 */
import type { HighlightedField, SearchDocument } from '../../documents/searchDocument.js';
import { highlightedFields } from '../../documents/searchDocument.js';
import { matchEnd, matchStart, type RawHighlight } from '../../query/searchRequest.js';
import { wordSpans } from '../../query/text.js';

/** Words kept around the first match in a cropped description. */
export const cropWords = 30;
const croppedFields = new Set<HighlightedField>(['description', 'descriptionFr']);

/** `matchedTerms`: the indexed words the query matched (typo variants and prefix completions included). */
export function highlight(document: SearchDocument, matchedTerms: ReadonlySet<string>): RawHighlight[] {
  const highlights: RawHighlight[] = [];
  for (const field of highlightedFields) {
    const terms = matchedTerms;
    const value = document[field];
    const texts = Array.isArray(value) ? value : value === null ? [] : [value];
    for (const text of texts) {
      const marked = markText(text, terms, croppedFields.has(field));
      if (marked !== undefined) highlights.push({ field, marked });
    }
  }
  return highlights;
}

/** The text with matched words marked, or undefined when none matched. */
export function markText(text: string, terms: ReadonlySet<string>, crop: boolean): string | undefined {
  const spans = wordSpans(text);
  const matched = spans.map((span) => terms.has(span.word));
  const first = matched.indexOf(true);
  if (first === -1) return undefined;
  let from = 0;
  let to = spans.length;
  if (crop && spans.length > cropWords) {
    from = Math.max(0, Math.min(first - Math.floor(cropWords / 3), spans.length - cropWords));
    to = from + cropWords;
  }
  const startOffset = from === 0 ? 0 : spans[from]!.start;
  const endOffset = to === spans.length ? text.length : spans[to - 1]!.end;
  let out = from === 0 ? '' : '…';
  let cursor = startOffset;
  for (let i = from; i < to; i++) {
    const span = spans[i]!;
    if (!matched[i]) continue;
    out += text.slice(cursor, span.start) + matchStart + text.slice(span.start, span.end) + matchEnd;
    cursor = span.end;
  }
  out += text.slice(cursor, endOffset);
  if (to !== spans.length) out += '…';
  return out;
}
