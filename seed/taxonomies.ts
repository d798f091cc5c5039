/**
 * Codes from the classifications the contract uses, for the sample data.
 *
 * - NOC 2021 unit groups and CIP 2021 programs are real codes with their
 *   published titles (as best known when this was written; check before
 *   relying on a title).
 * - ESDC SCT codes follow the taxonomy's `<Category>.<NN>.<letter>.<NN>`
 *   pattern; `A.01.a.01` (Information Ordering) is verified, the others are
 *   illustrative codes in that pattern, not looked up.
 * - ESCO URIs are in ESCO's `http://data.europa.eu/esco/skill/<uuid>` form
 *   with the UUID derived from the label: stable and well-formed, but NOT
 *   real ESCO concept identifiers. Sample data only.
 */
import { createHash } from 'node:crypto';
import type { InstructionalProgram, Occupation, Skill } from '../subgraphs/catalogue/entryParts.js';

const nocTitles: Record<string, string> = {
  '10010': 'Financial managers',
  '10019': 'Other administrative services managers',
  '11100': 'Financial auditors and accountants',
  '11101': 'Financial and investment analysts',
  '11200': 'Human resources professionals',
  '11201': 'Professional occupations in business management consulting',
  '11202': 'Professional occupations in advertising, marketing and public relations',
  '12200': 'Accounting technicians and bookkeepers',
  '13100': 'Administrative officers',
  '20012': 'Computer and information systems managers',
  '21120': 'Public and environmental health and safety professionals',
  '21211': 'Data scientists',
  '21220': 'Cybersecurity specialists',
  '21221': 'Business systems specialists',
  '21222': 'Information systems specialists',
  '21223': 'Database analysts and data administrators',
  '21230': 'Computer systems developers and programmers',
  '21231': 'Software engineers and designers',
  '21232': 'Software developers and programmers',
  '22113': 'Conservation and fishery officers',
  '22114': 'Landscape and horticulture technicians and specialists',
  '22220': 'Computer network and web technicians',
  '22221': 'User support technicians',
  '22310': 'Electrical and electronics engineering technologists and technicians',
  '31301': 'Registered nurses and registered psychiatric nurses',
  '32101': 'Licensed practical nurses',
  '33102': 'Nurse aides, orderlies and patient service associates',
  '33109': 'Other assisting occupations in support of health services',
  '41210': 'College and other vocational instructors',
  '41221': 'Elementary school and kindergarten teachers',
  '42201': 'Social and community service workers',
  '42202': 'Early childhood educators and assistants',
  '43100': 'Elementary and secondary school teacher assistants',
  '44101': 'Home support workers, caregivers and related occupations',
  '60020': 'Retail and wholesale trade managers',
  '70010': 'Construction managers',
  '72106': 'Welders and related machine operators',
  '72200': 'Electricians (except industrial and power system)',
  '72201': 'Industrial electricians',
  '72300': 'Plumbers',
  '72310': 'Carpenters',
  '72400': 'Construction millwrights and industrial mechanics',
  '72402': 'Heating, refrigeration and air conditioning mechanics',
  '72410': 'Automotive service technicians, truck and bus mechanics and mechanical repairers',
  '92100': 'Power engineers and power systems operators',
};

const cipTitles: Record<string, string> = {
  '03.0101': 'Natural resources/conservation, general',
  '03.0103': 'Environmental studies',
  '03.0104': 'Environmental science',
  '11.0102': 'Artificial intelligence',
  '11.0103': 'Information technology',
  '11.0701': 'Computer science',
  '11.0802': 'Data modeling/warehousing and database administration',
  '11.1001': 'Network and system administration/administrator',
  '11.1003': 'Computer and information systems security/auditing/information assurance',
  '13.1210': 'Early childhood education and teaching',
  '15.0503': 'Energy management and systems technology/technician',
  '15.0505': 'Solar energy technology/technician',
  '16.1001': 'Indigenous languages, literatures and linguistics',
  '19.0709': 'Child care provider/assistant',
  '30.7001': 'Data science, general',
  '30.7101': 'Data analytics, general',
  '30.7102': 'Business analytics',
  '44.0701': 'Social work',
  '46.0201': 'Carpentry/carpenter',
  '46.0302': 'Electrician',
  '46.0503': 'Plumbing technology/plumber',
  '47.0201': 'Heating, air conditioning, ventilation and refrigeration maintenance technology/technician',
  '47.0604': 'Automobile/automotive mechanics technology/technician',
  '48.0508': 'Welding technology/welder',
  '51.2201': 'Public health, general',
  '51.2602': 'Home health aide/home attendant',
  '51.3902': 'Nursing assistant/aide and patient care assistant/aide',
  '52.0201': 'Business administration and management, general',
  '52.0211': 'Project management',
  '52.0301': 'Accounting',
  '52.1001': 'Human resources management/personnel administration, general',
  '52.1401': 'Marketing/marketing management, general',
};

/** ESDC Skills and Competencies Taxonomy descriptors used by the sample. */
const sctLabels: Record<string, string> = {
  'A.01.a.01': 'Information Ordering',
  'A.01.a.02': 'Deductive Reasoning',
  'A.01.a.03': 'Inductive Reasoning',
  'S.01.a.01': 'Reading Comprehension',
  'S.01.a.02': 'Writing',
  'S.01.a.03': 'Numeracy',
  'S.01.a.04': 'Digital Literacy',
  'S.02.a.01': 'Critical Thinking',
  'S.02.a.02': 'Problem Solving',
  'S.02.a.03': 'Decision Making',
  'S.03.a.01': 'Active Listening',
  'S.03.a.02': 'Oral Communication',
  'S.03.a.03': 'Collaboration',
  'S.04.a.01': 'Time Management',
  'S.04.a.02': 'Monitoring',
};

export function occupation(nocCode: string): Occupation {
  const title = nocTitles[nocCode];
  if (!title) throw new Error(`sample data names unknown NOC code ${nocCode}`);
  return { nocCode, title };
}

export function instructionalProgram(code: string): InstructionalProgram {
  const title = cipTitles[code];
  if (!title) throw new Error(`sample data names unknown CIP code ${code}`);
  return { code, title };
}

export function sctSkill(code: string): Skill {
  const label = sctLabels[code];
  if (!label) throw new Error(`sample data names unknown SCT code ${code}`);
  return { framework: 'ESDC_SCT', code, label };
}

const escoUris = new Map<string, string>();

/** An ESCO-form skill URI for a label (see the note at the top: not a real ESCO identifier). */
export function escoSkill(label: string): Skill {
  let uri = escoUris.get(label);
  if (!uri) {
    const hex = createHash('sha256').update(`esco-sample:${label}`).digest('hex');
    // Shaped like a version 4 UUID: version nibble 4, variant nibble 8–b.
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    uri = `http://data.europa.eu/esco/skill/${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    escoUris.set(label, uri);
  }
  return { framework: 'ESCO', code: uri, label };
}

export const knownNocCodes = Object.keys(nocTitles);
export const knownCipCodes = Object.keys(cipTitles);
