/**
 * Sample institutions: real Ontario institutions, so the directory looks like
 * the province it serves. Everything the seed says they offer is SAMPLE data
 * (see seed/catalogue.ts); these records only name, place and describe them.
 *
 * Shape: the framework's InstitutionInput without `subgraphUrl`, which the
 * launcher adds once each catalogue subgraph is running.
 */

import type { InstitutionType, Region } from '../subgraphs/framework/generated/enums.js';

export type { InstitutionType, Region };

export interface SampleInstitution {
  code: string;
  name: string;
  nameFr: string | null;
  type: InstitutionType;
  region: Region;
  website: string;
  /** Languages of instruction, ISO 639 codes. */
  languages: string[];
}

export const sampleInstitutions: SampleInstitution[] = [
  {
    code: 'humber',
    name: 'Humber Polytechnic',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'TORONTO',
    website: 'https://humber.ca',
    languages: ['en'],
  },
  {
    code: 'seneca',
    name: 'Seneca Polytechnic',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'TORONTO',
    website: 'https://www.senecapolytechnic.ca',
    languages: ['en'],
  },
  {
    code: 'georgian',
    name: 'Georgian College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'CENTRAL',
    website: 'https://www.georgiancollege.ca',
    languages: ['en'],
  },
  {
    code: 'durham',
    name: 'Durham College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'CENTRAL',
    website: 'https://durhamcollege.ca',
    languages: ['en'],
  },
  {
    code: 'conestoga',
    name: 'Conestoga College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'SOUTHWESTERN',
    website: 'https://www.conestogac.on.ca',
    languages: ['en'],
  },
  {
    code: 'fanshawe',
    name: 'Fanshawe College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'SOUTHWESTERN',
    website: 'https://www.fanshawec.ca',
    languages: ['en'],
  },
  {
    code: 'algonquin',
    name: 'Algonquin College',
    nameFr: 'Collège Algonquin',
    type: 'PUBLIC_COLLEGE',
    region: 'EASTERN',
    website: 'https://www.algonquincollege.com',
    languages: ['en'],
  },
  {
    code: 'lacite',
    name: 'La Cité',
    nameFr: 'La Cité',
    type: 'PUBLIC_COLLEGE',
    region: 'EASTERN',
    website: 'https://www.collegelacite.ca',
    languages: ['fr'],
  },
  {
    code: 'boreal',
    name: 'Collège Boréal',
    nameFr: 'Collège Boréal',
    type: 'PUBLIC_COLLEGE',
    region: 'NORTHERN',
    website: 'https://www.collegeboreal.ca',
    languages: ['fr'],
  },
  {
    code: 'cambrian',
    name: 'Cambrian College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'NORTHERN',
    website: 'https://cambriancollege.ca',
    languages: ['en'],
  },
  {
    code: 'confederation',
    name: 'Confederation College',
    nameFr: null,
    type: 'PUBLIC_COLLEGE',
    region: 'NORTHERN',
    website: 'https://www.confederationcollege.ca',
    languages: ['en'],
  },
  {
    code: 'tmu',
    name: 'Toronto Metropolitan University',
    nameFr: 'Université métropolitaine de Toronto',
    type: 'UNIVERSITY',
    region: 'TORONTO',
    website: 'https://www.torontomu.ca',
    languages: ['en'],
  },
  {
    code: 'uoguelph',
    name: 'University of Guelph',
    nameFr: null,
    type: 'UNIVERSITY',
    region: 'SOUTHWESTERN',
    website: 'https://www.uoguelph.ca',
    languages: ['en'],
  },
  {
    code: 'queens',
    name: "Queen's University",
    nameFr: null,
    type: 'UNIVERSITY',
    region: 'EASTERN',
    website: 'https://www.queensu.ca',
    languages: ['en'],
  },
  {
    code: 'uottawa',
    name: 'University of Ottawa',
    nameFr: "Université d'Ottawa",
    type: 'UNIVERSITY',
    region: 'EASTERN',
    website: 'https://www.uottawa.ca',
    languages: ['en', 'fr'],
  },
  {
    code: 'laurentian',
    name: 'Laurentian University',
    nameFr: 'Université Laurentienne',
    type: 'UNIVERSITY',
    region: 'NORTHERN',
    website: 'https://laurentian.ca',
    languages: ['en', 'fr'],
  },
  {
    code: 'snpolytechnic',
    name: 'Six Nations Polytechnic',
    nameFr: null,
    type: 'INDIGENOUS_INSTITUTE',
    region: 'SOUTHWESTERN',
    website: 'https://www.snpolytechnic.com',
    // English, Mohawk and Cayuga.
    languages: ['en', 'moh', 'cay'],
  },
  {
    code: 'fnti',
    name: 'First Nations Technical Institute',
    nameFr: null,
    type: 'INDIGENOUS_INSTITUTE',
    region: 'EASTERN',
    website: 'https://fnti.net',
    languages: ['en'],
  },
  {
    code: 'oshki',
    name: 'Oshki-Pimache-O-Win: The Wenjack Education Institute',
    nameFr: null,
    type: 'INDIGENOUS_INSTITUTE',
    region: 'NORTHERN',
    website: 'https://oshki.ca',
    // English and Ojibwe.
    languages: ['en', 'oj'],
  },
  {
    code: 'trios',
    name: 'triOS College',
    nameFr: null,
    type: 'CAREER_COLLEGE',
    region: 'CENTRAL',
    website: 'https://www.trios.com',
    languages: ['en'],
  },
  {
    code: 'cdi',
    name: 'CDI College',
    nameFr: 'Collège CDI',
    type: 'CAREER_COLLEGE',
    region: 'TORONTO',
    website: 'https://www.cdicollege.ca',
    languages: ['en'],
  },
];

export function findSampleInstitution(code: string): SampleInstitution | undefined {
  return sampleInstitutions.find((institution) => institution.code === code);
}

const regions: Region[] = ['CENTRAL', 'EASTERN', 'NORTHERN', 'SOUTHWESTERN', 'TORONTO'];
const types: InstitutionType[] = ['PUBLIC_COLLEGE', 'UNIVERSITY', 'INDIGENOUS_INSTITUTE', 'CAREER_COLLEGE'];

/**
 * `count` institutions for benchmarks: the real sample institutions first,
 * then fictional "Sample Institute N" entries (code `sample-N`) on
 * example.ca addresses.
 */
export function benchmarkInstitutions(count: number): SampleInstitution[] {
  const fictional = Array.from({ length: Math.max(0, count - sampleInstitutions.length) }, (_, index) => {
    const number = sampleInstitutions.length + index + 1;
    return {
      code: `sample-${number}`,
      name: `Sample Institute ${number}`,
      nameFr: null,
      type: types[number % types.length]!,
      region: regions[number % regions.length]!,
      website: `https://sample-${number}.example.ca`,
      languages: ['en'],
    } satisfies SampleInstitution;
  });
  return [...sampleInstitutions, ...fictional].slice(0, count);
}
