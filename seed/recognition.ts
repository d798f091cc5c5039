/**
 * SAMPLE recognition data for the local directory: provincial common-core
 * definitions, industry credentials, articulation agreements with equivalency
 * decisions, and stacking programs. Like the catalogues, it is sample data;
 * no real agreement between these institutions is implied.
 *
 * Every micro-credential reference is resolved against the deterministic
 * sample catalogues (`generateCatalogue`), by slug, among published or sunset
 * entries, for the institutions actually present. Anything naming an absent
 * institution or entry is left out, so a directory started with only a few
 * sample institutions (tests use 3 or 4) seeds what fits and nothing broken.
 *
 * Built in so inference has something real to show:
 * - a chain: Seneca's Cybersecurity Fundamentals → Humber's Identity and
 *   Access Management → Durham's Identity and Access Management;
 * - a cycle: Humber Risk Management → Georgian CAPM prep → Seneca Project
 *   Scheduling → Humber Risk Management (and a two-way Algonquin–La Cité pair);
 * - a shared item: Seneca's Machine Learning Foundations recognized by Durham
 *   and by Georgian;
 * - first-mover industry decisions (CompTIA Security+ at Seneca, Google Data
 *   Analytics at Humber) that peers can reuse through the common core.
 */
import { generateCatalogue } from './catalogue.js';
import type { RecognitionSeed, SeedEquivalency, SeedItem } from '../subgraphs/framework/recognition/seed.js';

type Slugs = string[];

interface CommonCorePlan {
  code: string;
  title: string;
  titleFr: string;
  description: string;
  descriptionFr: string;
  sectorArea: RecognitionSeed['commonCore'][number]['entry']['sectorArea'];
  requiredCompetencies: string[];
  /** The same competencies in French, in the same order. */
  requiredCompetenciesFr: string[];
  minimumHours: number;
  endorsingBodies: string[];
  /** Slugs of member entries at any institution; `headline` takes every institution's first (data analytics) entry. */
  members: Slugs | 'headline';
}

const commonCorePlans: CommonCorePlan[] = [
  {
    code: 'CC-DATA-ANALYTICS',
    title: 'Data Analytics Foundations',
    titleFr: "Fondements de l'analytique des données",
    description: 'Clean, analyse and visualise tabular data and communicate findings to decision makers.',
    descriptionFr:
      'Nettoyer, analyser et visualiser des données tabulaires, et communiquer les constats aux décideurs.',
    sectorArea: 'DIGITAL_SKILLS',
    requiredCompetencies: [
      'Prepare and clean data sets',
      'Descriptive statistics',
      'Build charts and dashboards',
      'Communicate findings',
    ],
    requiredCompetenciesFr: [
      'Préparer et nettoyer des jeux de données',
      'Statistiques descriptives',
      'Concevoir des graphiques et des tableaux de bord',
      'Communiquer les constats',
    ],
    minimumHours: 24,
    endorsingBodies: ['eCampusOntario', 'Information and Communications Technology Council (ICTC)'],
    members: 'headline',
  },
  {
    code: 'CC-PSW-SAFE-HANDLING',
    title: 'Safe Patient Handling and Mobility',
    titleFr: 'Manutention sécuritaire et mobilité des patients',
    description: 'Transfers, positioning and mobility support that protect clients and personal support workers.',
    descriptionFr:
      'Transferts, positionnement et aide à la mobilité qui protègent la clientèle et les préposés aux services de soutien personnel.',
    sectorArea: 'HEALTH_AND_PERSONAL_SUPPORT',
    requiredCompetencies: [
      'Assess mobility and risk',
      'Use mechanical lifts safely',
      'Body mechanics and injury prevention',
    ],
    requiredCompetenciesFr: [
      'Évaluer la mobilité et les risques',
      'Utiliser les lève-personnes mécaniques en toute sécurité',
      'Mécanique corporelle et prévention des blessures',
    ],
    minimumHours: 20,
    endorsingBodies: ['Ontario Personal Support Workers Association', 'Public Services Health and Safety Association'],
    members: ['safe-patient-handling-and-mobility', 'manutention-securitaire-et-mobilite-des-patients'],
  },
  {
    code: 'CC-PSW-MEDICATION',
    title: 'Medication Support for Home Care',
    titleFr: 'Soutien à la prise de médicaments en soins à domicile',
    description: 'Support clients with medication under delegation in home and community care.',
    descriptionFr:
      'Aider la clientèle à prendre ses médicaments par délégation, en soins à domicile et en milieu communautaire.',
    sectorArea: 'HEALTH_AND_PERSONAL_SUPPORT',
    requiredCompetencies: [
      'Medication safety and the five rights',
      'Delegation and documentation',
      'Recognise adverse reactions',
    ],
    requiredCompetenciesFr: [
      'Sécurité des médicaments et les cinq bons',
      'Délégation et documentation',
      'Reconnaître les réactions indésirables',
    ],
    minimumHours: 20,
    endorsingBodies: ['Ontario Personal Support Workers Association', 'Home Care Ontario'],
    members: [
      'medication-support-for-home-care-workers',
      'soutien-a-la-prise-de-medicaments-pour-les-travailleurs-des-soins-a-domicile',
    ],
  },
  {
    code: 'CC-PSW-DEMENTIA',
    title: 'Dementia Care for Support Workers',
    titleFr: 'Soins aux personnes atteintes de démence pour le personnel de soutien',
    description: 'Person-centred care and responsive behaviours for people living with dementia.',
    descriptionFr: 'Soins centrés sur la personne et comportements réactifs chez les personnes atteintes de démence.',
    sectorArea: 'HEALTH_AND_PERSONAL_SUPPORT',
    requiredCompetencies: [
      'Person-centred dementia care',
      'Responsive behaviours',
      'Family and caregiver communication',
    ],
    requiredCompetenciesFr: [
      'Soins centrés sur la personne atteinte de démence',
      'Comportements réactifs',
      'Communication avec la famille et les proches aidants',
    ],
    minimumHours: 18,
    endorsingBodies: ['Alzheimer Society of Ontario', 'Ontario Personal Support Workers Association'],
    members: ['dementia-care-for-support-workers'],
  },
  {
    code: 'CC-CYBER-FOUNDATIONS',
    title: 'Cybersecurity Foundations',
    titleFr: 'Fondements de la cybersécurité',
    description: 'Core security concepts, threats and controls for entry-level cybersecurity roles.',
    descriptionFr:
      'Notions, menaces et mesures de sécurité essentielles pour les postes de premier échelon en cybersécurité.',
    sectorArea: 'DIGITAL_SKILLS',
    requiredCompetencies: [
      'Threats, vulnerabilities and risk',
      'Security controls',
      'Identity and access basics',
      'Incident reporting',
    ],
    requiredCompetenciesFr: [
      'Menaces, vulnérabilités et risques',
      'Mesures de sécurité',
      'Notions de gestion des identités et des accès',
      'Signalement des incidents',
    ],
    minimumHours: 30,
    endorsingBodies: ['Information and Communications Technology Council (ICTC)', 'Canadian Centre for Cyber Security'],
    members: ['cybersecurity-fundamentals', 'cloud-security-foundations', 'network-security-essentials'],
  },
  {
    code: 'CC-PROJECT-MANAGEMENT',
    title: 'Project Management Foundations',
    titleFr: 'Fondements de la gestion de projets',
    description: 'Plan, schedule and control small projects with recognised project management practice.',
    descriptionFr:
      'Planifier, ordonnancer et maîtriser de petits projets selon des pratiques reconnues de gestion de projets.',
    sectorArea: 'BUSINESS',
    requiredCompetencies: [
      'Scope and work breakdown',
      'Scheduling',
      'Risk and issue management',
      'Stakeholder communication',
    ],
    requiredCompetenciesFr: [
      'Contenu et structure de découpage du projet',
      'Ordonnancement',
      'Gestion des risques et des problèmes',
      'Communication avec les parties prenantes',
    ],
    minimumHours: 30,
    endorsingBodies: ['PMI Southern Ontario Chapter', 'Ontario Chamber of Commerce'],
    members: ['project-management-fundamentals', 'preparing-for-the-capm-exam'],
  },
  {
    code: 'CC-BUSINESS-SUSTAINABILITY',
    title: 'Sustainability for Business',
    titleFr: 'Développement durable pour les entreprises',
    description: 'Sustainability concepts and practices that businesses apply to operations and reporting.',
    descriptionFr:
      'Notions et pratiques de développement durable que les entreprises appliquent à leurs activités et à leurs rapports.',
    sectorArea: 'ENVIRONMENT_AND_ENERGY',
    requiredCompetencies: ['Sustainability frameworks', 'Measure environmental impact', 'Build a sustainability plan'],
    requiredCompetenciesFr: [
      'Cadres de développement durable',
      "Mesurer l'impact environnemental",
      'Élaborer un plan de développement durable',
    ],
    minimumHours: 20,
    endorsingBodies: ['Ontario Chamber of Commerce', 'ECO Canada'],
    members: ['sustainability-fundamentals-for-business'],
  },
  {
    code: 'CC-GENAI-WORKPLACE',
    title: 'Generative AI in the Workplace',
    titleFr: "L'IA générative en milieu de travail",
    description: 'Use generative AI tools productively, safely and ethically at work.',
    descriptionFr: "Utiliser les outils d'IA générative au travail de façon productive, sûre et éthique.",
    sectorArea: 'DIGITAL_SKILLS',
    requiredCompetencies: ['Prompting techniques', 'Evaluate AI output', 'Privacy and responsible use'],
    requiredCompetenciesFr: [
      'Techniques de requête',
      "Évaluer les résultats de l'IA",
      'Vie privée et utilisation responsable',
    ],
    minimumHours: 12,
    endorsingBodies: ['Vector Institute', 'eCampusOntario'],
    members: ['generative-ai-in-the-workplace', 'l-ia-generative-en-milieu-de-travail'],
  },
  {
    code: 'CC-ECE-LEADERSHIP',
    title: 'Leadership in Child Care',
    titleFr: 'Leadership en services de garde',
    description: 'Lead teams and programs in licensed child care settings.',
    descriptionFr: 'Diriger des équipes et des programmes dans les services de garde agréés.',
    sectorArea: 'EDUCATION_AND_COMMUNITY',
    requiredCompetencies: ['Pedagogical leadership', 'Team supervision', 'Regulatory compliance (CCEYA)'],
    requiredCompetenciesFr: ['Leadership pédagogique', "Supervision d'équipe", 'Conformité réglementaire (LGEPE)'],
    minimumHours: 30,
    endorsingBodies: ['College of Early Childhood Educators'],
    members: ['leadership-in-child-care-settings', 'leadership-en-milieu-de-garde'],
  },
];

const industryCredentials: RecognitionSeed['industryCredentials'] = [
  {
    code: 'google-data-analytics',
    name: 'Google Data Analytics Certificate',
    issuer: 'Google',
    url: 'https://grow.google/certificates/data-analytics/',
  },
  {
    code: 'comptia-security-plus',
    name: 'CompTIA Security+',
    issuer: 'CompTIA',
    url: 'https://www.comptia.org/certifications/security',
  },
  {
    code: 'pmi-capm',
    name: 'Certified Associate in Project Management (CAPM)',
    issuer: 'Project Management Institute',
    url: 'https://www.pmi.org/certifications/certified-associate-capm',
  },
  {
    code: 'microsoft-pl-300',
    name: 'Microsoft Certified: Power BI Data Analyst Associate (PL-300)',
    issuer: 'Microsoft',
    url: 'https://learn.microsoft.com/credentials/certifications/data-analyst-associate/',
  },
  {
    code: 'aws-cloud-practitioner',
    name: 'AWS Certified Cloud Practitioner',
    issuer: 'Amazon Web Services',
    url: 'https://aws.amazon.com/certification/certified-cloud-practitioner/',
  },
];

const mc = (institution: string, slug: string): SeedItem => ({ kind: 'MICRO_CREDENTIAL', institution, slug });
const industry = (code: string): SeedItem => ({ kind: 'INDUSTRY_CREDENTIAL', code });
const course = (institution: string, code: string, title: string): SeedItem => ({
  kind: 'COURSE',
  institution,
  code,
  title,
});

function decision(
  receivingInstitution: string,
  from: SeedItem,
  to: SeedItem,
  value: number,
  extent: 'FULL' | 'PARTIAL',
  extra: Partial<SeedEquivalency> = {},
): SeedEquivalency {
  return {
    receivingInstitution,
    from,
    for: to,
    value,
    unit: 'CREDITS',
    extent,
    startDate: '2025-09-01',
    endDate: null,
    minimumGrade: 65,
    recencyYears: 5,
    conditions: null,
    ...extra,
  };
}

const agreements: RecognitionSeed['agreements'] = [
  {
    name: 'Humber–Seneca Digital Skills Micro-credential Transfer Agreement',
    description: 'Bilateral agreement recognising digital-skills micro-credentials between Humber and Seneca.',
    kind: 'BILATERAL',
    parties: ['humber', 'seneca'],
    ownedBy: 'humber',
    dateSigned: '2025-06-15',
    dateEffective: '2025-09-01',
    expirationDate: '2030-08-31',
    equivalencies: [
      decision(
        'humber',
        mc('seneca', 'cybersecurity-fundamentals'),
        mc('humber', 'identity-and-access-management'),
        1.5,
        'PARTIAL',
        {
          conditions: 'Partial credit: the access-control module must still be completed.',
        },
      ),
      decision(
        'humber',
        mc('seneca', 'python-for-data-analysis'),
        mc('humber', 'applied-business-analytics'),
        3,
        'FULL',
      ),
      decision(
        'humber',
        mc('seneca', 'project-scheduling-and-cost-control'),
        mc('humber', 'risk-management-for-projects'),
        3,
        'FULL',
      ),
      decision(
        'seneca',
        mc('humber', 'data-analytics-for-the-workplace'),
        course('seneca', 'DBS211', 'Introduction to Database Systems'),
        2,
        'PARTIAL',
      ),
    ],
  },
  {
    name: 'Central Ontario Project Management Pathway (multilateral)',
    description: 'Humber, Georgian and Seneca recognise each other’s project management micro-credentials.',
    kind: 'MULTILATERAL',
    parties: ['georgian', 'humber', 'seneca'],
    ownedBy: 'georgian',
    dateSigned: '2025-03-01',
    dateEffective: '2025-05-01',
    expirationDate: null,
    equivalencies: [
      decision(
        'georgian',
        mc('humber', 'risk-management-for-projects'),
        mc('georgian', 'preparing-for-the-capm-exam'),
        3,
        'FULL',
      ),
      decision(
        'seneca',
        mc('georgian', 'preparing-for-the-capm-exam'),
        mc('seneca', 'project-scheduling-and-cost-control'),
        3,
        'FULL',
      ),
    ],
  },
  {
    name: 'Durham–Humber Identity and Access Management Articulation',
    description: 'Durham recognises Humber’s identity and access management micro-credential in full.',
    kind: 'BILATERAL',
    parties: ['durham', 'humber'],
    ownedBy: 'durham',
    dateSigned: '2025-08-20',
    dateEffective: '2025-09-01',
    expirationDate: null,
    equivalencies: [
      decision(
        'durham',
        mc('humber', 'identity-and-access-management'),
        mc('durham', 'identity-and-access-management'),
        3,
        'FULL',
      ),
    ],
  },
  {
    name: 'Machine Learning Foundations Recognition (Seneca, Durham, Georgian)',
    description: 'Durham and Georgian recognise Seneca’s Machine Learning Foundations.',
    kind: 'MULTILATERAL',
    parties: ['durham', 'georgian', 'seneca'],
    ownedBy: 'seneca',
    dateSigned: '2025-01-10',
    dateEffective: '2025-01-15',
    expirationDate: null,
    equivalencies: [
      decision(
        'durham',
        mc('seneca', 'machine-learning-foundations'),
        mc('durham', 'machine-learning-foundations'),
        3,
        'FULL',
      ),
      decision(
        'georgian',
        mc('seneca', 'machine-learning-foundations'),
        mc('georgian', 'prompt-engineering-for-professionals'),
        1,
        'PARTIAL',
      ),
    ],
  },
  {
    name: 'Entente Algonquin–La Cité en cybersécurité / Algonquin–La Cité Cybersecurity Agreement',
    description: 'Ottawa colleges recognise each other’s ethical hacking micro-credentials, in English and in French.',
    kind: 'BILATERAL',
    parties: ['algonquin', 'lacite'],
    ownedBy: 'lacite',
    dateSigned: '2025-04-01',
    dateEffective: '2025-05-01',
    expirationDate: '2029-04-30',
    equivalencies: [
      decision(
        'lacite',
        mc('algonquin', 'ethical-hacking-and-penetration-testing'),
        mc('lacite', 'piratage-ethique-et-tests-d-intrusion'),
        3,
        'FULL',
      ),
      decision(
        'algonquin',
        mc('lacite', 'piratage-ethique-et-tests-d-intrusion'),
        mc('algonquin', 'ethical-hacking-and-penetration-testing'),
        3,
        'FULL',
      ),
    ],
  },
  {
    name: 'Boréal–Laurentian Indigenous Cultural Safety Recognition',
    description:
      'Collège Boréal recognises Laurentian’s Indigenous cultural safety micro-credential for its French-language offering.',
    kind: 'BILATERAL',
    parties: ['boreal', 'laurentian'],
    ownedBy: 'boreal',
    dateSigned: '2025-02-10',
    dateEffective: '2025-03-01',
    expirationDate: null,
    equivalencies: [
      decision(
        'boreal',
        mc('laurentian', 'indigenous-cultural-safety-in-health-care'),
        mc('boreal', 'securisation-culturelle-autochtone-en-soins-de-sante'),
        2,
        'FULL',
        {
          conditions: 'Evaluation in French of the final reflective assignment.',
        },
      ),
    ],
  },
  {
    name: 'TMU–Algonquin Python for Data Analysis Transfer',
    description: 'Algonquin recognises TMU’s Python for Data Analysis.',
    kind: 'BILATERAL',
    parties: ['algonquin', 'tmu'],
    ownedBy: 'algonquin',
    dateSigned: '2025-07-01',
    dateEffective: '2025-09-01',
    expirationDate: null,
    equivalencies: [
      decision(
        'algonquin',
        mc('tmu', 'python-for-data-analysis'),
        mc('algonquin', 'python-for-data-analysis'),
        3,
        'FULL',
        { minimumGrade: 70 },
      ),
    ],
  },
  {
    name: 'Conestoga–Fanshawe Project Management Agreement (expired)',
    description: 'An earlier bilateral agreement that has expired; its decisions no longer count.',
    kind: 'BILATERAL',
    parties: ['conestoga', 'fanshawe'],
    ownedBy: 'fanshawe',
    dateSigned: '2021-05-01',
    dateEffective: '2021-09-01',
    expirationDate: '2024-08-31',
    equivalencies: [
      decision(
        'fanshawe',
        mc('conestoga', 'project-scheduling-and-cost-control'),
        mc('fanshawe', 'project-management-fundamentals'),
        3,
        'FULL',
        {
          startDate: '2021-09-01',
        },
      ),
    ],
  },
];

/** Institution policy decisions, outside any agreement (often first movers on industry credentials). */
const ownDecisions: SeedEquivalency[] = [
  decision('seneca', industry('comptia-security-plus'), mc('seneca', 'cybersecurity-fundamentals'), 3, 'FULL', {
    minimumGrade: null,
    recencyYears: 3,
  }),
  decision('humber', industry('google-data-analytics'), mc('humber', 'data-analytics-for-the-workplace'), 3, 'FULL', {
    minimumGrade: null,
    recencyYears: 3,
  }),
  decision('georgian', industry('pmi-capm'), mc('georgian', 'preparing-for-the-capm-exam'), 3, 'FULL', {
    minimumGrade: null,
    recencyYears: 5,
  }),
  decision(
    'algonquin',
    industry('microsoft-pl-300'),
    mc('algonquin', 'data-analytics-essentials-with-excel'),
    2,
    'PARTIAL',
    { minimumGrade: null },
  ),
  decision('cambrian', industry('microsoft-pl-300'), mc('cambrian', 'data-visualization-with-power-bi'), 3, 'FULL', {
    minimumGrade: null,
  }),
  decision('georgian', industry('aws-cloud-practitioner'), mc('georgian', 'cloud-security-foundations'), 1, 'PARTIAL', {
    minimumGrade: null,
  }),
];

const programs: RecognitionSeed['programs'] = [
  {
    institution: 'lacite',
    code: 'PSSP',
    title: 'Personal Support Worker',
    titleFr: 'Préposé aux services de soutien personnel',
    credential: 'Ontario College Certificate',
    credentialFr: "Certificat d'études collégiales de l'Ontario",
    oqfLevel: 5,
    totalCredits: 36,
    rules: [
      {
        name: 'Soins de soutien essentiels',
        microCredentials: [],
        commonCore: ['CC-PSW-SAFE-HANDLING', 'CC-PSW-MEDICATION'],
        requiredCount: 2,
        creditsGranted: 6,
      },
    ],
  },
  {
    institution: 'cambrian',
    code: 'PSW',
    title: 'Personal Support Worker',
    titleFr: 'Préposé aux services de soutien personnel',
    credential: 'Ontario College Certificate',
    credentialFr: "Certificat d'études collégiales de l'Ontario",
    oqfLevel: 5,
    totalCredits: 36,
    rules: [
      {
        name: 'Foundations',
        microCredentials: [mc('cambrian', 'personal-support-worker-foundations')],
        commonCore: [],
        requiredCount: 1,
        creditsGranted: 4,
      },
      {
        name: 'Safe care',
        microCredentials: [],
        commonCore: ['CC-PSW-SAFE-HANDLING', 'CC-PSW-DEMENTIA'],
        requiredCount: 1,
        creditsGranted: 2,
      },
    ],
  },
  {
    institution: 'humber',
    code: 'BAN-GC',
    title: 'Business Insights and Analytics',
    titleFr: "Analyse et intelligence d'affaires",
    credential: 'Ontario College Graduate Certificate',
    credentialFr: "Certificat d'études supérieures de l'Ontario",
    oqfLevel: 9,
    totalCredits: 30,
    rules: [
      {
        name: 'Analytics foundations',
        microCredentials: [],
        commonCore: ['CC-DATA-ANALYTICS'],
        requiredCount: 1,
        creditsGranted: 3,
      },
      {
        name: 'Applied analytics',
        microCredentials: [mc('humber', 'applied-business-analytics')],
        commonCore: [],
        requiredCount: 1,
        creditsGranted: 3,
      },
    ],
  },
  {
    institution: 'georgian',
    code: 'PM-CERT',
    title: 'Project Management',
    titleFr: 'Gestion de projets',
    credential: 'Ontario College Graduate Certificate',
    credentialFr: "Certificat d'études supérieures de l'Ontario",
    oqfLevel: 9,
    totalCredits: 24,
    rules: [
      {
        name: 'Project management core',
        microCredentials: [mc('georgian', 'preparing-for-the-capm-exam')],
        commonCore: ['CC-PROJECT-MANAGEMENT'],
        requiredCount: 1,
        creditsGranted: 3,
      },
      {
        name: 'Leadership elective',
        microCredentials: [mc('georgian', 'leading-hybrid-teams')],
        commonCore: [],
        requiredCount: 1,
        creditsGranted: 3,
      },
    ],
  },
  {
    institution: 'durham',
    code: 'PSW',
    title: 'Personal Support Worker',
    titleFr: 'Préposé aux services de soutien personnel',
    credential: 'Ontario College Certificate',
    credentialFr: "Certificat d'études collégiales de l'Ontario",
    oqfLevel: 5,
    totalCredits: 36,
    rules: [
      {
        name: 'Personal support foundations',
        microCredentials: [],
        commonCore: ['CC-PSW-SAFE-HANDLING', 'CC-PSW-MEDICATION', 'CC-PSW-DEMENTIA'],
        requiredCount: 2,
        creditsGranted: 6,
      },
    ],
  },
  {
    institution: 'seneca',
    code: 'CTM-GC',
    title: 'Cybersecurity and Threat Management',
    titleFr: 'Cybersécurité et gestion des menaces',
    credential: 'Ontario College Graduate Certificate',
    credentialFr: "Certificat d'études supérieures de l'Ontario",
    oqfLevel: 9,
    totalCredits: 32,
    rules: [
      {
        name: 'Security foundations',
        microCredentials: [mc('seneca', 'cybersecurity-fundamentals')],
        commonCore: ['CC-CYBER-FOUNDATIONS'],
        requiredCount: 1,
        creditsGranted: 4,
      },
      {
        name: 'AI and automation',
        microCredentials: [
          mc('seneca', 'machine-learning-foundations'),
          mc('seneca', 'generative-ai-in-the-workplace'),
        ],
        commonCore: [],
        requiredCount: 1,
        creditsGranted: 2,
      },
    ],
  },
];

/**
 * The sample recognition data for the institutions present, resolved to real
 * ids of their sample catalogues (`entriesPerInstitution` as the catalogues
 * were generated with).
 */
export function sampleRecognition(institutions: readonly string[], entriesPerInstitution?: number): RecognitionSeed {
  const published = new Map<string, Map<string, string>>();
  const headline = new Map<string, string>();
  for (const code of institutions) {
    const entries = generateCatalogue(code, entriesPerInstitution);
    const bySlug = new Map<string, string>();
    for (const entry of entries) if (entry.status !== 'DRAFT') bySlug.set(entry.slug, `${code}:${entry.slug}`);
    published.set(code, bySlug);
    if (entries[0] && entries[0].status !== 'DRAFT') headline.set(code, `${code}:${entries[0].slug}`);
  }
  return {
    institutions: [...institutions],
    microCredentialIds: new Set([...published.values()].flatMap((bySlug) => [...bySlug.values()])),
    industryCredentials,
    commonCore: commonCorePlans.map(({ members, ...entry }) => ({
      entry,
      members:
        members === 'headline'
          ? [...headline.values()]
          : [...published.values()].flatMap((bySlug) => members.flatMap((slug) => bySlug.get(slug) ?? [])),
    })),
    agreements,
    equivalencies: ownDecisions,
    programs,
  };
}
