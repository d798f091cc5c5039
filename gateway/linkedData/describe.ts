/**
 * Wording and lookups every format shares: language maps, the OQF, NOC,
 * CIP and ESCO frameworks, delivery modes in words, and ISO 8601 durations.
 */
import type { ExportedEntry, ExportedInstitution } from './exportQueries.js';

/** `{ en, fr }` without the languages that have no text. */
export function languageMap(en: string, fr?: string | null): Record<string, string> {
  return fr ? { en, fr } : { en };
}

export const frameworks = {
  oqf: {
    name: 'Ontario Qualifications Framework',
    url: 'https://www.ontario.ca/page/ontario-qualifications-framework',
  },
  noc: {
    name: 'National Occupational Classification (NOC) 2021 Version 1.0',
    url: 'https://noc.esdc.gc.ca/',
  },
  cip: {
    name: 'Classification of Instructional Programs (CIP) Canada 2021',
    url: 'https://www.statcan.gc.ca/en/subjects/standard/cip/2021/index',
  },
  esco: {
    name: 'ESCO (European Skills, Competences, Qualifications and Occupations)',
    url: 'https://esco.ec.europa.eu/',
  },
  sct: {
    name: 'ESDC Skills and Competencies Taxonomy',
    url: 'https://noc.esdc.gc.ca/SkillsTaxonomy/SkillsTaxonomyWelcome',
  },
} as const;

export function skillFramework(framework: ExportedEntry['skills'][number]['framework']) {
  return framework === 'ESCO' ? frameworks.esco : framework === 'ESDC_SCT' ? frameworks.sct : undefined;
}

export const deliveryModeText: Record<ExportedEntry['deliveryMode'], string> = {
  ONLINE_ASYNCHRONOUS: 'Online, self-paced (asynchronous)',
  ONLINE_SYNCHRONOUS: 'Online, scheduled live sessions (synchronous)',
  IN_PERSON: 'In person',
  HYBRID: 'Hybrid: online and in person',
};

export const institutionTypeText: Record<ExportedInstitution['type'], string> = {
  PUBLIC_COLLEGE: 'public college',
  UNIVERSITY: 'public university',
  INDIGENOUS_INSTITUTE: 'Indigenous Institute',
  CAREER_COLLEGE: 'career college',
};

export const regionText: Record<ExportedInstitution['region'], string> = {
  CENTRAL: 'Central Ontario',
  EASTERN: 'Eastern Ontario',
  NORTHERN: 'Northern Ontario',
  SOUTHWESTERN: 'Southwestern Ontario',
  TORONTO: 'Toronto',
};

/** Public institutions lack a description of their own; this one says what the registry knows. */
export function institutionDescription(institution: ExportedInstitution): string {
  return `${institution.name} is an Ontario ${institutionTypeText[institution.type]} in ${regionText[institution.region]}, listed in the Ontario micro-credential directory.`;
}

/** A duration in seconds as an xsd:duration (hours and minutes; seconds only when there are any). */
export function xsdDuration(totalSeconds: number): string {
  const rounded = Math.round(totalSeconds);
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const seconds = rounded % 60;
  return `PT${hours}H${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
}

/** Weeks as days and hours, e.g. 1.5 weeks → `P10DT12H` (xsd:duration has no weeks). */
export function weeksDuration(weeks: number): string {
  const days = Math.floor(weeks * 7);
  const remainder = Math.round((weeks * 7 - days) * 86_400);
  return `P${days}D${remainder ? xsdDuration(remainder).slice(1).replace(/^T0H/, 'T') : ''}`;
}

export function hoursText(hours: number): string {
  return `${hours} instructional ${hours === 1 ? 'hour' : 'hours'}`;
}

export function weeksText(weeks: number): string {
  return `${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
}

/** The learning outcomes and the assessment in words: what a learner must show to earn it. */
export function criteriaNarrative(entry: ExportedEntry): string {
  const lines = ['Successful learners can:', ...entry.learningOutcomes.map((outcome) => `- ${outcome}`)];
  if (entry.assessment.summativeDescription) lines.push('', `Assessment: ${entry.assessment.summativeDescription}`);
  if (entry.assessment.passingThreshold != null) {
    lines.push('', `Minimum passing grade: ${entry.assessment.passingThreshold}%.`);
  }
  return lines.join('\n');
}
