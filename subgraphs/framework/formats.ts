/**
 * The string formats the registry accepts, checked the same way by input
 * validation, seeds and filters. Each check returns what is wrong, in words a
 * caller can act on, or undefined when the value is fine.
 */

/** Absolute http(s) URL with a host and no embedded credentials (they would leak into logs). */
export function httpUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `must be an absolute http(s) URL, got ${JSON.stringify(value)}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `must use http or https, got ${JSON.stringify(url.protocol.replace(/:$/, ''))}`;
  }
  if (!url.hostname) return `must name a host, got ${JSON.stringify(value)}`;
  if (url.username || url.password) return 'must not contain a user name or password';
  return undefined;
}

/** The current ISO 639-1 two-letter codes (183; `bh` was withdrawn in 2021). */
const iso639_1 = new Set(
  (
    'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ' +
    'ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ' +
    'ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi ' +
    'mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw ' +
    'sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ' +
    'ur uz ve vi vo wa wo xh yi yo za zh zu'
  ).split(' '),
);

/** ISO 639 codes that name no actual language of instruction. */
const nonLanguages = new Set(['mis', 'mul', 'und', 'zxx']);

/**
 * ISO 639 language code, lower case: a two-letter ISO 639-1 code, or a
 * three-letter ISO 639-2/3 code for languages without one (many Indigenous
 * languages taught in Ontario, e.g. `otw` Odawa, `moh` Mohawk, `crk` Plains
 * Cree). A three-letter code is refused when a two-letter one exists (`eng`
 * for `en`), so filters on one code find every institution. Three-letter
 * codes are checked for shape only: the full ISO 639-3 list is ~8,000 codes.
 */
export function languageCodeProblem(value: string): string | undefined {
  if (/^[a-z]{2}$/.test(value)) {
    return iso639_1.has(value) ? undefined : `${JSON.stringify(value)} is not an ISO 639-1 language code`;
  }
  if (!/^[a-z]{3}$/.test(value)) {
    return `${JSON.stringify(value)} is not an ISO 639 language code (two or three lower-case letters, e.g. "en", "fr", "oj", "moh")`;
  }
  if (nonLanguages.has(value)) return `${JSON.stringify(value)} does not name a language`;
  if (value >= 'qaa' && value <= 'qtz')
    return `${JSON.stringify(value)} is reserved for local use, not a shared language code`;
  const preferred = Intl.getCanonicalLocales(value)[0];
  if (preferred && preferred !== value && /^[a-z]{2}$/.test(preferred)) {
    return `use the two-letter code ${JSON.stringify(preferred)} instead of ${JSON.stringify(value)}`;
  }
  return undefined;
}
