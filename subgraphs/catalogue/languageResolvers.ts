/**
 * The catalogue's bilingual fields: each one line over runtime/language.ts,
 * which owns negotiation and fallback. Classification labels come in French
 * from the official tables (runtime/taxonomyLabels.ts), looked up by code.
 */
import type { Resolvers } from './generated/resolvers.js';
import { englishOf, localized, servedLanguage } from '../../runtime/language.js';
import { frenchLabel, frenchSkillLabel } from '../../runtime/taxonomyLabels.js';

type Row = { title: string; titleFr: string | null; description: string; descriptionFr: string | null };
const title = (row: Row) => englishOf(row.title, row.titleFr);
const titleFr = (row: Row) => row.titleFr;

export const languageFields = {
  MicroCredential: {
    title: localized(title, titleFr),
    titleLanguage: servedLanguage(title, titleFr),
    description: localized(
      (row) => englishOf(row.description, row.descriptionFr),
      (row) => row.descriptionFr,
    ),
  },
  Skill: {
    label: localized(
      (skill) => skill.label,
      (skill) => frenchSkillLabel(skill),
    ),
  },
  Occupation: {
    title: localized(
      (occupation) => occupation.title,
      (occupation) => frenchLabel('noc', occupation.nocCode),
    ),
  },
  InstructionalProgram: {
    title: localized(
      (program) => program.title,
      (program) => frenchLabel('cip', program.code),
    ),
  },
} satisfies Resolvers;
