/**
 * The portal's two languages, each at its own URLs: English at the origin
 * root, French under /fr. Formatting (numbers, money, dates, language names)
 * comes from Intl in the page's locale.
 */
import { en, type Messages } from './en.js';
import { fr } from './fr.js';

export type LocaleCode = 'en' | 'fr';

export interface Locale {
  code: LocaleCode;
  t: Messages;
  /** Path prefix of this language's pages: '' or '/fr'. */
  prefix: string;
  number(value: number): string;
  money(value: number): string;
  date(isoDate: string): string;
  languageName(isoCode: string): string;
}

function makeLocale(code: LocaleCode, t: Messages, prefix: string): Locale {
  const tag = t.htmlLang;
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CAD', maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const languages = new Intl.DisplayNames([tag], { type: 'language' });
  return {
    code,
    t,
    prefix,
    number: (value) => numbers.format(value),
    money: (value) => money.format(value),
    date: (isoDate) => {
      const parsed = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
      return Number.isNaN(parsed.getTime()) ? isoDate : dates.format(parsed);
    },
    languageName: (isoCode) => {
      try {
        return languages.of(isoCode) ?? isoCode;
      } catch {
        return isoCode;
      }
    },
  };
}

export const locales: Record<LocaleCode, Locale> = {
  en: makeLocale('en', en, ''),
  fr: makeLocale('fr', fr, '/fr'),
};

/** Text from the data in the page's language where the data has it, with the language it is actually in. */
export function localized(locale: Locale, english: string, french: string | null | undefined) {
  return locale.code === 'fr' && french ? { text: french, lang: 'fr' } : { text: english, lang: 'en' };
}
