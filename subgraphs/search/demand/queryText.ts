/**
 * What of a search query may be kept as demand: the text normalised (case,
 * Unicode form, spacing, length), and nothing that could name or reach a
 * person. People type e-mail addresses, phone numbers, student or SIN-like
 * numbers and postal codes into search boxes; such a query is counted as
 * withheld, its text never stored.
 */

export const withheldQuery = '(withheld: personal details)';
const maxStoredLength = 80;

const personalPatterns = [
  /\S+@\S+/, // e-mail address
  /\d[\d\s().-]{5,}\d/, // phone, student, SIN or card number: 7+ digits with separators
  /\b[a-z]\d[a-z]\s?\d[a-z]\d\b/i, // Canadian postal code
  /https?:\/\/|www\./i, // a URL can carry anything
];

/** The query as demand records keep it; null for an empty query (a browse, not a search). */
export function normaliseQuery(query: string | null | undefined): string | null {
  if (query == null) return null;
  const text = query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  if (personalPatterns.some((pattern) => pattern.test(text))) return withheldQuery;
  return text.length > maxStoredLength ? text.slice(0, maxStoredLength).trimEnd() : text;
}

/**
 * NOC 2021 broad occupational categories (the first digit of a unit group):
 * the themes supply and demand are grouped by.
 */
export const nocThemes: Record<string, string> = {
  '0': 'Legislative and senior management',
  '1': 'Business, finance and administration',
  '2': 'Natural and applied sciences',
  '3': 'Health',
  '4': 'Education, law and social, community and government services',
  '5': 'Art, culture, recreation and sport',
  '6': 'Sales and service',
  '7': 'Trades, transport and equipment operators',
  '8': 'Natural resources, agriculture and related production',
  '9': 'Manufacturing and utilities',
};

export function themeOfNoc(code: string): string {
  return nocThemes[code[0] ?? ''] ?? 'Unclassified';
}
