/**
 * The framework's bilingual fields, each one line over runtime/language.ts
 * (negotiation and fallback): OQF content, the institution registry's names,
 * common-core definitions and programs.
 */
import type { Resolvers } from './generated/resolvers.js';
import { localized, localizedOptional, requestedLanguage } from '../../runtime/language.js';

export const languageResolvers: Resolvers = {
  OqfLevel: {
    name: localized(
      (level) => level.name,
      (level) => level.nameFr,
    ),
    description: localized(
      (level) => level.description,
      (level) => level.descriptionFr,
    ),
    typicalDuration: localized(
      (level) => level.typicalDuration,
      (level) => level.typicalDurationFr,
    ),
    credential: localizedOptional(
      (level) => level.credential,
      (level) => level.credentialFr,
    ),
  },
  OqfAlignment: {
    explanation: localized(
      (alignment) => alignment.explanation,
      (alignment) => alignment.explanationFr,
    ),
  },
  Institution: {
    name: localized(
      (institution) => institution.name,
      (institution) => institution.nameFr,
    ),
  },
  CommonCoreEntry: {
    title: localized(
      (entry) => entry.title,
      (entry) => entry.titleFr,
    ),
    description: localized(
      (entry) => entry.description,
      (entry) => entry.descriptionFr,
    ),
    // A list is served whole in one language, never mixed item by item.
    requiredCompetencies: (entry, { lang }, context) =>
      requestedLanguage(lang, context) === 'FR' && entry.requiredCompetenciesFr.length > 0
        ? entry.requiredCompetenciesFr
        : entry.requiredCompetencies,
  },
  Program: {
    title: localized(
      (program) => program.title,
      (program) => program.titleFr,
    ),
    credential: localized(
      (program) => program.credential,
      (program) => program.credentialFr,
    ),
  },
};
