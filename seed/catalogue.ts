/**
 * Deterministic SAMPLE catalogues. Every description ends with "Sample data —
 * not a real offering." (French: "Données d'exemple — offre fictive."): the
 * institutions are real, what they offer here is not.
 *
 * Each entry is generated from its own seed (institution, seed, position), so
 * the first N entries are the same whatever the count, and 50 institutions ×
 * 1,000 entries takes well under a second or two.
 */
import type { CatalogueEntryInput, OfferingInput } from '../subgraphs/catalogue/catalogueEntry.js';
import type {
  Assessment,
  Award,
  Contact,
  DeliveryMode,
  MicroCredentialStatus,
  QualityAssurance,
  Stackability,
  Supervision,
} from '../subgraphs/catalogue/entryParts.js';
import { sampleCriticalInformation, withSampleOfferingDetails } from './criticalInformation.js';
import { findSampleInstitution, type SampleInstitution } from './institutions.js';
import { hashString, randomFor, type Random } from './random.js';
import {
  audiences,
  headlineDataAnalyticsTitles,
  sectors,
  type Bilingual,
  type Sector,
  type SectorTitle,
} from './sectors.js';
import { escoSkill, instructionalProgram, occupation, sctSkill } from './taxonomies.js';

export const sampleDataNotice: Bilingual = {
  en: 'Sample data — not a real offering.',
  fr: 'Données d’exemple — offre fictive.',
};

/**
 * `count` entries for `institution` (a sample institution or its code; an
 * unknown code gets a plain English-language college). Default count: between
 * 25 and 60, fixed per institution. `referenceDate` (`YYYY-MM-DD`, default
 * today in UTC) anchors offering and effective dates, so samples always have
 * both past and upcoming intakes.
 */
export function generateCatalogue(
  institution: string | SampleInstitution,
  count?: number,
  seed = 1,
  referenceDate: string = new Date().toISOString().slice(0, 10),
): CatalogueEntryInput[] {
  const profile = typeof institution === 'string' ? institutionProfile(institution) : institution;
  const total = count ?? defaultEntryCount(profile.code);
  const rotation = sectorRotation(profile, seed);
  const titleOffsets = new Map(
    rotation.map((sector) => [sector.key, hashString(`${profile.code}:${seed}:${sector.key}`)]),
  );
  const today = Date.parse(`${referenceDate}T00:00:00Z`);
  if (Number.isNaN(today)) throw new Error(`referenceDate must be YYYY-MM-DD, got "${referenceDate}"`);
  return Array.from({ length: total }, (_, position) => {
    const random = randomFor(`${profile.code}:${seed}:entry:${position}`);
    const topic = position === 0 ? headlineTopic(profile, seed) : rotatingTopic(rotation, titleOffsets, position);
    return buildEntry({ institution: profile, position, random, today, ...topic });
  });
}

export function defaultEntryCount(institutionCode: string): number {
  return 25 + (hashString(`count:${institutionCode}`) % 36);
}

interface Topic {
  sector: Sector;
  title: SectorTitle;
  /** 1 for the first use of a title; repeats (large catalogues) become "Module 2", "Module 3"... */
  module: number;
  headline: boolean;
}

function institutionProfile(code: string): SampleInstitution {
  return (
    findSampleInstitution(code) ?? {
      code,
      name: code.replace(
        /(^|-)([a-z])/g,
        (_match, dash: string, letter: string) => `${dash ? ' ' : ''}${letter.toUpperCase()}`,
      ),
      nameFr: null,
      type: 'PUBLIC_COLLEGE',
      region: 'CENTRAL',
      website: `https://${code}.example.ca`,
      languages: ['en'],
    }
  );
}

/** The order sectors take turns in, shuffled per institution; Indigenous institutes lead with Indigenous-led programs. */
function sectorRotation(institution: SampleInstitution, seed: number): Sector[] {
  const random = randomFor(`${institution.code}:${seed}:sectors`);
  const indigenous = institution.type === 'INDIGENOUS_INSTITUTE';
  const general = random.shuffle(sectors.filter((sector) => !sector.indigenousInstitutesOnly));
  if (!indigenous) return general;
  const indigenousLed = sectors.filter((sector) => sector.indigenousInstitutesOnly);
  const middle = Math.floor(general.length / 2);
  return [...indigenousLed, ...general.slice(0, middle), ...indigenousLed, ...general.slice(middle)];
}

function headlineTopic(institution: SampleInstitution, seed: number): Topic {
  const sector = sectors.find((candidate) => candidate.key === 'data-analytics')!;
  const title =
    headlineDataAnalyticsTitles[
      hashString(`${institution.code}:${seed}:headline`) % headlineDataAnalyticsTitles.length
    ]!;
  return { sector, title, module: 1, headline: true };
}

function rotatingTopic(rotation: Sector[], titleOffsets: Map<string, number>, position: number): Topic {
  const turn = position - 1;
  const sector = rotation[turn % rotation.length]!;
  // How many times this sector has come round before, counting repeats of the sector in the rotation.
  const earlier = rotation.slice(0, turn % rotation.length).filter((s) => s === sector).length;
  const perRound = rotation.filter((s) => s === sector).length;
  const use = Math.floor(turn / rotation.length) * perRound + earlier;
  const titleIndex = ((titleOffsets.get(sector.key) ?? 0) + use) % sector.titles.length;
  return {
    sector,
    title: sector.titles[titleIndex]!,
    module: Math.floor(use / sector.titles.length) + 1,
    headline: false,
  };
}

interface EntryPlan extends Topic {
  institution: SampleInstitution;
  position: number;
  random: Random;
  /** Reference date, ms since epoch at UTC midnight. */
  today: number;
}

function buildEntry(plan: EntryPlan): CatalogueEntryInput {
  const { institution, random, sector, title, position } = plan;
  const languages = entryLanguages(plan);
  const french = languages.length === 1 && languages[0] === 'fr';
  const offersFrench = institution.languages.includes('fr') || (institution.nameFr !== null && random.chance(0.4));
  const moduleSuffix: Bilingual =
    plan.module > 1 ? { en: ` — Module ${plan.module}`, fr: ` — module ${plan.module}` } : { en: '', fr: '' };
  const titleEn = `${title.en}${moduleSuffix.en}`;
  const titleFr = `${title.fr}${moduleSuffix.fr}`;
  const slug = slugify(french ? titleFr : titleEn);

  const status = statusAt(position);
  const deliveryMode = plan.headline ? 'ONLINE_ASYNCHRONOUS' : pickDeliveryMode(random, sector);
  const instructionalHours = plan.headline ? random.pick([24, 30, 36, 39, 40]) : random.pick(sector.hours);
  const durationWeeks = plan.headline ? random.pick([4, 5, 6, 8]) : weeksFor(instructionalHours, deliveryMode, random);
  const osapRuleMet = durationWeeks < 12 && instructionalHours >= 5 && instructionalHours <= 300;
  const credits = creditsFor(institution, instructionalHours, random);
  const externalCode = `${sector.codePrefix}${1000 + position}`;

  const describe = (language: 'en' | 'fr', entryTitle: string) =>
    [
      language === 'en'
        ? `${entryTitle} is a ${instructionalHours}-hour ${deliveryPhrase[deliveryMode].en} micro-credential from ${institution.name}.`
        : `${entryTitle} est une microcertification de ${instructionalHours} heures offerte ${deliveryPhrase[deliveryMode].fr} par ${institution.nameFr ?? institution.name}.`,
      sector.summary[language],
      random.pick(audiences)[language],
      sampleDataNotice[language],
    ].join(' ');
  const primaryLanguage = french ? 'fr' : 'en';
  const primaryTitle = french ? titleFr : titleEn;
  const site = siteOf(institution);
  const outcomes = random.sample(sector.outcomes, random.int(3, 5));
  const bilingual = french || offersFrench;
  const frenchOf = <T>(value: T) => (bilingual ? value : null);
  const skills = [
    ...random.sample(sector.escoLabels, random.int(2, 4)).map(escoSkill),
    ...random.sample(sector.sctCodes, random.int(1, 2)).map(sctSkill),
    ...(title.otherSkill ? [title.otherSkill] : []),
  ];
  const occupations = random.sample(title.noc ?? sector.noc, random.int(1, 3)).map(occupation);
  const cip = instructionalProgram(random.pick(title.cip ?? sector.cip));
  const assessment = assessmentFor(sector, primaryLanguage, random);
  const supervision = supervisionFor(deliveryMode, random);
  const prerequisites = random.sample(sector.prerequisites, random.int(1, 2));
  const qualityAssurance = qualityAssuranceFor(institution, sector, random);
  const awards = awardsFor(primaryTitle, bilingual ? titleFr : null, primaryLanguage, credits, random);
  const stackability = stackabilityFor(sector, primaryLanguage, site, random);
  const offerings = offeringsFor(plan, { status, deliveryMode, durationWeeks, instructionalHours, externalCode });
  const facts = {
    institution,
    slug,
    entryLanguages: french ? ['FR' as const] : bilingual ? ['EN' as const, 'FR' as const] : ['EN' as const],
    instructionalHours,
    credits,
    deliveryMode,
    price: offerings[0]!.priceCad,
    site,
    domain: new URL(institution.website).hostname.replace(/^www\./, ''),
  };

  return {
    slug,
    externalCode,
    title: primaryTitle,
    titleFr: french || offersFrench ? titleFr : null,
    description: describe(primaryLanguage, primaryTitle),
    descriptionFr: french || offersFrench ? describe('fr', titleFr) : null,
    languages,
    learningOutcomes: outcomes.map((outcome) => outcome[primaryLanguage]),
    learningOutcomesFr: frenchOf(outcomes.map((outcome) => outcome.fr)),
    skills,
    occupations,
    cip,
    instructionalHours,
    durationWeeks,
    creditBearing: credits !== null,
    credits,
    deliveryMode,
    assessment: { ...assessment, summativeDescriptionFr: frenchOf(sector.summative.fr) },
    supervision,
    prerequisites: prerequisites.map((item) => item[primaryLanguage]),
    prerequisitesFr: frenchOf(prerequisites.map((item) => item.fr)),
    qualityAssurance,
    awards,
    stackability,
    offerings: withSampleOfferingDetails(offerings, { institution, slug, languages }),
    osapEligible: osapRuleMet && (plan.headline || random.chance(0.8)),
    partners: random.sample(sector.partners, random.int(1, 2)),
    transferContact: transferContactFor(institution, french),
    courseOutlineUrl: `${site}/${french ? 'microcertifications' : 'micro-credentials'}/${slug}`,
    status,
    ...effectiveDates(status, plan.today, random),
    ...sampleCriticalInformation(facts),
  };
}

/** Every institution's catalogue has drafts and sunset entries early on, so even small samples show both. */
function statusAt(position: number): MicroCredentialStatus {
  if (position === 0) return 'ACTIVE';
  if (position % 17 === 5) return 'DRAFT';
  if (position % 13 === 9) return 'SUNSET';
  return 'ACTIVE';
}

function entryLanguages(plan: EntryPlan): string[] {
  const { institution, random, title } = plan;
  const { languages } = institution;
  if (languages.length === 1) return [...languages];
  const indigenous = languages.filter((language) => language !== 'en' && language !== 'fr');
  if (title.indigenousLanguage && indigenous.length > 0) return ['en', random.pick(indigenous)];
  if (languages.includes('en') && languages.includes('fr') && !plan.headline) {
    return random.pick([['en'], ['fr'], ['en', 'fr']]);
  }
  return ['en'];
}

const deliveryPhrase: Record<DeliveryMode, Bilingual> = {
  ONLINE_ASYNCHRONOUS: { en: 'self-paced online', fr: 'en ligne, à votre rythme,' },
  ONLINE_SYNCHRONOUS: { en: 'live online', fr: 'en ligne en direct' },
  IN_PERSON: { en: 'in-person', fr: 'en personne' },
  HYBRID: { en: 'hybrid', fr: 'en mode hybride' },
};

function pickDeliveryMode(random: Random, sector: Sector): DeliveryMode {
  if (random.chance(sector.onSiteShare)) return random.chance(0.55) ? 'IN_PERSON' : 'HYBRID';
  return random.chance(0.6) ? 'ONLINE_ASYNCHRONOUS' : 'ONLINE_SYNCHRONOUS';
}

/** Weeks at a pace typical of the delivery mode, to the half week. */
function weeksFor(hours: number, mode: DeliveryMode, random: Random): number {
  const hoursPerWeek: Record<DeliveryMode, [number, number]> = {
    ONLINE_ASYNCHRONOUS: [3, 8],
    ONLINE_SYNCHRONOUS: [3, 6],
    IN_PERSON: [6, 24],
    HYBRID: [4, 12],
  };
  const [low, high] = hoursPerWeek[mode];
  const weeks = Math.round((hours / random.int(low, high)) * 2) / 2;
  return Math.min(52, Math.max(1, weeks));
}

function creditsFor(institution: SampleInstitution, hours: number, random: Random): number | null {
  switch (institution.type) {
    case 'UNIVERSITY':
      // University half-credit courses are about 36 hours.
      return random.chance(0.5) ? Math.max(0.25, Math.round((hours / 72) * 4) / 4) : null;
    case 'PUBLIC_COLLEGE':
    case 'INDIGENOUS_INSTITUTE':
      return random.chance(0.35) ? Math.max(1, Math.round(hours / 14)) : null;
    case 'CAREER_COLLEGE':
      return null;
  }
}

function assessmentFor(sector: Sector, language: 'en' | 'fr', random: Random): Assessment {
  return {
    types: [sector.assessmentTypes[0]!, ...random.sample(sector.assessmentTypes.slice(1), random.int(0, 2))],
    summativeDescription: sector.summative[language],
    passingThreshold: random.pick([60, 65, 70, 70, 75, 80]),
    attemptsAllowed: random.pick([1, 2, 2, 3]),
  };
}

function supervisionFor(mode: DeliveryMode, random: Random): Supervision {
  if (mode === 'ONLINE_ASYNCHRONOUS') {
    return random.chance(0.6) ? 'UNSUPERVISED_NO_IDENTITY_CHECK' : 'SUPERVISED_WITH_IDENTITY_CHECK';
  }
  return random.chance(0.7) ? 'SUPERVISED_WITH_IDENTITY_CHECK' : 'SUPERVISED_NO_IDENTITY_CHECK';
}

function qualityAssuranceFor(institution: SampleInstitution, sector: Sector, random: Random): QualityAssurance {
  if (sector.sectorQualityAssurance && random.chance(0.35)) return sector.sectorQualityAssurance;
  switch (institution.type) {
    case 'PUBLIC_COLLEGE':
      return random.chance(0.5)
        ? { body: 'Ontario College Quality Assurance Service', type: 'PROVINCIAL_REVIEW' }
        : { body: `${institution.name} program quality review`, type: 'INSTITUTIONAL_REVIEW' };
    case 'UNIVERSITY':
      return random.chance(0.5)
        ? { body: 'Ontario Universities Council on Quality Assurance', type: 'PROVINCIAL_REVIEW' }
        : { body: `${institution.name} Institutional Quality Assurance Process (IQAP)`, type: 'INSTITUTIONAL_REVIEW' };
    case 'INDIGENOUS_INSTITUTE':
      return { body: 'Indigenous Advanced Education and Skills Council', type: 'PROVINCIAL_REVIEW' };
    case 'CAREER_COLLEGE':
      return { body: 'Superintendent of Career Colleges (Ontario)', type: 'PROVINCIAL_REVIEW' };
  }
}

/** Awards in the entry's language; `titleFr` also gives each its French (contract 1.1), else null. */
function awardsFor(
  title: string,
  titleFr: string | null,
  language: 'en' | 'fr',
  credits: number | null,
  random: Random,
): Award[] {
  const award = (type: Award['type'], text: Bilingual, standard: string | null = null): Award => ({
    type,
    description: text[language],
    descriptionFr: titleFr === null ? null : text.fr,
    standard,
  });
  const awards: Award[] = [
    award(
      'DIGITAL_BADGE',
      {
        en: `Digital badge recording the outcomes and assessment of ${title}`,
        fr: `Badge numérique attestant les résultats d’apprentissage et l’évaluation de ${titleFr ?? title}`,
      },
      random.chance(0.7) ? 'Open Badges 3.0' : 'Open Badges 2.0',
    ),
  ];
  if (random.chance(0.4)) {
    awards.push(award('CERTIFICATE', { en: 'Certificate of completion', fr: 'Attestation de réussite' }));
  }
  if (credits !== null) {
    awards.push(
      award('CREDIT', {
        en: `${credits} academic credit${credits === 1 ? '' : 's'}`,
        fr: `${credits} crédit${credits > 1 ? 's' : ''} scolaire${credits > 1 ? 's' : ''}`,
      }),
    );
    awards.push(
      award('TRANSCRIPT_NOTATION', { en: 'Recorded on the academic transcript', fr: 'Inscrite au relevé de notes' }),
    );
  }
  return awards;
}

function stackabilityFor(sector: Sector, language: 'en' | 'fr', site: string, random: Random): Stackability {
  if (!random.chance(0.55)) return { kind: 'STANDALONE', programs: [] };
  return {
    kind: 'STACKABLE',
    programs: random.sample(sector.stackTargets, random.int(1, 2)).map((target) => ({
      name: target[language],
      programCode: target.programCode,
      url: `${site}/programs/${target.programCode.toLowerCase()}`,
    })),
  };
}

const campuses: Record<string, string[]> = {
  humber: ['North Campus', 'Lakeshore Campus'],
  seneca: ['Newnham Campus', 'King Campus', 'Markham Campus'],
  georgian: ['Barrie Campus', 'Orillia Campus', 'Owen Sound Campus'],
  durham: ['Oshawa Campus', 'Whitby Campus'],
  conestoga: ['Doon Campus', 'Waterloo Campus', 'Cambridge Campus'],
  fanshawe: ['London Campus', 'Woodstock Campus'],
  algonquin: ['Ottawa Campus', 'Perth Campus', 'Pembroke Campus'],
  lacite: ["Campus d'Ottawa", 'Campus de Hawkesbury'],
  boreal: ['Campus de Sudbury', 'Campus de Timmins', 'Campus de Hearst'],
  cambrian: ['Sudbury Campus', 'Espanola Campus'],
  confederation: ['Thunder Bay Campus', 'Kenora Campus'],
  tmu: ['Downtown Toronto Campus'],
  uoguelph: ['Guelph Campus', 'Ridgetown Campus'],
  queens: ['Kingston Campus'],
  uottawa: ['Ottawa Campus'],
  laurentian: ['Sudbury Campus'],
  snpolytechnic: ['Ohsweken Campus', 'Brantford Campus'],
  fnti: ['Tyendinaga Campus'],
  oshki: ['Thunder Bay Campus'],
  trios: ['Mississauga Campus', 'Hamilton Campus', 'Kitchener Campus'],
  cdi: ['Scarborough Campus', 'Mississauga Campus'],
};

const day = 86_400_000;

function offeringsFor(
  plan: EntryPlan,
  entry: {
    status: MicroCredentialStatus;
    deliveryMode: DeliveryMode;
    durationWeeks: number;
    instructionalHours: number;
    externalCode: string;
  },
): OfferingInput[] {
  const { institution, random, today } = plan;
  const online = entry.deliveryMode === 'ONLINE_ASYNCHRONOUS' || entry.deliveryMode === 'ONLINE_SYNCHRONOUS';
  const count =
    entry.status === 'ACTIVE' ? random.int(2, 4) : 1 + (entry.status === 'SUNSET' && random.chance(0.5) ? 1 : 0);
  // ACTIVE: intakes around today, the last one upcoming. SUNSET: all past. DRAFT: all upcoming.
  const spacing = random.int(8, 17) * 7;
  const firstStart =
    entry.status === 'SUNSET'
      ? today - (count * spacing + random.int(30, 200)) * day
      : entry.status === 'DRAFT'
        ? today + random.int(45, 120) * day
        : today + (random.int(10, 90) - (count - 1) * spacing) * day;
  const price = priceFor(institution, entry.instructionalHours, random);
  const length = Math.max(1, Math.round(entry.durationWeeks * 7) - 1);
  return Array.from({ length: count }, (_, index) => {
    const start = firstStart + index * spacing * day;
    const code = `${termCode(start)}-${String(index + 1).padStart(2, '0')}`;
    return {
      code,
      startDate: isoDate(start),
      endDate: isoDate(start + length * day),
      location: online ? 'Online' : random.pick(campuses[institution.code] ?? ['Main Campus']),
      online,
      priceCad: price,
      registrationUrl: `${siteOf(institution)}/continuing-education/register?course=${entry.externalCode}&intake=${code}`,
    };
  });
}

/** CAD, roughly by the hour; some Indigenous-led and community programs are free. */
function priceFor(institution: SampleInstitution, hours: number, random: Random): number {
  const perHour: Record<SampleInstitution['type'], [number, number]> = {
    PUBLIC_COLLEGE: [12, 22],
    UNIVERSITY: [20, 35],
    INDIGENOUS_INSTITUTE: [8, 15],
    CAREER_COLLEGE: [18, 28],
  };
  if (institution.type === 'INDIGENOUS_INSTITUTE' && random.chance(0.25)) return 0;
  const [low, high] = perHour[institution.type];
  const rounded = Math.max(5, Math.round((hours * random.int(low, high)) / 5) * 5);
  return random.chance(0.3) ? rounded - 0.01 : rounded;
}

/** `F26` for an intake starting in fall 2026, `W27` winter, `S26` spring/summer. */
function termCode(time: number): string {
  const date = new Date(time);
  const month = date.getUTCMonth();
  const term = month < 4 ? 'W' : month < 8 ? 'S' : 'F';
  return `${term}${String(date.getUTCFullYear() % 100).padStart(2, '0')}`;
}

function effectiveDates(
  status: MicroCredentialStatus,
  today: number,
  random: Random,
): { effectiveDate: string; expiryDate: string | null } {
  switch (status) {
    case 'ACTIVE':
      return {
        effectiveDate: isoDate(today - random.int(30, 900) * day),
        expiryDate: random.chance(0.5) ? isoDate(today + random.int(180, 1000) * day) : null,
      };
    case 'SUNSET':
      return {
        effectiveDate: isoDate(today - random.int(700, 1500) * day),
        expiryDate: isoDate(today - random.int(10, 300) * day),
      };
    case 'DRAFT':
      return { effectiveDate: isoDate(today + random.int(30, 120) * day), expiryDate: null };
  }
}

const areaCodes: Record<SampleInstitution['region'], string> = {
  TORONTO: '416',
  CENTRAL: '905',
  EASTERN: '613',
  NORTHERN: '705',
  SOUTHWESTERN: '519',
};

function transferContactFor(institution: SampleInstitution, french: boolean): Contact {
  const domain = new URL(institution.website).hostname.replace(/^www\./, '');
  // 555-01XX numbers are reserved for fiction.
  const line = String(hashString(institution.code) % 100).padStart(2, '0');
  return french
    ? {
        name: 'Bureau des équivalences et du transfert de crédits',
        email: `equivalences@${domain}`,
        phone: `+1-${areaCodes[institution.region]}-555-01${line}`,
      }
    : {
        name: 'Credit Transfer Office',
        email: `credittransfer@${domain}`,
        phone: `+1-${areaCodes[institution.region]}-555-01${line}`,
      };
}

const isoDates = new Map<number, string>();

/** `YYYY-MM-DD` of a UTC-midnight time; cached because samples reuse the same few hundred days. */
function isoDate(time: number): string {
  let date = isoDates.get(time);
  if (date === undefined) {
    date = new Date(time).toISOString().slice(0, 10);
    isoDates.set(time, date);
  }
  return date;
}

const sites = new Map<string, string>();

/** The institution's web origin, e.g. `https://humber.ca`, for building its sample URLs. */
function siteOf(institution: SampleInstitution): string {
  let site = sites.get(institution.website);
  if (site === undefined) {
    site = new URL(institution.website).origin;
    sites.set(institution.website, site);
  }
  return site;
}

const slugs = new Map<string, string>();

/** `Analytique de données : notions fondamentales` → `analytique-de-donnees-notions-fondamentales`. */
export function slugify(title: string): string {
  let slug = slugs.get(title);
  if (slug === undefined) {
    slug = toSlug(title);
    slugs.set(title, slug);
  }
  return slug;
}

function toSlug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}
