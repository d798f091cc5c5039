/**
 * Synonym groups: every phrase in a group finds the others. Written naturally
 * (accents, capitals); both backends normalise them like indexed text.
 * English and French forms of the same notion stay in separate groups unless
 * the words are the same, so "IA" finds French AI content and "AI" English.
 */
import { words } from './text.js';

export const synonymGroups: readonly (readonly string[])[] = [
  ['AI', 'artificial intelligence'],
  ['IA', 'intelligence artificielle'],
  ['PSW', 'personal support worker'],
  ['cybersecurity', 'cybersécurité', 'cyber security'],
  ['ECE', 'early childhood education'],
  ['ML', 'machine learning'],
  ['HVAC', 'heating ventilation and air conditioning'],
  ['EV', 'electric vehicle'],
  ['PM', 'project management'],
];

/** Normalised phrase (words joined by one space) → the other phrases of its groups. */
export type SynonymTable = ReadonlyMap<string, readonly string[]>;

export function buildSynonymTable(groups: readonly (readonly string[])[] = synonymGroups): SynonymTable {
  const table = new Map<string, string[]>();
  for (const group of groups) {
    const phrases = group.map((phrase) => words(phrase).join(' '));
    for (const phrase of phrases) {
      const others = phrases.filter((other) => other !== phrase);
      table.set(phrase, [...new Set([...(table.get(phrase) ?? []), ...others])]);
    }
  }
  return table;
}

/** Meilisearch's `synonyms` setting: each phrase maps to the others (mutual synonyms). */
export function meilisearchSynonyms(groups: readonly (readonly string[])[] = synonymGroups): Record<string, string[]> {
  const setting: Record<string, string[]> = {};
  for (const [phrase, others] of buildSynonymTable(groups)) setting[phrase] = [...others];
  return setting;
}

export const longestSynonymPhrase = Math.max(...synonymGroups.flat().map((phrase) => words(phrase).length));
