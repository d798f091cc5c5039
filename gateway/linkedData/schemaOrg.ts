/**
 * schema.org: an entry as a `Course` with a `CourseInstance` per intake and
 * the `EducationalOccupationalCredential` it awards, in the shape search
 * engines' course rich results read; its institution as a
 * `CollegeOrUniversity` (or `EducationalOrganization` for career colleges).
 * Embedded in the HTML page too.
 */
import {
  deliveryModeText,
  frameworks,
  institutionDescription,
  skillFramework,
  weeksDuration,
  xsdDuration,
} from './describe.js';
import type { ExportedEntry, ExportedInstitution } from './exportQueries.js';
import { schemaOrgContextUrl } from './vocabularies/index.js';

type Json = Record<string, unknown>;

export function schemaOrgOrganization(institution: ExportedInstitution): Json {
  return {
    '@type': institution.type === 'CAREER_COLLEGE' ? 'EducationalOrganization' : 'CollegeOrUniversity',
    '@id': institution.url,
    name: institution.name,
    ...(institution.nameFr ? { alternateName: institution.nameFr } : {}),
    description: institutionDescription(institution),
    url: institution.url,
    sameAs: institution.website,
    address: { '@type': 'PostalAddress', addressRegion: 'ON', addressCountry: 'CA' },
    knowsLanguage: institution.languages,
  };
}

export function schemaOrgInstitutionDocument(institution: ExportedInstitution): Json {
  return { '@context': schemaOrgContextUrl, ...schemaOrgOrganization(institution) };
}

const courseModes: Record<ExportedEntry['deliveryMode'], string> = {
  ONLINE_ASYNCHRONOUS: 'Online',
  ONLINE_SYNCHRONOUS: 'Online',
  IN_PERSON: 'Onsite',
  HYBRID: 'Blended',
};

function offer(entry: ExportedEntry, price: number, url: string): Json {
  return {
    '@type': 'Offer',
    category: price > 0 ? 'Paid' : 'Free',
    price,
    priceCurrency: 'CAD',
    url,
    availability: entry.status === 'SUNSET' ? 'https://schema.org/Discontinued' : 'https://schema.org/InStock',
  };
}

function credentialAwarded(entry: ExportedEntry): Json {
  return {
    '@type': 'EducationalOccupationalCredential',
    name: entry.title,
    credentialCategory: 'Micro-credential',
    ...(entry.oqfAlignment?.comparableLevel
      ? {
          educationalLevel: {
            '@type': 'DefinedTerm',
            name: entry.oqfAlignment.comparableLevel.name,
            termCode: String(entry.oqfAlignment.comparableLevel.number),
            description: entry.oqfAlignment.explanation,
            inDefinedTermSet: frameworks.oqf.url,
          },
        }
      : {}),
    competencyRequired: entry.skills.map((skill) => ({
      '@type': 'DefinedTerm',
      name: skill.label,
      termCode: skill.code,
      ...(skillFramework(skill.framework) ? { inDefinedTermSet: skillFramework(skill.framework)!.url } : {}),
    })),
    about: entry.occupations.map((occupation) => ({
      '@type': 'Occupation',
      name: occupation.title,
      occupationalCategory: {
        '@type': 'CategoryCode',
        codeValue: occupation.nocCode,
        inCodeSet: { '@type': 'CategoryCodeSet', name: frameworks.noc.name, url: frameworks.noc.url },
      },
    })),
    recognizedBy: [{ '@type': 'Organization', name: entry.qualityAssurance.body }],
    ...(entry.credentialValidity?.kind === 'TIME_LIMITED' && entry.credentialValidity.months != null
      ? { validFor: `P${entry.credentialValidity.months}M` }
      : {}),
  };
}

const weekdays: Record<string, string> = {
  MONDAY: 'https://schema.org/Monday',
  TUESDAY: 'https://schema.org/Tuesday',
  WEDNESDAY: 'https://schema.org/Wednesday',
  THURSDAY: 'https://schema.org/Thursday',
  FRIDAY: 'https://schema.org/Friday',
  SATURDAY: 'https://schema.org/Saturday',
  SUNDAY: 'https://schema.org/Sunday',
};

/** The intake's dates, with its weekly meetings when the institution gives them (contract 1.1). */
function courseSchedule(entry: ExportedEntry, offering: ExportedEntry['offerings'][number]): Json | Json[] {
  const dates = {
    '@type': 'Schedule',
    duration: weeksDuration(entry.durationWeeks),
    startDate: offering.startDate,
    endDate: offering.endDate,
  };
  const { schedule } = offering;
  if (!schedule?.sessions.length) return dates;
  return schedule.sessions.map((session) => ({
    ...dates,
    repeatFrequency: 'P1W',
    byDay: weekdays[session.day],
    startTime: session.startTime,
    endTime: session.endTime,
    scheduleTimezone: schedule.timeZone,
  }));
}

function place(offering: ExportedEntry['offerings'][number]): Json {
  const { address } = offering;
  return {
    '@type': 'Place',
    name: offering.location,
    address: address
      ? {
          '@type': 'PostalAddress',
          streetAddress: address.streetAddress,
          addressLocality: address.locality,
          addressRegion: address.region,
          ...(address.postalCode ? { postalCode: address.postalCode } : {}),
          addressCountry: address.country,
        }
      : { '@type': 'PostalAddress', addressRegion: 'ON', addressCountry: 'CA' },
  };
}

export function schemaOrgCourse(entry: ExportedEntry): Json {
  const prices = entry.offerings.map((offering) => offering.priceCad);
  return {
    '@context': schemaOrgContextUrl,
    '@type': 'Course',
    '@id': entry.url,
    name: entry.title,
    ...(entry.titleFr ? { alternateName: entry.titleFr } : {}),
    description: entry.description,
    url: entry.url,
    sameAs: entry.courseOutlineUrl,
    ...(entry.externalCode ? { courseCode: entry.externalCode } : {}),
    inLanguage: entry.languages,
    provider: schemaOrgOrganization(entry.institution),
    creativeWorkStatus: entry.status === 'SUNSET' ? 'Sunset' : 'Active',
    ...(entry.expiryDate ? { expires: entry.expiryDate } : {}),
    dateModified: entry.updatedAt,
    timeRequired: xsdDuration(entry.instructionalHours * 3600),
    teaches: entry.learningOutcomes,
    ...(entry.prerequisites.length ? { coursePrerequisites: entry.prerequisites } : {}),
    ...(entry.creditBearing && entry.credits != null ? { numberOfCredits: entry.credits } : {}),
    ...(entry.osapEligible ? { financialAidEligible: 'OSAP for Micro-credentials' } : {}),
    about: {
      '@type': 'DefinedTerm',
      name: entry.cip.title,
      termCode: entry.cip.code,
      inDefinedTermSet: frameworks.cip.url,
    },
    ...(entry.accessibility ? { accessibilitySummary: entry.accessibility.accommodations } : {}),
    educationalCredentialAwarded: credentialAwarded(entry),
    ...(prices.length ? { offers: offer(entry, Math.min(...prices), entry.url) } : {}),
    hasCourseInstance: entry.offerings.map((offering) => ({
      '@type': 'CourseInstance',
      '@id': `${entry.url}#offering-${encodeURIComponent(offering.id)}`,
      name: `${entry.title} (${offering.startDate})`,
      courseMode: offering.online ? 'Online' : courseModes[entry.deliveryMode],
      description: deliveryModeText[entry.deliveryMode],
      startDate: offering.startDate,
      endDate: offering.endDate,
      // The work expected of learners: their notional effort (1.1) when given, else the instructional hours.
      courseWorkload: xsdDuration((entry.learnerEffortHours ?? entry.instructionalHours) * 3600),
      courseSchedule: courseSchedule(entry, offering),
      ...(offering.language ? { inLanguage: offering.language } : {}),
      ...(offering.seats != null ? { maximumAttendeeCapacity: offering.seats } : {}),
      ...(offering.seatsAvailable != null ? { remainingAttendeeCapacity: offering.seatsAvailable } : {}),
      location: offering.online ? { '@type': 'VirtualLocation', url: offering.registrationUrl } : place(offering),
      offers: offer(entry, offering.priceCad, offering.registrationUrl),
    })),
  };
}
