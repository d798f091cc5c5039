/**
 * Turns a backend's marked passage into the HTML-safe snippet the contract
 * promises: the source text (an institution's, so untrusted) escaped, and
 * only our own match markers turned into <mark> elements.
 */
import { matchEnd, matchStart } from './query/searchRequest.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function snippetHtml(marked: string): string {
  return marked
    .replace(/[&<>"']/g, (character) => escapes[character]!)
    .split(matchStart)
    .join('<mark>')
    .split(matchEnd)
    .join('</mark>');
}
