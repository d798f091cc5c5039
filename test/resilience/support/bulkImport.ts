/**
 * Rows for a large import: complete, valid sample entries, kept small so
 * thousands fit in one request under the servers' 5 MB body limit. Slugs and
 * external codes (`bulk-N`, `BULK-N`) are new to any sample catalogue.
 */
import { generateCatalogue } from '../../../seed/catalogue.js';
import { toInput } from '../../publishing/support.js';

export function bulkImportRows(institution: string, count: number): Array<Record<string, unknown>> {
  const [template] = generateCatalogue(institution, 8, 7, '2026-01-15')
    .filter((entry) => entry.status === 'ACTIVE')
    .map(toInput);
  if (!template) throw new Error('the sample generator gave no active entry');
  const { descriptionFr: _fr, titleFr: _titleFr, ...compact } = template;
  return Array.from({ length: count }, (_, index) => ({
    ...compact,
    slug: `bulk-${index}`,
    externalCode: `BULK-${index}`,
    title: `Bulk import entry ${index}`,
    description: `Entry ${index} of a large import. Sample data — not a real offering.`,
    learningOutcomes: ['Clean and prepare raw data sets for analysis'],
    skills: (compact.skills as unknown[]).slice(0, 1),
    occupations: [{ nocCode: '21223', title: 'Database analysts' }],
    assessment: {
      types: ['PROJECT'],
      summativeDescription: 'Capstone project',
      passingThreshold: 70,
      attemptsAllowed: 2,
    },
    prerequisites: [],
    awards: [{ type: 'DIGITAL_BADGE', description: 'Digital badge', standard: 'Open Badges 3.0' }],
    stackability: { kind: 'STANDALONE', programs: [] },
    offerings: [],
    partners: [],
    transferContact: { name: 'Credit Transfer Office', email: 'credittransfer@humber.ca', phone: null },
    status: 'ACTIVE',
  }));
}
