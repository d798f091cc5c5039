/**
 * SAMPLE provincial trust marks for the local directory: OSAP approvals
 * (one of them an exception to the OSAP rules), quality-assurance
 * verifications, and endorsers with their endorsements. Like the catalogues,
 * this is sample data: the endorsers are invented (`.example` websites), and
 * no real approval, verification or endorsement of these offerings is implied.
 *
 * Entries are chosen by their position among an institution's published or
 * sunset sample entries (`generateCatalogue`), so the same directory always
 * gets the same marks, and a directory with fewer institutions or entries
 * gets what fits.
 */
import { generateCatalogue } from './catalogue.js';
import type { SampleInstitution } from './institutions.js';
import type { CatalogueEntryInput } from '../subgraphs/catalogue/catalogueEntry.js';
import { osapRuleBreaches } from '../subgraphs/catalogue/osapClaim.js';
import type { TrustMarkSeed } from '../subgraphs/framework/trustMarks/seed.js';
import type { QualityAssuranceBody } from '../subgraphs/framework/db/trustMarkSchema.js';

export const sampleEndorsers: TrustMarkSeed['endorsers'] = [
  {
    id: 'lakeshore-health',
    name: 'Lakeshore Health Network (sample employer)',
    kind: 'EMPLOYER',
    website: 'https://lakeshore-health.example',
  },
  {
    id: 'northern-digital-council',
    name: 'Northern Digital Skills Council (sample sector body)',
    kind: 'SECTOR_BODY',
    website: 'https://northern-digital.example',
  },
  {
    id: 'applied-technologists',
    name: 'Association of Applied Technologists (sample professional association)',
    kind: 'PROFESSIONAL_ASSOCIATION',
    website: 'https://applied-technologists.example',
  },
];

const qualityBodyOf: Record<string, { body: QualityAssuranceBody; bodyName: string; scope: string }> = {
  PUBLIC_COLLEGE: {
    body: 'COLLEGE_QUALITY_ASSURANCE_SERVICE',
    bodyName: 'Ontario College Quality Assurance Service',
    scope: 'Institutional quality assurance audit covering micro-credentials (sample)',
  },
  UNIVERSITY: {
    body: 'ONTARIO_UNIVERSITIES_COUNCIL_ON_QUALITY_ASSURANCE',
    bodyName: 'Ontario Universities Council on Quality Assurance',
    scope: 'Cyclical program review under the institutional quality assurance process (sample)',
  },
  INDIGENOUS_INSTITUTE: {
    body: 'IAESC',
    bodyName: 'Indigenous Advanced Education and Skills Council',
    scope: 'Program quality review (sample)',
  },
  CAREER_COLLEGE: {
    body: 'INDUSTRY_ACCREDITOR',
    bodyName: 'Sample Industry Accreditation Board',
    scope: 'Program accreditation (sample)',
  },
};

/** The published or sunset entries of each institution, with their position among them. */
function publicEntries(
  institution: SampleInstitution,
  entriesPerInstitution?: number,
  referenceDate?: string,
): Array<{ id: string; entry: CatalogueEntryInput; i: number }> {
  return generateCatalogue(institution, entriesPerInstitution, 1, referenceDate)
    .filter((entry) => entry.status !== 'DRAFT')
    .map((entry, i) => ({ id: `${institution.code}:${entry.slug}`, entry, i }));
}

/** `referenceDate` as given to generateCatalogue (default today), so the same entries are chosen. */
export function sampleTrustMarks(
  institutions: readonly SampleInstitution[],
  entriesPerInstitution?: number,
  referenceDate?: string,
): TrustMarkSeed {
  const seed: TrustMarkSeed = { endorsers: sampleEndorsers, osapApprovals: [], qualityAssurance: [], endorsements: [] };
  let approvalNumber = 1000;
  for (const institution of institutions) {
    const { code, type } = institution;
    const entries = publicEntries(institution, entriesPerInstitution, referenceDate);
    for (const { id, entry, i } of entries) {
      if (entry.osapEligible && i % 2 === 0) {
        seed.osapApprovals.push({
          microCredentialId: id,
          reference: `OSAP-MC-2026-${approvalNumber++} (sample)`,
          attestedBy: 'Student Financial Assistance Branch, Ministry of Colleges and Universities (sample)',
          validFrom: '2026-01-01',
          validUntil: null,
          ruleException: null,
        });
      }
      if (i % 3 === 0) {
        seed.qualityAssurance.push({
          microCredentialId: id,
          ...qualityBodyOf[type]!,
          reference: `QA-${code.toUpperCase()}-${i} (sample)`,
          verifiedOn: '2025-06-30',
          // Every ninth lapsed at the end of 2025: recorded, no longer in force.
          validUntil: i % 9 === 0 ? '2025-12-31' : '2030-06-30',
        });
      }
      if (i % 7 === 5) {
        seed.qualityAssurance.push({
          microCredentialId: id,
          body: 'INDUSTRY_ACCREDITOR',
          bodyName: 'Sample Technology Accreditation Board',
          scope: 'Accreditation against sector competency standards (sample)',
          reference: null,
          verifiedOn: '2026-02-15',
          validUntil: null,
        });
      }
      const endorser =
        i % 4 === 1
          ? 'lakeshore-health'
          : i % 5 === 2
            ? 'northern-digital-council'
            : i % 6 === 3
              ? 'applied-technologists'
              : null;
      if (endorser) {
        seed.endorsements.push({
          endorserId: endorser,
          microCredentialId: id,
          statement: `We recognise "${entry.title}" as preparation for work in our sector. (sample endorsement)`,
          validFrom: '2026-01-15',
          validUntil: null,
        });
      }
    }
    // One exception per institution that has an entry outside the OSAP rules: approved all the same.
    const outside = entries.find(({ entry }) => osapRuleBreaches({ ...entry, osapEligible: true }).length > 0);
    if (outside) {
      seed.osapApprovals.push({
        microCredentialId: outside.id,
        reference: `OSAP-MC-2026-${approvalNumber++}-X (sample)`,
        attestedBy: 'Student Financial Assistance Branch, Ministry of Colleges and Universities (sample)',
        validFrom: '2026-01-01',
        validUntil: '2027-08-31',
        ruleException: 'Longer clinical placement required by the regulator; approved as an exception (sample).',
      });
    }
  }
  return seed;
}
