/**
 * The Ontario Qualifications Framework (OQF) as data, and the alignment of a
 * micro-credential's workload to it.
 *
 * Source: https://www.ontario.ca/page/ontario-qualifications-framework and the
 * legacy per-level pages tcu.gov.on.ca/pepg/programs/oqf/certificateN.html,
 * whose numbering this follows (see shared/reference/domain.md §1). Wording of
 * typical durations is the framework's, lightly shortened. French names and
 * credentials follow the French version, « Cadre des qualifications de
 * l'Ontario » (ontario.ca/fr/page/cadre-des-qualifications-de-lontario), and the
 * colleges' official French credential names; the descriptions are paraphrases
 * in both languages. Written without network access: check before relying on it.
 *
 * Micro-credentials are not an OQF category: the framework has nothing below
 * Certificate I's 40 hours. `alignToOqf` therefore says which category a
 * workload is *comparable to*, never that a micro-credential *is* one.
 */
import type { ProviderType } from './generated/enums.js';

/** Who awards an OQF credential: generated from schema/framework.graphql. */
export type { ProviderType };

export interface OqfLevelDefinition {
  /** Position in the framework, 1 to 13. */
  number: number;
  name: string;
  nameFr: string;
  /** What a qualification at this level prepares for, paraphrased from the framework. */
  description: string;
  descriptionFr: string;
  typicalDuration: string;
  typicalDurationFr: string;
  /** Only where the framework states instructional hours. */
  typicalHoursMin: number | null;
  typicalHoursMax: number | null;
  typicalSemesters: string | null;
  typicalCredits: string | null;
  awardedBy: ProviderType[];
  /** The credential actually awarded; null where the framework leaves it "to be determined". */
  credential: string | null;
  credentialFr: string | null;
}

const degreeGranters: ProviderType[] = ['UNIVERSITY', 'CONSENT_HOLDER', 'INDIGENOUS_INSTITUTE'];

export const oqfLevels: readonly OqfLevelDefinition[] = [
  {
    number: 1,
    name: 'Certificate I',
    nameFr: 'Certificat I',
    description: 'Prepares for narrowly defined job requirements: entry-level work, or further postsecondary study.',
    descriptionFr:
      "Prépare à des exigences d'emploi étroitement définies : un emploi de premier échelon, ou la poursuite d'études postsecondaires.",
    typicalDuration: 'At least 40 instructional hours',
    typicalDurationFr: "Au moins 40 heures d'enseignement",
    typicalHoursMin: 40,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    // The framework says "to be determined" for career colleges.
    credential: null,
    credentialFr: null,
  },
  {
    number: 2,
    name: 'Certificate II',
    nameFr: 'Certificat II',
    description: 'Prepares for work in a limited range of activities within a prescribed range of functions.',
    descriptionFr:
      "Prépare à travailler dans un éventail restreint d'activités, au sein d'un ensemble défini de fonctions.",
    typicalDuration: '240 to 500 instructional hours',
    typicalDurationFr: "240 à 500 heures d'enseignement",
    typicalHoursMin: 240,
    typicalHoursMax: 500,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    // Public colleges award a "Certificate" (not an Ontario College Certificate); career colleges: to be determined.
    credential: 'Certificate',
    credentialFr: 'Certificat',
  },
  {
    number: 3,
    name: 'Certificate of Apprenticeship',
    nameFr: "Certificat d'apprentissage",
    description:
      "Workplace-based training in a skilled trade, against the province's training standards for the trade.",
    descriptionFr:
      'Formation en milieu de travail dans un métier spécialisé, selon les normes provinciales de formation du métier.',
    typicalDuration: 'Up to five years depending on the trade, about 80–90% on the job and 10–20% formal instruction',
    typicalDurationFr:
      "Jusqu'à cinq ans selon le métier, environ 80 à 90 % en milieu de travail et 10 à 20 % en formation théorique",
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    // Training is delivered by approved agents (mostly colleges) and employers; the Ministry issues the certificate.
    awardedBy: ['APPRENTICESHIP_AUTHORITY'],
    credential: 'Ontario Certificate of Apprenticeship',
    credentialFr: "Certificat d'apprentissage de l'Ontario",
  },
  // UNVERIFIED: the framework's page for level 4 was not retrieved. It is believed to be the
  // Certificate of Qualification (journeyperson), issued by the trade certification body
  // (formerly the Ontario College of Trades, now Skilled Trades Ontario) after an exam.
  // Check against ontario.ca before relying on anything but the number.
  {
    number: 4,
    name: 'Certificate of Qualification',
    nameFr: 'Certificat de qualification',
    description:
      "Certifies a tradesperson who passed the trade's examination; required to practise a compulsory trade.",
    descriptionFr:
      "Atteste qu'une personne de métier a réussi l'examen de son métier; obligatoire pour exercer un métier à accréditation obligatoire.",
    typicalDuration: 'Examination after completing an apprenticeship',
    typicalDurationFr: "Examen à la fin de l'apprentissage",
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['APPRENTICESHIP_AUTHORITY'],
    credential: 'Certificate of Qualification',
    credentialFr: 'Certificat de qualification',
  },
  {
    number: 5,
    name: 'Certificate III',
    nameFr: 'Certificat III',
    description:
      'Prepares for varied activities using known routines, with some learning outside the main field of study.',
    descriptionFr:
      "Prépare à des activités variées selon des procédures connues, avec des apprentissages hors du domaine d'études principal.",
    typicalDuration: 'Two semesters, or 600–700 equivalent instructional hours',
    typicalDurationFr: "Deux semestres, ou 600 à 700 heures d'enseignement équivalentes",
    typicalHoursMin: 600,
    typicalHoursMax: 700,
    typicalSemesters: '2',
    typicalCredits: null,
    awardedBy: ['PUBLIC_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    credential: 'Ontario College Certificate',
    credentialFr: "Certificat d'études collégiales de l'Ontario",
  },
  {
    number: 6,
    name: 'Diploma I',
    nameFr: 'Diplôme I',
    description: 'Prepares for broad technical or administrative work, including coordination and evaluation.',
    descriptionFr: "Prépare à un travail technique ou administratif étendu, y compris la coordination et l'évaluation.",
    typicalDuration: '1000 or more instructional hours',
    typicalDurationFr: "1 000 heures d'enseignement ou plus",
    typicalHoursMin: 1000,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'INDIGENOUS_INSTITUTE'],
    credential: 'Diploma',
    credentialFr: 'Diplôme',
  },
  {
    number: 7,
    name: 'Diploma II',
    nameFr: 'Diplôme II',
    description: 'The scope of Diploma I, with breadth of learning outside the main field of study.',
    descriptionFr: "La portée du Diplôme I, avec une formation générale hors du domaine d'études principal.",
    typicalDuration: 'Four semesters, or 1200–1400 equivalent instructional hours',
    typicalDurationFr: "Quatre semestres, ou 1 200 à 1 400 heures d'enseignement équivalentes",
    typicalHoursMin: 1200,
    typicalHoursMax: 1400,
    typicalSemesters: '4',
    typicalCredits: null,
    awardedBy: ['PUBLIC_COLLEGE'],
    credential: 'Ontario College Diploma',
    credentialFr: "Diplôme d'études collégiales de l'Ontario",
  },
  {
    number: 8,
    name: 'Advanced Diploma',
    nameFr: 'Diplôme avancé',
    description: 'Prepares for broad technical or management functions, with the conceptual frameworks behind them.',
    descriptionFr:
      'Prépare à des fonctions techniques ou de gestion étendues, avec les cadres conceptuels qui les sous-tendent.',
    typicalDuration: 'Six semesters, or 1800–2100 equivalent instructional hours',
    typicalDurationFr: "Six semestres, ou 1 800 à 2 100 heures d'enseignement équivalentes",
    typicalHoursMin: 1800,
    typicalHoursMax: 2100,
    typicalSemesters: '6',
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    // Public colleges; career colleges: to be determined.
    credential: 'Ontario College Advanced Diploma',
    credentialFr: "Diplôme d'études collégiales de l'Ontario – niveau avancé",
  },
  {
    number: 9,
    name: 'Post-Diploma Certificate',
    nameFr: 'Certificat postdiplôme',
    description: 'Deepens the skills of a diploma, or gives degree holders applied occupational skills.',
    descriptionFr:
      "Approfondit les compétences acquises au diplôme, ou donne aux titulaires d'un grade des compétences professionnelles appliquées.",
    typicalDuration:
      'Two semesters, or 600–700 equivalent instructional hours; admission requires a diploma, advanced diploma or degree',
    typicalDurationFr:
      "Deux semestres, ou 600 à 700 heures d'enseignement équivalentes; l'admission exige un diplôme, un diplôme avancé ou un grade",
    typicalHoursMin: 600,
    typicalHoursMax: 700,
    typicalSemesters: '2',
    typicalCredits: null,
    awardedBy: ['CAREER_COLLEGE', 'PUBLIC_COLLEGE'],
    credential: 'Ontario College Graduate Certificate',
    credentialFr: "Certificat d'études supérieures de l'Ontario",
  },
  {
    number: 10,
    name: "Baccalaureate/Bachelor's Degree",
    nameFr: 'Baccalauréat',
    description: 'Broad knowledge, with specialised knowledge in at least one discipline.',
    descriptionFr: 'Des connaissances générales, et des connaissances spécialisées dans au moins une discipline.',
    typicalDuration: 'Six to eight semesters; normally 90–120 credits',
    typicalDurationFr: 'Six à huit semestres; normalement 90 à 120 crédits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '6–8',
    typicalCredits: '90–120',
    awardedBy: degreeGranters,
    credential: "Bachelor's degree",
    credentialFr: 'Baccalauréat',
  },
  {
    number: 11,
    name: "Baccalaureate/Bachelor's Degree: Honours",
    nameFr: 'Baccalauréat spécialisé',
    description:
      "Greater conceptual depth than a bachelor's degree, usually with a final research paper, thesis or project.",
    descriptionFr:
      'Une maîtrise conceptuelle plus poussée que le baccalauréat, généralement avec un travail de recherche, un mémoire ou un projet final.',
    typicalDuration: 'Eight or more semesters; normally 120 credits',
    typicalDurationFr: 'Huit semestres ou plus; normalement 120 crédits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '8 or more',
    typicalCredits: '120',
    awardedBy: degreeGranters,
    credential: "Honours bachelor's degree",
    credentialFr: 'Baccalauréat spécialisé',
  },
  {
    number: 12,
    name: "Master's Degree",
    nameFr: 'Maîtrise',
    description: 'Advanced knowledge and supervised research skills, oriented to a profession or to research.',
    descriptionFr:
      'Des connaissances avancées et des compétences en recherche supervisée, orientées vers une profession ou vers la recherche.',
    typicalDuration: 'Three to five semesters; normally 45–60 credits',
    typicalDurationFr: 'Trois à cinq semestres; normalement 45 à 60 crédits',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: '3–5',
    typicalCredits: '45–60',
    awardedBy: degreeGranters,
    credential: "Master's degree",
    credentialFr: 'Maîtrise',
  },
  {
    number: 13,
    name: 'Doctoral Degree',
    nameFr: 'Doctorat',
    description: 'Original research, presented in a thesis, that extends the knowledge of a discipline.',
    descriptionFr:
      "Une recherche originale, présentée dans une thèse, qui fait progresser les connaissances d'une discipline.",
    typicalDuration: 'Three to five years, depending on field and progress',
    typicalDurationFr: 'Trois à cinq ans, selon le domaine et les progrès',
    typicalHoursMin: null,
    typicalHoursMax: null,
    typicalSemesters: null,
    typicalCredits: null,
    awardedBy: degreeGranters,
    credential: 'Doctoral degree',
    credentialFr: 'Doctorat',
  },
];

export function oqfLevel(number: number): OqfLevelDefinition | null {
  return oqfLevels.find((level) => level.number === number) ?? null;
}

function requireLevel(number: number): OqfLevelDefinition {
  const level = oqfLevel(number);
  if (!level) throw new Error(`OQF level ${number} is missing from oqfLevels`);
  return level;
}

export type OqfBand = 'BELOW_CERTIFICATE_I' | 'CERTIFICATE_I' | 'CERTIFICATE_II' | 'ABOVE_CERTIFICATE_II';

export interface OqfAlignmentResult {
  band: OqfBand;
  /** Null below Certificate I: the framework has no category that small. */
  comparableLevel: OqfLevelDefinition | null;
  hours: number;
  explanation: string;
  explanationFr: string;
}

/** Thresholds in instructional hours, from the framework's Certificate I and II durations. */
export const certificateIMinHours = 40;
export const certificateIIMinHours = 240;
export const certificateIIMaxHours = 500;

export class InvalidHoursError extends RangeError {
  constructor(readonly hours: unknown) {
    super(`instructional hours must be a finite number greater than 0, got ${describe(hours)}`);
    this.name = 'InvalidHoursError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'nothing';
  return `${JSON.stringify(value)} (${value === null ? 'null' : typeof value})`;
}

const notAClassification =
  'This is an alignment by workload, not an OQF classification: micro-credentials are not OQF qualifications.';
const notAClassificationFr =
  "Il s'agit d'un alignement selon la charge de travail, non d'un classement dans le CQO : les microcertifications ne sont pas des qualifications du CQO.";

/**
 * Which OQF reference point a workload is comparable to. Half-open bands, so
 * fractional hours have one answer: [0, 40) below Certificate I, [40, 240)
 * Certificate I, [240, 500] Certificate II, above 500 beyond Certificate II.
 */
export function alignToOqf(hours: unknown): OqfAlignmentResult {
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) throw new InvalidHoursError(hours);
  const shown = `${hours} instructional hours`;
  const shownFr = `${hours.toLocaleString('fr-CA')} heures d'enseignement`;
  if (hours < certificateIMinHours) {
    return {
      band: 'BELOW_CERTIFICATE_I',
      comparableLevel: null,
      hours,
      explanation: `${shown} is below the ${certificateIMinHours} hours of Certificate I, the smallest OQF category: the micro-credential band, with no comparable OQF level. ${notAClassification}`,
      explanationFr: `${shownFr}, c'est moins que les ${certificateIMinHours} heures du Certificat I, la plus petite catégorie du CQO : la tranche des microcertifications, sans niveau du CQO comparable. ${notAClassificationFr}`,
    };
  }
  if (hours < certificateIIMinHours) {
    return {
      band: 'CERTIFICATE_I',
      comparableLevel: requireLevel(1),
      hours,
      explanation: `${shown} is comparable to the workload of an OQF Certificate I (at least ${certificateIMinHours} hours). ${notAClassification}`,
      explanationFr: `${shownFr} : une charge de travail comparable à celle d'un Certificat I du CQO (au moins ${certificateIMinHours} heures). ${notAClassificationFr}`,
    };
  }
  if (hours <= certificateIIMaxHours) {
    return {
      band: 'CERTIFICATE_II',
      comparableLevel: requireLevel(2),
      hours,
      explanation: `${shown} is comparable to the workload of an OQF Certificate II (${certificateIIMinHours} to ${certificateIIMaxHours} hours). ${notAClassification}`,
      explanationFr: `${shownFr} : une charge de travail comparable à celle d'un Certificat II du CQO (${certificateIIMinHours} à ${certificateIIMaxHours} heures). ${notAClassificationFr}`,
    };
  }
  return {
    band: 'ABOVE_CERTIFICATE_II',
    // Higher categories differ by admission, breadth and credential, not by hours alone,
    // so Certificate II is the highest level a workload by itself is comparable to.
    comparableLevel: requireLevel(2),
    hours,
    explanation: `${shown} exceeds the ${certificateIIMaxHours} hours of an OQF Certificate II; higher OQF categories are defined by more than workload, so hours alone do not compare it to one. ${notAClassification}`,
    explanationFr: `${shownFr}, c'est plus que les ${certificateIIMaxHours} heures d'un Certificat II du CQO; les catégories supérieures se définissent par plus que la charge de travail, et les heures seules ne suffisent pas à les comparer. ${notAClassificationFr}`,
  };
}
