/**
 * The language the gateway negotiated for a request (runtime/language.ts),
 * forwarded to every subgraph and institution as one `Accept-Language` tag,
 * `en` or `fr`, so `lang`-less text fields answer in it. The client's own
 * header is never passed on: subgraphs see only the result, and the response
 * cache (keyed by the same negotiated language) stays exact. A language
 * preference is not a credential, so it goes to everyone (contrast credentials.ts).
 */
import { defaultLanguage, type Language, languageTag } from '../../runtime/language.js';

export function languageHeader(language: Language | undefined): Record<string, string> {
  return { 'accept-language': languageTag[language ?? defaultLanguage] };
}
