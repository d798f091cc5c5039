/**
 * The string formats the catalogue contract promises, checked the same way by
 * the GraphQL scalars and by entry validation before anything is written.
 */

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The part of a micro-credential id after `<institution>:`, e.g. `data-analytics-fundamentals`. */
export function isSlug(value: string): boolean {
  return value.length <= 100 && slugPattern.test(value);
}

/** NOC 2021 unit group: five digits, the second being the TEER category 0–5. */
export function isNocCode(value: string): boolean {
  return /^\d[0-5]\d{3}$/.test(value);
}

/** CIP 2021 instructional program `NN.NNNN`. */
export function isCipCode(value: string): boolean {
  return /^\d{2}\.\d{4}$/.test(value);
}

/** ESCO skill concept URI, `http://data.europa.eu/esco/skill/<uuid>`. */
export function isEscoSkillUri(value: string): boolean {
  return /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(
    value,
  );
}

/** ESDC Skills and Competencies Taxonomy code, `<Category>.<NN>[.<letter>[.<NN>]]`, e.g. `A.01.a.01`. */
export function isSctCode(value: string): boolean {
  return /^[A-Z]\.\d{2}(\.[a-z](\.\d{2})?)?$/.test(value);
}

/** ISO 639-1 or 639-3 language code in lower case, e.g. `en`, `fr`, `moh`. */
export function isLanguageCode(value: string): boolean {
  return /^[a-z]{2,3}$/.test(value);
}

/** Deliberately loose: one `@`, a dot in the domain, no spaces. Mail servers decide the rest. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** An institution's own code for an intake (section, CRN): letters, digits, `.`, `_`, `-`. */
export function isOfferingCode(value: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(value);
}

const currencyCodes = new Set(Intl.supportedValuesOf('currency'));
const timeZones = new Set(Intl.supportedValuesOf('timeZone'));

/** ISO 4217 currency code known to the runtime's ICU data, e.g. `CAD`. */
export function isCurrencyCode(value: string): boolean {
  return currencyCodes.has(value);
}

/** IANA time zone known to the runtime's ICU data, e.g. `America/Toronto`. */
export function isTimeZone(value: string): boolean {
  return timeZones.has(value);
}

/** A 24-hour clock time `HH:MM`. */
export function isClockTime(value: string): boolean {
  return /^(?:[01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** ISO 3166-1 alpha-2 country code in upper case, e.g. `CA`. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value);
}
