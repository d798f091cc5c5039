/**
 * SAMPLE values for what contract 1.1 added (see seed/catalogue.ts): PLAR,
 * resources, pacing, intake, validity, grading, credit unit, effort, contacts,
 * accessibility, fees, and per-offering seats, language, address, schedule.
 * Drawn from their own random stream, so the 1.0 fields of every sample entry
 * are exactly what they were before 1.1.
 */
import type { OfferingInput } from '../subgraphs/catalogue/catalogueEntry.js';
import type {
  CriticalInformation,
  DayOfWeek,
  OfficialLanguage,
  PostalAddress,
} from '../subgraphs/catalogue/criticalInformation.js';
import type { DeliveryMode } from '../subgraphs/catalogue/entryParts.js';
import type { SampleInstitution } from './institutions.js';
import { randomFor, type Random } from './random.js';

export interface SampleEntryFacts {
  institution: SampleInstitution;
  slug: string;
  /** Official languages the entry's text is supplied in. */
  entryLanguages: OfficialLanguage[];
  instructionalHours: number;
  credits: number | null;
  deliveryMode: DeliveryMode;
  /** The entry's price per intake, CAD. */
  price: number;
  site: string;
  /** Used for contacts: the institution's own mail domain. */
  domain: string;
}

export function sampleCriticalInformation(
  facts: SampleEntryFacts,
): Omit<CriticalInformation, 'learningOutcomesFr' | 'prerequisitesFr'> {
  const random = randomFor(`${facts.institution.code}:${facts.slug}:1.1`);
  const french = facts.entryLanguages[0] === 'FR';
  const text = (en: string, fr: string) => (french ? fr : en);
  const frenchToo = (fr: string) => (facts.entryLanguages.includes('FR') ? fr : null);
  const selfPaced = facts.deliveryMode === 'ONLINE_ASYNCHRONOUS';
  const plar = random.chance(0.6);
  const materials = random.chance(0.4) ? random.pick([25, 40, 60, 85]) : 0;
  const exam = random.chance(0.25) ? random.pick([50, 75, 100]) : 0;
  const tuition = Math.max(0, facts.price - materials - exam);
  return {
    entryLanguages: facts.entryLanguages,
    priorLearningAssessment: plar
      ? {
          available: true,
          process: text(
            'Submit a portfolio of work evidence; an assessor reviews it against the learning outcomes within 15 business days.',
            'Soumettez un portfolio de preuves de travail; une personne évaluatrice l’examine au regard des résultats d’apprentissage en 15 jours ouvrables.',
          ),
          processFr: frenchToo(
            'Soumettez un portfolio de preuves de travail; une personne évaluatrice l’examine au regard des résultats d’apprentissage en 15 jours ouvrables.',
          ),
          fee: { amount: random.pick([75, 100, 150]), currency: 'CAD' },
          contact: {
            name: text('Prior Learning Assessment Office', 'Bureau de la RAC'),
            email: `plar@${facts.domain}`,
            phone: null,
          },
        }
      : { available: false, process: null, processFr: null, fee: null, contact: null },
    learningResources: [
      {
        kind: random.pick(['OPEN_EDUCATIONAL_RESOURCE', 'ONLINE_PLATFORM', 'TEXTBOOK'] as const),
        title: text('Course readings and practice files (sample)', 'Lectures et fichiers d’exercice (exemple)'),
        titleFr: frenchToo('Lectures et fichiers d’exercice (exemple)'),
        url: `${facts.site}/micro-credentials/${facts.slug}/resources`,
        includedInFees: true,
      },
      ...(materials > 0
        ? [
            {
              kind: 'EQUIPMENT' as const,
              title: text('Practice kit', 'Trousse d’exercice'),
              titleFr: frenchToo('Trousse d’exercice'),
              url: null,
              includedInFees: true,
            },
          ]
        : []),
    ],
    pacing: { selfPaced, completionWindowWeeks: selfPaced ? random.pick([12, 16, 26]) : null },
    intakeModel: selfPaced && random.chance(0.5) ? 'CONTINUOUS_ENROLMENT' : 'SCHEDULED_INTAKES',
    credentialValidity: random.chance(0.15)
      ? { kind: 'TIME_LIMITED', months: 36 }
      : { kind: 'PERMANENT', months: null },
    gradingScheme: facts.credits !== null ? 'PERCENTAGE' : random.pick(['PASS_FAIL', 'COMPETENCY_LEVELS'] as const),
    creditUnit:
      facts.credits === null ? null : facts.institution.type === 'UNIVERSITY' ? 'COURSE_CREDIT' : 'CREDIT_HOUR',
    learnerEffortHours: Math.round(facts.instructionalHours * random.pick([1.25, 1.5, 2])),
    learnerContact: {
      name: text('Continuing Education Learner Services', 'Services aux apprenants, formation continue'),
      email: `${french ? 'formationcontinue' : 'ce'}@${facts.domain}`,
      phone: null,
    },
    accessibility: {
      features: random.sample(
        ['CAPTIONED_MEDIA', 'SCREEN_READER_COMPATIBLE', 'ALTERNATIVE_FORMATS', 'EXTENDED_ASSESSMENT_TIME'] as const,
        random.int(2, 4),
      ),
      accommodations: text(
        'Register with Accessible Learning Services before the start date to arrange accommodations.',
        'Inscrivez-vous aux Services d’accessibilité avant le début pour obtenir des mesures d’adaptation.',
      ),
      accommodationsFr: frenchToo(
        'Inscrivez-vous aux Services d’accessibilité avant le début pour obtenir des mesures d’adaptation.',
      ),
      contact: {
        name: text('Accessible Learning Services', 'Services d’accessibilité'),
        email: `accessibility@${facts.domain}`,
        phone: null,
      },
    },
    fees: {
      tuition: { amount: tuition, currency: 'CAD' },
      materials: materials > 0 ? { amount: materials, currency: 'CAD' } : null,
      other: exam > 0 ? { amount: exam, currency: 'CAD' } : null,
      otherDescription: exam > 0 ? text('Proctored exam fee', 'Frais d’examen surveillé') : null,
      otherDescriptionFr: exam > 0 ? frenchToo('Frais d’examen surveillé') : null,
    },
  };
}

/**
 * Seats, language, address and weekly schedule for each sample intake. The
 * intakes are fresh objects from the generator, so they are completed in place:
 * copying 50,000 entries' intakes with spread tripled the generator's time.
 */
export function withSampleOfferingDetails(
  offerings: OfferingInput[],
  facts: { institution: SampleInstitution; slug: string; languages: string[] },
): OfferingInput[] {
  const random = randomFor(`${facts.institution.code}:${facts.slug}:offerings:1.1`);
  for (const offering of offerings) {
    const seats = random.pick([20, 24, 30, 40]);
    offering.seats = seats;
    offering.seatsAvailable = random.int(0, seats);
    offering.language = random.pick(facts.languages);
    offering.address = offering.online ? null : sampleAddress(regionCities[facts.institution.region], random);
    offering.schedule = offering.online && random.chance(0.5) ? null : sampleSchedule(random);
  }
  return offerings;
}

const regionCities: Record<SampleInstitution['region'], string> = {
  TORONTO: 'Toronto',
  CENTRAL: 'Barrie',
  EASTERN: 'Ottawa',
  NORTHERN: 'Sudbury',
  SOUTHWESTERN: 'London',
};

function sampleAddress(city: string, random: Random): PostalAddress {
  return {
    streetAddress: `${random.int(1, 2000)} ${random.pick(['College', 'University', 'Campus', 'Lakeshore'])} Road (sample)`,
    locality: city,
    region: 'ON',
    postalCode: null,
    country: 'CA',
  };
}

const weekdays: DayOfWeek[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'];

function sampleSchedule(random: Random) {
  const evening = random.chance(0.6);
  return {
    timeZone: 'America/Toronto',
    sessions: random.sample(weekdays, random.int(1, 2)).map((day) => ({
      day,
      startTime: evening ? '18:30' : '09:00',
      endTime: evening ? '21:30' : '12:00',
    })),
    note: null,
    noteFr: null,
  };
}
