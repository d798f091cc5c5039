/**
 * The directory's two languages, and the one rule every subgraph uses to pick
 * the text a client reads.
 *
 * Negotiation: a text field's `lang` argument wins; without it, the request's
 * `Accept-Language` header (RFC 9110 §12.5.4) picks English or French by
 * quality value, any regional variant counting for its language (`fr-CA` is
 * French, `en-GB` English); with neither, English. The gateway negotiates once
 * and forwards the result as a single tag, so every subgraph sees `en` or `fr`.
 *
 * Fallback, field by field: the text in the requested language when the data
 * has it (non-empty), else the text in the other language. Which one was
 * served is what `inLanguage` returns beside the text, for the fields that say so.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The GraphQL enum `Language` (enumsAsTypes codegen gives the same union). */
export type Language = 'EN' | 'FR';
export const languages: readonly Language[] = ['EN', 'FR'];

/** BCP 47 primary subtag of each language, as `Content-Language` and forwarded `Accept-Language` carry it. */
export const languageTag: Record<Language, string> = { EN: 'en', FR: 'fr' };

export const defaultLanguage: Language = 'EN';

/** Headers are hostile input: a header longer than this is not parsed (it then counts as absent). */
const maxHeaderLength = 1_000;

/**
 * The language an `Accept-Language` header prefers among English and French:
 * the highest quality value wins, the earlier range on a tie; `*` accepts
 * either (English); `q=0` refuses a language. Malformed ranges are skipped.
 */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value || value.length > maxHeaderLength) return defaultLanguage;
  const ranges = value.split(',').flatMap((range) => parseRange(range) ?? []);
  // A language refused by name (`en;q=0`) stays refused whatever a wildcard says, wherever it stands.
  const refused = new Set(ranges.filter((range) => range.quality === 0).flatMap((range) => languagesOf(range.tag)));
  let best: { language: Language; quality: number } | undefined;
  for (const range of ranges) {
    for (const language of range.tag === '*' ? languages : languagesOf(range.tag)) {
      if (range.quality === 0 || refused.has(language)) continue;
      if (!best || range.quality > best.quality) best = { language, quality: range.quality };
    }
  }
  // Nothing acceptable named: English, unless only English was refused.
  return best?.language ?? (refused.has(defaultLanguage) && refused.size === 1 ? 'FR' : defaultLanguage);
}

function languagesOf(tag: string): Language[] {
  return languages.filter((language) => languageTag[language] === tag);
}

function parseRange(range: string): { tag: string; quality: number } | undefined {
  const [tagPart, ...parameters] = range.trim().split(';');
  const tag = tagPart?.trim().toLowerCase().split('-')[0];
  if (!tag || !/^([a-z]{1,8}|\*)$/.test(tag)) return undefined;
  let quality = 1;
  for (const parameter of parameters) {
    const [name, number] = parameter.split('=').map((part) => part.trim());
    if (name?.toLowerCase() !== 'q') continue;
    if (!number || !/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(number)) return undefined;
    quality = Number(number);
  }
  return { tag, quality };
}

/** The negotiated language of an HTTP request, from its `Accept-Language`. */
export function requestLanguage(headers: IncomingHttpHeaders): Language {
  return negotiateLanguage(headers['accept-language']);
}

/** What a subgraph context carries so `lang`-less fields follow the request. */
export interface LanguageContext {
  language: Language;
}

export interface ServedText {
  text: string;
  /** The language of `text`: the requested one, or the other when the data lacks it. */
  language: Language;
}

/** The text for `requested`: its own when non-empty, else the other language's; null when neither has text. */
export function inLanguage(texts: { EN?: string | null; FR?: string | null }, requested: Language): ServedText | null {
  const other: Language = requested === 'EN' ? 'FR' : 'EN';
  for (const language of [requested, other]) {
    const text = texts[language];
    if (text != null && text.trim() !== '') return { text, language };
  }
  return null;
}

/** The language a field serves: its `lang` argument, else the request's. */
export function requestedLanguage(lang: Language | null | undefined, context: LanguageContext): Language {
  return lang ?? context.language;
}

/**
 * A resolver for a required text field with a `lang` argument, from the parent's
 * English and French text. Every bilingual pair in the contracts has a required
 * half, so the answer is not empty. Wiring a field is one line:
 * `title: localized((row) => row.title, (row) => row.titleFr)`.
 */
export function localized<Parent>(
  english: (parent: Parent) => string | null | undefined,
  french: (parent: Parent) => string | null | undefined,
) {
  return (parent: Parent, args: { lang?: Language | null }, context: LanguageContext): string =>
    inLanguage({ EN: english(parent), FR: french(parent) }, requestedLanguage(args.lang, context))?.text ?? '';
}

/** The same for an optional text (either half may be missing): null when neither language has it. */
export function localizedOptional<Parent>(
  english: (parent: Parent) => string | null | undefined,
  french: (parent: Parent) => string | null | undefined,
) {
  return (parent: Parent, args: { lang?: Language | null }, context: LanguageContext): string | null =>
    inLanguage({ EN: english(parent), FR: french(parent) }, requestedLanguage(args.lang, context))?.text ?? null;
}

/** Which language `localized` serves for the same pair, for the fields that say so. */
export function servedLanguage<Parent>(
  english: (parent: Parent) => string | null | undefined,
  french: (parent: Parent) => string | null | undefined,
) {
  return (parent: Parent, args: { lang?: Language | null }, context: LanguageContext): Language => {
    const requested = requestedLanguage(args.lang, context);
    return inLanguage({ EN: english(parent), FR: french(parent) }, requested)?.language ?? requested;
  };
}

/**
 * The English text of a pair whose required field may hold French: an entry
 * taught only in French has its French title in both `title` and `titleFr`,
 * and no English title, so a required text identical to the French is not English.
 */
export function englishOf(required: string, french: string | null | undefined): string | null {
  return french != null && required === french ? null : required;
}
