/**
 * Hand-written documents whose words the seed never uses, so typo, synonym,
 * French and highlight expectations are exact. They live in institution
 * "testlab" and mix with the seed corpus in the conformance index.
 */
import type { SearchDocument } from '../../../subgraphs/search/documents/searchDocument.js';

export function fixtureDocument(slug: string, fields: Partial<SearchDocument>): SearchDocument {
  return {
    id: `testlab:${slug}`,
    institution: 'testlab',
    institutionName: 'Testlab Institute',
    institutionNameFr: null,
    institutionType: 'CAREER_COLLEGE',
    region: 'NORTHERN',
    title: 'Untitled',
    titleFr: null,
    description: 'A fixture entry.',
    descriptionFr: null,
    skills: [],
    skillsFr: [],
    occupations: [],
    occupationTitles: [],
    occupationTitlesFr: [],
    languages: ['en'],
    deliveryMode: 'IN_PERSON',
    oqfBand: 'BELOW_CERTIFICATE_I',
    osapEligible: false,
    creditBearing: false,
    commonCore: [],
    employerPartnered: false,
    stackable: false,
    verifiedQualityAssurance: false,
    transferCredit: false,
    osapApproved: false,
    hours: 12,
    weeks: 2,
    cost: 100,
    maxCost: 100,
    nextStartDate: '2026-09-01',
    status: 'ACTIVE',
    updatedAt: '2026-01-15T10:00:00.000Z',
    url: `https://directory.example/credentials/testlab:${slug}`,
    ...fields,
  };
}

export const fixtures = {
  /** Typo thresholds: invented words of 4, 5, 8 and 9 letters. */
  zorb: fixtureDocument('zorb-basics', { title: 'Zorb Basics' }),
  /** Result cards: a price range, and an entry with nothing optional. */
  pricedRange: fixtureDocument('vexlor-pricing', { title: 'Vexlor pricing', cost: 250, maxCost: 900 }),
  noIntake: fixtureDocument('vexlor-no-intake', {
    title: 'Vexlor without intake',
    cost: null,
    maxCost: null,
    nextStartDate: null,
    oqfBand: null,
  }),
  quilp: fixtureDocument('quilp-methods', { title: 'Quilp Methods' }),
  /** Ranking: a title match beats a description match, an exact word beats a typo. */
  quilpInDescription: fixtureDocument('pottery-evenings', {
    title: 'Pottery evenings',
    description: 'Includes one quilp session.',
  }),
  quilk: fixtureDocument('quilk-workshop', { title: 'Quilk Workshop' }),
  brontify: fixtureDocument('brontify-practice', { title: 'Brontify Practice' }),
  glimmerax: fixtureDocument('glimmerax-studio', {
    title: 'Glimmerax Studio',
    description: `${'Learners build confidence step by step in a supportive studio. '.repeat(6)}The glimmerax method closes the course with a capstone.`,
  }),
  /** Synonyms: each entry uses only one side of a synonym pair. */
  aiShort: fixtureDocument('ai-for-bakeries', { title: 'AI for Bakeries', description: 'Bakery owners try AI tools.' }),
  aiLong: fixtureDocument('artificial-intelligence-for-florists', {
    title: 'Artificial Intelligence for Florists',
    description: 'Florists try assistants.',
  }),
  psw: fixtureDocument('psw-refresher-zeta', {
    title: 'PSW Refresher Zeta',
    description: 'For practising support staff.',
  }),
  iaFr: fixtureDocument('ia-pour-boulangeries', {
    title: 'Bakery automation',
    titleFr: 'IA pour les boulangeries',
    languages: ['fr'],
    description: 'Bakery automation.',
    descriptionFr: 'Les boulangers découvrent des outils.',
  }),
  cyberFr: fixtureDocument('cybersecurite-pme-zeta', {
    title: 'Small business protection zeta',
    titleFr: 'Cybersécurité pour PME zeta',
    languages: ['fr'],
  }),
  /** French-only content. */
  french: fixtureDocument('soins-palliatifs-quebecois', {
    title: 'Palliative care',
    titleFr: 'Soins palliatifs à domicile',
    languages: ['fr'],
    description: 'Home care.',
    descriptionFr: 'Accompagnement des personnes en fin de vie et de leurs proches aidants, en français.',
    skills: ['Écoute empathique'],
  }),
  /** HTML in source text must come out escaped. */
  markup: fixtureDocument('markup-zylophone', {
    title: 'Zylophone <b>tuning</b> & repair',
    skills: ['Zylophone repair'],
  }),
  sunset: fixtureDocument('retired-zylophone', { title: 'Retired zylophone course', status: 'SUNSET' }),
  /** Transpositions: each of these words is one swap away from a typical query typo. */
  transposed: fixtureDocument('quorvex-software-security', {
    title: 'Quorvex Software Security',
    description: 'Threat analysis for small teams.',
  }),
  /** An id far over Meilisearch's 511-byte document id limit, with characters it does not allow in ids. */
  longId: {
    ...fixtureDocument('x', { title: 'Yarrowcraft Foundations', hours: 14 }),
    id: `testlab:yarrowcraft/été?édition=${'long-slug-'.repeat(80)}`,
  },
  /** A synonym phrase of five words on one side, its acronym on the other. */
  hvacLong: fixtureDocument('heating-ventilation-yelvan', {
    title: 'Heating Ventilation and Air Conditioning for Yelvan homes',
  }),
  hvacShort: fixtureDocument('hvac-controls-yelvan', { title: 'HVAC controls in Yelvan' }),
  /** The same skill written three ways by hand: one facet value. */
  kelpTitle: fixtureDocument('kelp-farming-basics', { title: 'Kelp basics', skills: ['Kelp Farming'] }),
  kelpLower: fixtureDocument('kelp-farming-tides', { title: 'Kelp and tides', skills: ['kelp farming'] }),
  kelpUpper: fixtureDocument('kelp-farming-markets', { title: 'Kelp markets', skills: ['KELP FARMING '] }),
  /** French function words (stop words): written one way here, queried another way. */
  vrelkorLab: fixtureDocument('vrelkor-laboratoire', {
    title: 'Vrelkor data analysis in the lab',
    titleFr: 'Analyse de données Vrelkor en laboratoire',
    languages: ['fr'],
  }),
  vrelkorBasics: fixtureDocument('vrelkor-debutants', {
    title: 'Vrelkor for beginners',
    titleFr: 'Vrelkor pour débutants',
    languages: ['fr'],
  }),
  /** A skill with an official French label, as the indexer derives it from the skill's code. */
  frenchSkill: fixtureDocument('zentrix-welding', {
    title: 'Zentrix welding',
    skills: ['Zentrix arc welding'],
    skillsFr: ['Soudage à l’arc Zentrix'],
    occupationTitles: ['Zentrix welders'],
    occupationTitlesFr: ['Soudeurs/soudeuses Zentrix'],
  }),
};

export const fixtureDocuments: SearchDocument[] = Object.values(fixtures);
