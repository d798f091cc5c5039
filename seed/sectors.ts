/**
 * What the sample micro-credentials are about: one record per sector with
 * English and French titles, outcomes, skills, occupations (NOC 2021),
 * programs (CIP 2021), typical workloads and fictional partners.
 *
 * Partner and employer names are invented for the sample. Institutions are
 * real; no real partnership is implied.
 */
import type { AssessmentType, Partner, QualityAssurance, Skill } from '../subgraphs/catalogue/entryParts.js';

export interface Bilingual {
  en: string;
  fr: string;
}

export interface SectorTitle extends Bilingual {
  /** NOC codes specific to this title; the sector's otherwise. */
  noc?: string[];
  /** CIP codes specific to this title; the sector's otherwise. */
  cip?: string[];
  /** A skill in another framework (e.g. an Ontario trade code). */
  otherSkill?: Skill;
  /** Taught partly in the institution's Indigenous language(s). */
  indigenousLanguage?: boolean;
}

export interface Sector {
  key: string;
  /** Prefix of the sample's external course codes, e.g. `DAT1004`. */
  codePrefix: string;
  titles: SectorTitle[];
  summary: Bilingual;
  outcomes: Bilingual[];
  escoLabels: string[];
  sctCodes: string[];
  noc: string[];
  cip: string[];
  assessmentTypes: AssessmentType[];
  summative: Bilingual;
  /** Instructional hours to draw from. */
  hours: number[];
  /** Share of entries taught on site (in person or hybrid) rather than online. */
  onSiteShare: number;
  partners: Partner[];
  stackTargets: Array<Bilingual & { programCode: string }>;
  prerequisites: Bilingual[];
  /** A sector-specific quality assurance body, used for some entries instead of the institution's own. */
  sectorQualityAssurance?: QualityAssurance;
  /** Only Indigenous institutes list this sector. */
  indigenousInstitutesOnly?: boolean;
}

const secondarySchool: Bilingual = {
  en: 'Ontario Secondary School Diploma (OSSD) or equivalent, or mature student status',
  fr: "Diplôme d'études secondaires de l'Ontario (DESO) ou l'équivalent, ou statut d'étudiant adulte",
};

/**
 * Titles containing "Data Analytics", online, short and OSAP-eligible: every
 * institution's first sample entry is one of these, so a search for data
 * analytics finds comparable offers at several institutions.
 */
export const headlineDataAnalyticsTitles: Bilingual[] = [
  { en: 'Data Analytics Fundamentals', fr: 'Analytique de données : notions fondamentales' },
  { en: 'Introduction to Data Analytics', fr: "Introduction à l'analytique de données" },
  { en: 'Data Analytics Essentials with Excel', fr: "L'essentiel de l'analytique de données avec Excel" },
  { en: 'Data Analytics for the Workplace', fr: "L'analytique de données en milieu de travail" },
];

export const sectors: Sector[] = [
  {
    key: 'data-analytics',
    codePrefix: 'DAT',
    titles: [
      { en: 'Data Visualization with Power BI', fr: 'Visualisation de données avec Power BI' },
      { en: 'SQL for Data Analysis', fr: "SQL pour l'analyse de données", cip: ['11.0802', '30.7101'] },
      { en: 'Applied Business Analytics', fr: "Analytique d'affaires appliquée", cip: ['30.7102'] },
      { en: 'Data Storytelling for Decision Makers', fr: 'Communiquer avec les données pour la prise de décision' },
      { en: 'Python for Data Analysis', fr: "Python pour l'analyse de données", noc: ['21211', '21232'] },
      { en: 'Health Care Data Analytics', fr: 'Analytique de données en santé' },
      { en: 'Data Analytics for Small Business', fr: "L'analytique de données pour les petites entreprises" },
      { en: 'Data Governance and Privacy', fr: 'Gouvernance des données et protection de la vie privée' },
    ],
    summary: {
      en: 'Learners turn raw data into clear answers: cleaning data, querying it, summarizing it with statistics and presenting it in dashboards decision makers can use.',
      fr: 'Les personnes apprenantes transforment des données brutes en réponses claires : nettoyage, interrogation, synthèse statistique et présentation dans des tableaux de bord utiles à la prise de décision.',
    },
    outcomes: [
      {
        en: 'Clean and prepare raw data sets for analysis using spreadsheet and query tools',
        fr: "Nettoyer et préparer des jeux de données brutes pour l'analyse à l'aide de tableurs et d'outils de requête",
      },
      {
        en: 'Calculate and interpret descriptive statistics to answer a business question',
        fr: "Calculer et interpréter des statistiques descriptives pour répondre à une question d'affaires",
      },
      {
        en: 'Build dashboards that communicate trends to non-technical audiences',
        fr: 'Concevoir des tableaux de bord qui présentent les tendances à un public non spécialiste',
      },
      {
        en: 'Write SQL queries that join, filter and aggregate relational data',
        fr: 'Rédiger des requêtes SQL qui joignent, filtrent et agrègent des données relationnelles',
      },
      {
        en: 'Apply privacy and data governance principles under Ontario and federal law',
        fr: 'Appliquer les principes de protection de la vie privée et de gouvernance des données selon les lois ontariennes et fédérales',
      },
      {
        en: 'Present an evidence-based recommendation drawn from a real data set',
        fr: 'Présenter une recommandation fondée sur des données probantes tirées d’un jeu de données réel',
      },
    ],
    escoLabels: [
      'perform data analysis',
      'use spreadsheets software',
      'SQL',
      'statistics',
      'present reports',
      'business intelligence',
    ],
    sctCodes: ['S.01.a.03', 'S.01.a.04', 'S.02.a.01', 'A.01.a.01'],
    noc: ['21211', '21223', '21221'],
    cip: ['30.7101', '30.7102'],
    assessmentTypes: ['PROJECT', 'QUIZ', 'PRESENTATION', 'PORTFOLIO'],
    summative: {
      en: 'Capstone project: learners analyse a public Ontario data set and present a dashboard with a written recommendation, assessed against a published rubric.',
      fr: 'Projet synthèse : analyse d’un jeu de données public de l’Ontario et présentation d’un tableau de bord accompagné d’une recommandation écrite, évalués selon une grille publiée.',
    },
    hours: [12, 18, 21, 24, 30, 36, 39, 40, 42, 45, 60, 75],
    onSiteShare: 0.3,
    partners: [
      { name: 'Lakeshore Analytics Co-operative', kind: 'EMPLOYER' },
      { name: 'Ontario Data Practitioners Network', kind: 'INDUSTRY_ASSOCIATION' },
      { name: 'Grand River Regional Health Data Hub', kind: 'EMPLOYER' },
    ],
    stackTargets: [
      {
        en: 'Business Analytics (Ontario College Graduate Certificate)',
        fr: "Analytique d'affaires (certificat d'études supérieures de l'Ontario)",
        programCode: 'BAN',
      },
      { en: 'Data Analytics Certificate', fr: 'Certificat en analytique de données', programCode: 'DAC' },
    ],
    prerequisites: [
      {
        en: 'Comfort with spreadsheets (sorting, filtering, basic formulas)',
        fr: 'Aisance avec les tableurs (tri, filtres, formules de base)',
      },
      secondarySchool,
    ],
  },
  {
    key: 'cybersecurity',
    codePrefix: 'CYB',
    titles: [
      { en: 'Cybersecurity Fundamentals', fr: 'Cybersécurité : notions fondamentales' },
      {
        en: 'Network Security Essentials',
        fr: "L'essentiel de la sécurité des réseaux",
        noc: ['22220', '21220'],
        cip: ['11.1001', '11.1003'],
      },
      {
        en: 'Incident Response and Digital Forensics',
        fr: 'Intervention en cas d’incident et criminalistique numérique',
      },
      { en: 'Cloud Security Foundations', fr: 'Fondements de la sécurité infonuagique' },
      { en: 'Security Awareness for Small Business', fr: 'Sensibilisation à la sécurité pour les petites entreprises' },
      { en: 'Ethical Hacking and Penetration Testing', fr: "Piratage éthique et tests d'intrusion" },
      { en: 'Identity and Access Management', fr: 'Gestion des identités et des accès' },
      { en: 'Privacy and Cyber Risk Management', fr: 'Gestion de la vie privée et des cyberrisques' },
    ],
    summary: {
      en: 'Learners practise defending real systems in lab environments: recognising threats, hardening networks and responding to incidents step by step.',
      fr: 'Les personnes apprenantes s’exercent à défendre de vrais systèmes en laboratoire : reconnaître les menaces, renforcer les réseaux et intervenir lors d’incidents, étape par étape.',
    },
    outcomes: [
      {
        en: 'Identify common threats and vulnerabilities in networked systems',
        fr: 'Reconnaître les menaces et vulnérabilités courantes des systèmes en réseau',
      },
      {
        en: 'Configure firewalls, access controls and multi-factor authentication',
        fr: "Configurer des pare-feu, des contrôles d'accès et l'authentification multifacteur",
      },
      {
        en: 'Respond to a simulated security incident following a documented playbook',
        fr: 'Intervenir lors d’un incident de sécurité simulé en suivant un protocole documenté',
      },
      {
        en: 'Assess cyber risk and recommend controls aligned with the NIST Cybersecurity Framework',
        fr: 'Évaluer les cyberrisques et recommander des mesures conformes au cadre de cybersécurité du NIST',
      },
      {
        en: 'Explain obligations under PIPEDA and Ontario privacy law',
        fr: 'Expliquer les obligations prévues par la LPRPDE et les lois ontariennes sur la protection de la vie privée',
      },
    ],
    escoLabels: [
      'cyber attack counter-measures',
      'manage ICT security',
      'identify ICT security risks',
      'information security strategy',
      'ICT network security risks',
    ],
    sctCodes: ['S.02.a.02', 'S.02.a.01', 'S.04.a.02', 'A.01.a.03'],
    noc: ['21220', '22220', '21222'],
    cip: ['11.1003'],
    assessmentTypes: ['PRACTICAL_DEMONSTRATION', 'EXAM', 'QUIZ', 'PROJECT'],
    summative: {
      en: 'Timed practical lab: learners secure a misconfigured network and document their incident response, followed by a proctored exam.',
      fr: 'Laboratoire pratique chronométré : sécurisation d’un réseau mal configuré et documentation de l’intervention, suivis d’un examen surveillé.',
    },
    hours: [14, 20, 24, 30, 36, 40, 45, 60, 90, 120],
    onSiteShare: 0.35,
    partners: [
      { name: 'Northshore Managed Security Services', kind: 'EMPLOYER' },
      { name: 'Canadian Cyber Skills Alliance', kind: 'INDUSTRY_ASSOCIATION' },
    ],
    stackTargets: [
      {
        en: 'Cybersecurity (Ontario College Graduate Certificate)',
        fr: "Cybersécurité (certificat d'études supérieures de l'Ontario)",
        programCode: 'CYB',
      },
      {
        en: 'Computer Systems Technician diploma',
        fr: 'Diplôme de technicien en systèmes informatiques',
        programCode: 'CST',
      },
    ],
    prerequisites: [
      {
        en: 'Working knowledge of Windows or Linux and basic networking',
        fr: 'Connaissance pratique de Windows ou de Linux et des notions de base en réseautique',
      },
      secondarySchool,
    ],
    sectorQualityAssurance: {
      body: 'Regional cybersecurity employer advisory committee',
      type: 'INDUSTRY_ACCREDITATION',
    },
  },
  {
    key: 'artificial-intelligence',
    codePrefix: 'AIM',
    titles: [
      {
        en: 'Artificial Intelligence for Business',
        fr: "L'intelligence artificielle pour les entreprises",
        noc: ['21221', '11201'],
      },
      { en: 'Machine Learning Foundations', fr: "Fondements de l'apprentissage automatique" },
      { en: 'Generative AI in the Workplace', fr: "L'IA générative en milieu de travail", noc: ['21221', '13100'] },
      { en: 'Prompt Engineering for Professionals', fr: 'Ingénierie de requêtes pour les professionnels' },
      { en: 'Responsible and Ethical AI', fr: 'IA responsable et éthique' },
      {
        en: 'Applied Machine Learning with Python',
        fr: 'Apprentissage automatique appliqué avec Python',
        cip: ['11.0102', '11.0701'],
      },
      { en: 'AI Tools for Health Care Administration', fr: "Outils d'IA pour l'administration des soins de santé" },
    ],
    summary: {
      en: 'Learners use artificial intelligence tools responsibly at work, from understanding how models learn to judging where AI helps, where it harms and how to adopt it safely.',
      fr: 'Les personnes apprenantes utilisent les outils d’intelligence artificielle de façon responsable au travail : comprendre comment les modèles apprennent, juger où l’IA aide ou nuit et l’adopter en toute sécurité.',
    },
    outcomes: [
      {
        en: 'Explain how supervised and unsupervised learning models are trained and evaluated',
        fr: "Expliquer comment les modèles d'apprentissage supervisé et non supervisé sont entraînés et évalués",
      },
      {
        en: 'Use generative AI tools safely to draft, summarise and analyse workplace documents',
        fr: "Utiliser de façon sécuritaire les outils d'IA générative pour rédiger, résumer et analyser des documents de travail",
      },
      {
        en: 'Assess an AI use case for bias, privacy and accountability risks',
        fr: "Évaluer un cas d'utilisation de l'IA sous l'angle des biais, de la vie privée et de la responsabilité",
      },
      {
        en: 'Build and validate a simple predictive model on a prepared data set',
        fr: 'Construire et valider un modèle prédictif simple à partir d’un jeu de données préparé',
      },
      {
        en: 'Write an AI adoption proposal for a team or small organization',
        fr: "Rédiger une proposition d'adoption de l'IA pour une équipe ou une petite organisation",
      },
    ],
    escoLabels: [
      'machine learning',
      'principles of artificial intelligence',
      'Python (computer programming)',
      'utilise machine learning',
      'ICT ethics',
    ],
    sctCodes: ['S.02.a.01', 'S.01.a.04', 'A.01.a.02', 'S.02.a.03'],
    noc: ['21211', '21231', '21232'],
    cip: ['11.0102', '30.7001'],
    assessmentTypes: ['PROJECT', 'QUIZ', 'PEER_REVIEW', 'PRESENTATION'],
    summative: {
      en: 'Applied project: learners design an AI-assisted workflow for a real workplace task and defend its risk assessment in a recorded presentation.',
      fr: 'Projet appliqué : conception d’un flux de travail assisté par l’IA pour une tâche réelle et défense de l’évaluation des risques dans une présentation enregistrée.',
    },
    hours: [6, 8, 12, 15, 20, 24, 30, 36, 42, 60],
    onSiteShare: 0.25,
    partners: [
      { name: 'Waterloo Region AI Adoption Network', kind: 'INDUSTRY_ASSOCIATION' },
      { name: 'Bayview Mutual Insurance', kind: 'EMPLOYER' },
    ],
    stackTargets: [
      {
        en: 'Artificial Intelligence (Ontario College Graduate Certificate)',
        fr: "Intelligence artificielle (certificat d'études supérieures de l'Ontario)",
        programCode: 'AIG',
      },
      {
        en: 'Certificate in Applied Data Science',
        fr: 'Certificat en science des données appliquée',
        programCode: 'ADS',
      },
    ],
    prerequisites: [
      {
        en: 'Basic computer literacy; no programming experience needed unless stated',
        fr: 'Connaissances informatiques de base; aucune expérience en programmation requise sauf indication contraire',
      },
      secondarySchool,
    ],
  },
  {
    key: 'health-care',
    codePrefix: 'PSW',
    titles: [
      { en: 'Personal Support Worker Foundations', fr: 'Préposé aux services de soutien personnel : fondements' },
      { en: 'Dementia Care for Support Workers', fr: 'Soins aux personnes atteintes de démence pour les préposés' },
      { en: 'Palliative and End-of-Life Care', fr: 'Soins palliatifs et de fin de vie' },
      {
        en: 'Infection Prevention and Control in Long-Term Care',
        fr: 'Prévention et contrôle des infections en soins de longue durée',
      },
      { en: 'Mental Health First Response', fr: 'Premiers soins en santé mentale', noc: ['33109', '42201'] },
      {
        en: 'Indigenous Cultural Safety in Health Care',
        fr: 'Sécurisation culturelle autochtone en soins de santé',
        noc: ['33102', '31301', '32101'],
      },
      {
        en: 'Medication Support for Home Care Workers',
        fr: 'Soutien à la prise de médicaments pour les travailleurs des soins à domicile',
      },
      { en: 'Safe Patient Handling and Mobility', fr: 'Manutention sécuritaire et mobilité des patients' },
    ],
    summary: {
      en: 'Learners build the hands-on skills and judgement support workers need in long-term care, home care and hospitals, practised in simulation before the real thing.',
      fr: 'Les personnes apprenantes acquièrent les compétences pratiques et le jugement dont les préposés ont besoin en soins de longue durée, à domicile et en milieu hospitalier, en s’exerçant d’abord en simulation.',
    },
    outcomes: [
      {
        en: 'Provide person-centred personal care that respects dignity, culture and choice',
        fr: 'Offrir des soins personnels centrés sur la personne dans le respect de sa dignité, de sa culture et de ses choix',
      },
      {
        en: 'Apply routine practices and additional precautions for infection prevention and control',
        fr: 'Appliquer les pratiques de base et les précautions supplémentaires en prévention et contrôle des infections',
      },
      {
        en: "Report changes in a client's condition to the care team accurately and promptly",
        fr: 'Signaler avec exactitude et rapidité tout changement de l’état d’un client à l’équipe de soins',
      },
      {
        en: 'Support clients living with dementia using responsive-behaviour strategies',
        fr: 'Soutenir les clients atteints de démence à l’aide de stratégies adaptées aux comportements réactifs',
      },
      {
        en: 'Use safe lifts, transfers and repositioning techniques',
        fr: 'Utiliser des techniques sécuritaires de levage, de transfert et de repositionnement',
      },
    ],
    escoLabels: [
      'provide personal care',
      'apply infection control measures',
      'support people with dementia',
      'communicate with healthcare users',
      'move patients',
    ],
    sctCodes: ['S.03.a.01', 'S.03.a.02', 'S.04.a.02', 'S.02.a.03'],
    noc: ['33102', '44101', '33109'],
    cip: ['51.3902', '51.2602'],
    assessmentTypes: ['PRACTICAL_DEMONSTRATION', 'WORK_PLACEMENT', 'EXAM', 'QUIZ'],
    summative: {
      en: 'Supervised skills demonstration in a simulation lab, observed by a registered nurse, and a final written exam.',
      fr: 'Démonstration pratique supervisée en laboratoire de simulation, observée par une infirmière ou un infirmier autorisé, suivie d’un examen écrit.',
    },
    hours: [8, 12, 14, 20, 24, 30, 40, 60, 120, 150, 240],
    onSiteShare: 0.75,
    partners: [
      { name: 'Maple Grove Long-Term Care Homes', kind: 'EMPLOYER' },
      { name: 'Trillium Home Care Co-operative', kind: 'EMPLOYER' },
      { name: 'Dementia Caregivers Network of Ontario', kind: 'COMMUNITY_ORGANIZATION' },
    ],
    stackTargets: [
      {
        en: 'Personal Support Worker certificate',
        fr: 'Certificat de préposé aux services de soutien personnel',
        programCode: 'PSW',
      },
      { en: 'Practical Nursing diploma', fr: 'Diplôme en soins infirmiers auxiliaires', programCode: 'PNU' },
    ],
    prerequisites: [
      {
        en: 'Current Standard First Aid and CPR Level C',
        fr: 'Certificat valide de secourisme général et de RCR niveau C',
      },
      {
        en: 'Clear vulnerable sector check before any placement',
        fr: 'Vérification des antécédents en vue d’un travail auprès de personnes vulnérables avant tout stage',
      },
      secondarySchool,
    ],
    sectorQualityAssurance: { body: 'Ontario Personal Support Worker Program Standard', type: 'PROVINCIAL_REVIEW' },
  },
  {
    key: 'early-childhood',
    codePrefix: 'ECE',
    titles: [
      { en: 'Foundations of Early Childhood Education', fr: "Fondements de l'éducation de la petite enfance" },
      { en: 'Inclusive Practice in Early Learning', fr: 'Pratiques inclusives en apprentissage des jeunes enfants' },
      {
        en: 'Play-Based Learning and Pedagogical Documentation',
        fr: 'Apprentissage par le jeu et documentation pédagogique',
      },
      { en: "Supporting Children's Mental Health", fr: 'Soutenir la santé mentale des enfants' },
      { en: 'Infant and Toddler Care', fr: 'Soins aux nourrissons et aux tout-petits', cip: ['19.0709'] },
      { en: 'Family-Centred Practice', fr: 'Pratiques centrées sur la famille' },
      { en: 'Leadership in Child Care Settings', fr: 'Leadership en milieu de garde', noc: ['42202', '10019'] },
    ],
    summary: {
      en: 'Learners strengthen everyday practice with young children and families, grounded in Ontario’s pedagogy for the early years.',
      fr: 'Les personnes apprenantes renforcent leur pratique quotidienne auprès des jeunes enfants et des familles, en s’appuyant sur la pédagogie ontarienne de la petite enfance.',
    },
    outcomes: [
      {
        en: 'Plan play-based experiences aligned with How Does Learning Happen?',
        fr: 'Planifier des expériences d’apprentissage par le jeu conformes à « Comment apprend-on? »',
      },
      {
        en: "Observe and document children's learning to inform curriculum",
        fr: 'Observer et documenter l’apprentissage des enfants pour orienter le programme',
      },
      {
        en: 'Adapt environments and routines to include children with diverse abilities',
        fr: 'Adapter les milieux et les routines pour inclure les enfants aux capacités diverses',
      },
      {
        en: 'Build respectful partnerships with families and communities',
        fr: 'Établir des partenariats respectueux avec les familles et les collectivités',
      },
      {
        en: 'Apply Child Care and Early Years Act requirements to daily practice',
        fr: 'Appliquer au quotidien les exigences de la Loi sur la garde d’enfants et la petite enfance',
      },
    ],
    escoLabels: [
      'assess the development of youth',
      "support children's wellbeing",
      'apply teaching strategies',
      "maintain relations with children's parents",
    ],
    sctCodes: ['S.03.a.01', 'S.03.a.03', 'S.02.a.02', 'S.01.a.02'],
    noc: ['42202', '43100'],
    cip: ['13.1210', '19.0709'],
    assessmentTypes: ['PORTFOLIO', 'WORK_PLACEMENT', 'PROJECT', 'PRESENTATION'],
    summative: {
      en: 'Portfolio of pedagogical documentation from a supervised field experience, assessed against the College of Early Childhood Educators Code of Ethics and Standards of Practice.',
      fr: 'Portfolio de documentation pédagogique tiré d’un stage supervisé, évalué selon le Code de déontologie et normes d’exercice de l’Ordre des éducatrices et des éducateurs de la petite enfance.',
    },
    hours: [12, 15, 20, 24, 30, 36, 39, 45, 60, 90],
    onSiteShare: 0.5,
    partners: [
      { name: 'Riverside Community Child Care Centres', kind: 'EMPLOYER' },
      { name: 'Ontario Family Resource Network', kind: 'COMMUNITY_ORGANIZATION' },
    ],
    stackTargets: [
      {
        en: 'Early Childhood Education diploma',
        fr: "Diplôme en éducation en services à l'enfance",
        programCode: 'ECE',
      },
      {
        en: 'Early Childhood Education (Accelerated) diploma',
        fr: "Diplôme accéléré en éducation en services à l'enfance",
        programCode: 'ECA',
      },
    ],
    prerequisites: [
      {
        en: 'Clear vulnerable sector check',
        fr: 'Vérification des antécédents en vue d’un travail auprès de personnes vulnérables',
      },
      secondarySchool,
    ],
    sectorQualityAssurance: {
      body: 'College of Early Childhood Educators (continuous professional learning)',
      type: 'PROFESSIONAL_BODY',
    },
  },
  {
    key: 'skilled-trades',
    codePrefix: 'TRD',
    titles: [
      {
        en: 'Electrical Code Essentials',
        fr: "L'essentiel du Code de l'électricité",
        noc: ['72200', '72201'],
        cip: ['46.0302'],
        otherSkill: {
          framework: 'OTHER',
          code: '309A',
          label: 'Ontario trade 309A: Electrician — Construction and Maintenance',
        },
      },
      {
        en: 'Residential Solar PV Installation',
        fr: 'Installation de systèmes photovoltaïques résidentiels',
        noc: ['72200', '22310'],
        cip: ['15.0505', '46.0302'],
      },
      {
        en: 'Heat Pump Installation and Service',
        fr: 'Installation et entretien de thermopompes',
        noc: ['72402'],
        cip: ['47.0201'],
        otherSkill: {
          framework: 'OTHER',
          code: '313A',
          label: 'Ontario trade 313A: Refrigeration and Air Conditioning Systems Mechanic',
        },
      },
      {
        en: 'Welding Fundamentals: SMAW',
        fr: 'Notions de base en soudage : procédé SMAW',
        noc: ['72106'],
        cip: ['48.0508'],
        otherSkill: { framework: 'OTHER', code: '456A', label: 'Ontario trade 456A: Welder' },
      },
      {
        en: 'Pre-Apprenticeship Carpentry Skills',
        fr: "Compétences préparatoires à l'apprentissage en charpenterie",
        noc: ['72310'],
        cip: ['46.0201'],
        otherSkill: { framework: 'OTHER', code: '403A', label: 'Ontario trade 403A: General Carpenter' },
      },
      {
        en: 'Electric Vehicle Maintenance',
        fr: 'Entretien des véhicules électriques',
        noc: ['72410'],
        cip: ['47.0604'],
        otherSkill: { framework: 'OTHER', code: '310S', label: 'Ontario trade 310S: Automotive Service Technician' },
      },
      {
        en: 'Plumbing Rough-In and Code',
        fr: 'Plomberie brute et Code de la plomberie',
        noc: ['72300'],
        cip: ['46.0503'],
        otherSkill: { framework: 'OTHER', code: '306A', label: 'Ontario trade 306A: Plumber' },
      },
      {
        en: 'Construction Site Safety and Blueprint Reading',
        fr: 'Sécurité sur les chantiers et lecture de plans',
        noc: ['72310', '70010', '72200'],
        cip: ['46.0201'],
      },
    ],
    summary: {
      en: 'Learners build job-ready trade skills in the shop, working to Ontario codes and safety law alongside licensed tradespeople.',
      fr: 'Les personnes apprenantes développent en atelier des compétences de métier prêtes à l’emploi, conformément aux codes et aux lois ontariennes sur la sécurité, aux côtés de gens de métier certifiés.',
    },
    outcomes: [
      {
        en: 'Interpret drawings, specifications and the applicable Ontario code for a job',
        fr: 'Interpréter les dessins, les devis et le code ontarien applicable à un travail',
      },
      {
        en: 'Use hand and power tools safely under the Occupational Health and Safety Act',
        fr: 'Utiliser de façon sécuritaire les outils manuels et électriques conformément à la Loi sur la santé et la sécurité au travail',
      },
      {
        en: 'Install, test and troubleshoot systems to manufacturer and code requirements',
        fr: 'Installer, vérifier et dépanner des systèmes selon les exigences du fabricant et du code',
      },
      {
        en: 'Perform and document a pre-job hazard assessment',
        fr: 'Effectuer et consigner une évaluation des dangers avant les travaux',
      },
      {
        en: 'Estimate materials and time for a small residential job',
        fr: 'Estimer les matériaux et le temps requis pour un petit chantier résidentiel',
      },
    ],
    escoLabels: [
      'read standard blueprints',
      'use safety equipment in construction',
      'install photovoltaic systems',
      'weld metal',
      'test electrical equipment',
    ],
    sctCodes: ['S.02.a.02', 'A.01.a.01', 'S.01.a.03', 'S.04.a.02'],
    noc: ['72200', '72310'],
    cip: ['46.0302'],
    assessmentTypes: ['PRACTICAL_DEMONSTRATION', 'EXAM', 'QUIZ', 'WORK_PLACEMENT'],
    summative: {
      en: 'Practical shop assessment observed by a certified journeyperson, and a code-based written exam.',
      fr: 'Évaluation pratique en atelier observée par une compagne ou un compagnon certifié, et examen écrit portant sur le code.',
    },
    hours: [24, 30, 36, 40, 60, 72, 90, 120, 180, 210, 239, 240, 260, 300, 320],
    onSiteShare: 0.95,
    partners: [
      { name: 'Northern Electrical Contractors Group', kind: 'EMPLOYER' },
      { name: 'Ontario Building Trades Training Council', kind: 'INDUSTRY_ASSOCIATION' },
      { name: 'GreenRoof Solar Installers', kind: 'EMPLOYER' },
    ],
    stackTargets: [
      { en: 'Electrical Techniques certificate', fr: 'Certificat en techniques de l’électricité', programCode: 'ETC' },
      {
        en: 'Pre-Apprenticeship Training Program',
        fr: "Programme de formation préalable à l'apprentissage",
        programCode: 'PAP',
      },
    ],
    prerequisites: [
      { en: 'Grade 12 mathematics or equivalent', fr: 'Mathématiques de 12e année ou l’équivalent' },
      { en: 'CSA-approved safety boots and eyewear', fr: 'Bottes et lunettes de sécurité homologuées CSA' },
    ],
    sectorQualityAssurance: {
      body: 'Skilled Trades Ontario training standard alignment',
      type: 'INDUSTRY_ACCREDITATION',
    },
  },
  {
    key: 'business',
    codePrefix: 'BUS',
    titles: [
      {
        en: 'Digital Marketing Essentials',
        fr: "L'essentiel du marketing numérique",
        noc: ['11202'],
        cip: ['52.1401'],
      },
      {
        en: 'Bookkeeping with QuickBooks Online',
        fr: 'Tenue de livres avec QuickBooks en ligne',
        noc: ['12200'],
        cip: ['52.0301'],
      },
      {
        en: 'Human Resources Fundamentals',
        fr: 'Notions fondamentales en ressources humaines',
        noc: ['11200'],
        cip: ['52.1001'],
      },
      { en: 'Supply Chain and Logistics Basics', fr: "Notions de base en chaîne d'approvisionnement et logistique" },
      {
        en: 'Small Business Finance',
        fr: 'Finances des petites entreprises',
        noc: ['11101', '10010'],
        cip: ['52.0301', '52.0201'],
      },
      { en: 'Customer Experience Management', fr: "Gestion de l'expérience client", noc: ['60020', '11202'] },
      { en: 'Leading Hybrid Teams', fr: 'Diriger des équipes hybrides' },
      { en: 'Entrepreneurship: From Idea to Launch', fr: "Entrepreneuriat : de l'idée au lancement" },
    ],
    summary: {
      en: 'Learners apply practical business tools to real organizations, from planning and finance to people and customers.',
      fr: 'Les personnes apprenantes appliquent des outils de gestion pratiques à de vraies organisations, de la planification aux finances, en passant par les personnes et la clientèle.',
    },
    outcomes: [
      {
        en: 'Build a marketing, finance or operations plan for a small organization',
        fr: "Élaborer un plan de marketing, de finances ou d'exploitation pour une petite organisation",
      },
      {
        en: 'Use industry-standard software to record, report and analyse business transactions',
        fr: 'Utiliser des logiciels courants pour enregistrer, présenter et analyser des opérations commerciales',
      },
      {
        en: 'Apply Ontario employment standards and human rights obligations to workplace decisions',
        fr: 'Appliquer les normes d’emploi et les obligations en matière de droits de la personne de l’Ontario aux décisions en milieu de travail',
      },
      {
        en: 'Measure performance with key indicators and recommend improvements',
        fr: 'Mesurer le rendement à l’aide d’indicateurs clés et recommander des améliorations',
      },
      {
        en: 'Communicate a business case persuasively to stakeholders',
        fr: 'Présenter un argumentaire d’affaires convaincant aux parties prenantes',
      },
    ],
    escoLabels: [
      'develop business plans',
      'manage budgets',
      'digital marketing techniques',
      'bookkeeping regulations',
      'lead a team',
    ],
    sctCodes: ['S.03.a.02', 'S.02.a.03', 'S.01.a.03', 'S.04.a.01'],
    noc: ['13100', '11201'],
    cip: ['52.0201'],
    assessmentTypes: ['PROJECT', 'PRESENTATION', 'QUIZ', 'EXAM'],
    summative: {
      en: 'Applied business project for a real or simulated client, presented to a panel that includes an industry reviewer.',
      fr: 'Projet d’affaires appliqué pour une clientèle réelle ou simulée, présenté à un jury comprenant une personne du milieu.',
    },
    hours: [6, 12, 15, 18, 21, 24, 30, 36, 42, 45],
    onSiteShare: 0.35,
    partners: [
      { name: 'Main Street Small Business Centre', kind: 'COMMUNITY_ORGANIZATION' },
      { name: 'Harbourfront Retail Group', kind: 'EMPLOYER' },
    ],
    stackTargets: [
      { en: 'Business Administration diploma', fr: 'Diplôme en administration des affaires', programCode: 'BUS' },
      {
        en: 'Human Resources Management (Ontario College Graduate Certificate)',
        fr: "Gestion des ressources humaines (certificat d'études supérieures de l'Ontario)",
        programCode: 'HRM',
      },
    ],
    prerequisites: [secondarySchool],
  },
  {
    key: 'project-management',
    codePrefix: 'PMG',
    titles: [
      { en: 'Project Management Fundamentals', fr: 'Gestion de projet : notions fondamentales' },
      { en: 'Agile Project Management with Scrum', fr: 'Gestion de projet agile avec Scrum', noc: ['20012', '21221'] },
      { en: 'Project Scheduling and Cost Control', fr: 'Planification et maîtrise des coûts de projet' },
      { en: 'Construction Project Coordination', fr: 'Coordination de projets de construction', noc: ['70010'] },
      { en: 'Risk Management for Projects', fr: 'Gestion des risques de projet' },
      { en: 'Preparing for the CAPM Exam', fr: "Préparation à l'examen CAPM" },
    ],
    summary: {
      en: 'Learners plan, run and close projects with the tools employers expect, from work breakdown structures to agile delivery.',
      fr: 'Les personnes apprenantes planifient, mènent et clôturent des projets avec les outils qu’attendent les employeurs, de la structure de découpage du projet à la livraison agile.',
    },
    outcomes: [
      {
        en: 'Define project scope, deliverables and success criteria with stakeholders',
        fr: 'Définir la portée, les livrables et les critères de réussite d’un projet avec les parties prenantes',
      },
      {
        en: 'Build a work breakdown structure, schedule and budget',
        fr: 'Élaborer une structure de découpage du projet, un échéancier et un budget',
      },
      {
        en: 'Identify, analyse and plan responses to project risks',
        fr: 'Reconnaître et analyser les risques d’un projet et planifier les interventions',
      },
      {
        en: 'Run iterative delivery using Scrum events and artefacts',
        fr: 'Gérer une livraison itérative à l’aide des événements et artefacts Scrum',
      },
      {
        en: 'Report project status and manage change requests',
        fr: 'Rendre compte de l’état d’avancement et gérer les demandes de modification',
      },
    ],
    escoLabels: [
      'project management',
      'perform project management',
      'manage project risks',
      'plan resource allocation',
      'agile project management',
    ],
    sctCodes: ['S.04.a.01', 'S.02.a.03', 'S.03.a.03', 'A.01.a.01'],
    noc: ['11201', '20012', '10019'],
    cip: ['52.0211'],
    assessmentTypes: ['PROJECT', 'EXAM', 'PRESENTATION', 'PEER_REVIEW'],
    summative: {
      en: 'Team project plan for a realistic case, with an individual exam on scheduling, budgeting and risk.',
      fr: 'Plan de projet en équipe pour un cas réaliste, accompagné d’un examen individuel sur l’échéancier, le budget et les risques.',
    },
    hours: [12, 18, 21, 24, 35, 36, 40, 42, 48, 60],
    onSiteShare: 0.3,
    partners: [
      { name: 'Ontario Infrastructure Builders Ltd.', kind: 'EMPLOYER' },
      { name: 'Regional Project Managers Forum', kind: 'INDUSTRY_ASSOCIATION' },
    ],
    stackTargets: [
      {
        en: 'Project Management (Ontario College Graduate Certificate)',
        fr: "Gestion de projet (certificat d'études supérieures de l'Ontario)",
        programCode: 'PMG',
      },
    ],
    prerequisites: [
      { en: 'Some workplace experience is recommended', fr: 'Une certaine expérience de travail est recommandée' },
      secondarySchool,
    ],
  },
  {
    key: 'sustainability',
    codePrefix: 'SUS',
    titles: [
      {
        en: 'Sustainability Fundamentals for Business',
        fr: 'Développement durable : notions fondamentales pour les entreprises',
      },
      {
        en: 'Carbon Accounting and ESG Reporting',
        fr: 'Comptabilité carbone et divulgation ESG',
        noc: ['11100', '21120'],
      },
      {
        en: 'Energy Management in Buildings',
        fr: "Gestion de l'énergie dans les bâtiments",
        noc: ['92100', '22310'],
        cip: ['15.0503'],
      },
      { en: 'Circular Economy Practices', fr: "Pratiques d'économie circulaire" },
      {
        en: 'Climate Adaptation for Municipalities',
        fr: 'Adaptation aux changements climatiques pour les municipalités',
      },
      {
        en: 'Environmental Compliance in Ontario',
        fr: 'Conformité environnementale en Ontario',
        noc: ['21120'],
        cip: ['03.0104'],
      },
      {
        en: 'Green Building and Retrofit Basics',
        fr: 'Notions de base en bâtiment durable et rénovation écoénergétique',
        noc: ['70010', '22310'],
      },
    ],
    summary: {
      en: 'Learners measure environmental impact and turn it into practical plans that cut emissions, energy use and waste.',
      fr: 'Les personnes apprenantes mesurent l’impact environnemental et le traduisent en plans concrets pour réduire les émissions, la consommation d’énergie et les déchets.',
    },
    outcomes: [
      {
        en: "Measure an organization's greenhouse gas emissions using the GHG Protocol",
        fr: 'Mesurer les émissions de gaz à effet de serre d’une organisation selon le Protocole des GES',
      },
      {
        en: 'Recommend energy and waste reductions backed by a business case',
        fr: 'Recommander des réductions d’énergie et de déchets appuyées par un argumentaire',
      },
      {
        en: 'Interpret the Ontario environmental regulations that apply to a workplace',
        fr: 'Interpréter la réglementation environnementale ontarienne applicable à un milieu de travail',
      },
      {
        en: 'Prepare a sustainability report section aligned with recognised frameworks',
        fr: 'Préparer une section de rapport de durabilité conforme à des cadres reconnus',
      },
      {
        en: 'Engage staff and community partners in climate action',
        fr: 'Mobiliser le personnel et les partenaires communautaires dans l’action climatique',
      },
    ],
    escoLabels: [
      'environmental policy',
      'develop energy saving concepts',
      'monitor environmental parameters',
      'sustainability reporting',
      'promote environmental awareness',
    ],
    sctCodes: ['S.02.a.01', 'S.01.a.03', 'S.03.a.02', 'S.04.a.02'],
    noc: ['21120', '11201'],
    cip: ['03.0103', '03.0104'],
    assessmentTypes: ['PROJECT', 'PRESENTATION', 'QUIZ', 'PORTFOLIO'],
    summative: {
      en: 'Applied sustainability plan for a partner organization, including an emissions baseline and costed reduction measures.',
      fr: 'Plan de durabilité appliqué pour un organisme partenaire, comprenant un bilan des émissions et des mesures de réduction chiffrées.',
    },
    hours: [8, 12, 15, 20, 24, 30, 36, 40, 45, 60, 90],
    onSiteShare: 0.35,
    partners: [
      { name: 'Greenbelt Climate Collaborative', kind: 'COMMUNITY_ORGANIZATION' },
      { name: 'Lakehead Energy Services', kind: 'EMPLOYER' },
    ],
    stackTargets: [
      { en: 'Environmental Technician diploma', fr: 'Diplôme de technicien en environnement', programCode: 'ENV' },
      {
        en: 'Sustainable Business Management certificate',
        fr: 'Certificat en gestion durable des entreprises',
        programCode: 'SBM',
      },
    ],
    prerequisites: [secondarySchool],
  },
  {
    key: 'indigenous-led',
    codePrefix: 'IND',
    indigenousInstitutesOnly: true,
    titles: [
      {
        en: 'Indigenous Language Revitalization: Foundations',
        fr: 'Revitalisation des langues autochtones : fondements',
        noc: ['41210', '41221'],
        cip: ['16.1001'],
        indigenousLanguage: true,
      },
      {
        en: 'Land-Based Environmental Monitoring',
        fr: 'Surveillance environnementale axée sur le territoire',
        noc: ['22113', '22114'],
        cip: ['03.0101'],
      },
      {
        en: 'Indigenous Community Wellness Worker Foundations',
        fr: "Fondements de l'intervention en mieux-être communautaire autochtone",
        noc: ['42201', '33109'],
        cip: ['44.0701', '51.2201'],
      },
      {
        en: 'Indigenous Governance and Nation Building',
        fr: 'Gouvernance autochtone et édification de la nation',
        noc: ['13100', '10019'],
        cip: ['52.0201'],
      },
      {
        en: 'Trauma-Informed Practice in Indigenous Communities',
        fr: 'Pratiques tenant compte des traumatismes dans les communautés autochtones',
        noc: ['42201'],
        cip: ['44.0701'],
      },
      {
        en: 'Indigenous Entrepreneurship',
        fr: 'Entrepreneuriat autochtone',
        noc: ['11201', '13100'],
        cip: ['52.0201'],
      },
      {
        en: 'Traditional Knowledge in Environmental Stewardship',
        fr: "Savoirs traditionnels et gérance de l'environnement",
        noc: ['22113'],
        cip: ['03.0101'],
        indigenousLanguage: true,
      },
    ],
    summary: {
      en: 'Designed and taught with community, Elders and Knowledge Keepers, grounded in Indigenous ways of knowing and being.',
      fr: 'Conçue et donnée avec la communauté, les aînés et les gardiens du savoir, et fondée sur les modes de connaissance et d’être autochtones.',
    },
    outcomes: [
      {
        en: "Describe the histories, treaties and governance of the learner's own and neighbouring Nations",
        fr: 'Décrire l’histoire, les traités et la gouvernance de sa propre Nation et des Nations voisines',
      },
      {
        en: 'Apply community protocols when working with Elders and Knowledge Keepers',
        fr: 'Appliquer les protocoles communautaires dans le travail avec les aînés et les gardiens du savoir',
      },
      {
        en: 'Plan community-led programs grounded in Indigenous ways of knowing',
        fr: 'Planifier des programmes dirigés par la communauté et fondés sur les modes de connaissance autochtones',
      },
      {
        en: 'Use culturally safe, trauma-informed communication',
        fr: 'Communiquer de façon culturellement sécuritaire et en tenant compte des traumatismes',
      },
      {
        en: 'Document and share knowledge in ways that respect First Nations data sovereignty (OCAP®)',
        fr: 'Documenter et partager le savoir dans le respect de la souveraineté des données des Premières Nations (PCAP®)',
      },
    ],
    escoLabels: ['work with communities', 'show intercultural awareness', 'environmental monitoring', 'teach language'],
    sctCodes: ['S.03.a.01', 'S.03.a.03', 'S.03.a.02', 'S.02.a.02'],
    noc: ['42201'],
    cip: ['44.0701'],
    assessmentTypes: ['PORTFOLIO', 'PRESENTATION', 'PRACTICAL_DEMONSTRATION', 'PROJECT'],
    summative: {
      en: 'Community project presented to a circle that includes an Elder or Knowledge Keeper, with a reflective portfolio.',
      fr: 'Projet communautaire présenté à un cercle comprenant une aînée, un aîné, une gardienne ou un gardien du savoir, accompagné d’un portfolio réflexif.',
    },
    hours: [14, 20, 24, 30, 36, 40, 45, 60, 90, 120],
    onSiteShare: 0.6,
    partners: [
      { name: 'Grand River Language Circle', kind: 'COMMUNITY_ORGANIZATION' },
      { name: 'Northern Watershed Guardians', kind: 'COMMUNITY_ORGANIZATION' },
      { name: 'Indigenous Business Circle of Ontario', kind: 'INDUSTRY_ASSOCIATION' },
    ],
    stackTargets: [
      {
        en: 'Indigenous Community Development certificate',
        fr: 'Certificat en développement communautaire autochtone',
        programCode: 'ICD',
      },
      {
        en: 'Indigenous Environmental Studies diploma',
        fr: 'Diplôme en études environnementales autochtones',
        programCode: 'IES',
      },
    ],
    prerequisites: [
      {
        en: 'None; community members and Indigenous learners are prioritised',
        fr: 'Aucun; les membres de la communauté et les apprenants autochtones ont la priorité',
      },
      secondarySchool,
    ],
  },
];

export const audiences: Bilingual[] = [
  {
    en: 'Designed for working professionals who want to upskill quickly.',
    fr: 'Conçue pour les professionnels en emploi qui veulent se perfectionner rapidement.',
  },
  {
    en: 'Built with employers to meet regional hiring needs.',
    fr: 'Élaborée avec des employeurs pour répondre aux besoins d’embauche de la région.',
  },
  {
    en: 'Suited to newcomers to Canada seeking Canadian workplace experience.',
    fr: 'Adaptée aux personnes nouvellement arrivées au Canada qui recherchent une expérience de travail canadienne.',
  },
  {
    en: 'Open to learners returning to the workforce.',
    fr: 'Ouverte aux personnes qui réintègrent le marché du travail.',
  },
];
