/**
 * TEMPORARY, to be replaced at merge by the schema.org exporter in
 * gateway/linkedData/ (issue 12), which owns the mapping. A minimal
 * schema.org `Course` with its `CourseInstance`s, embedded in the detail
 * page so search engines see the entry until then.
 */
import type { Detail } from './queries.js';

export function schemaOrgCourse(entry: Detail, pageUrl: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    '@id': pageUrl,
    url: pageUrl,
    courseCode: entry.id,
    name: entry.title,
    description: entry.description,
    inLanguage: entry.languages,
    timeRequired: `PT${entry.instructionalHours}H`,
    provider: {
      '@type': 'CollegeOrUniversity',
      name: entry.institution.name ?? entry.institution.code,
      ...(entry.institution.website ? { url: entry.institution.website } : {}),
    },
    teaches: entry.skills.map((skill) => skill.label),
    hasCourseInstance: entry.offerings.map((offering) => ({
      '@type': 'CourseInstance',
      courseMode: offering.online ? 'online' : 'onsite',
      startDate: offering.startDate,
      endDate: offering.endDate,
      location: offering.location,
      offers: { '@type': 'Offer', price: offering.priceCad, priceCurrency: 'CAD', url: offering.registrationUrl },
    })),
  };
}
