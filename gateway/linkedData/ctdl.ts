/**
 * CTDL (Credential Transparency Description Language, the Credential
 * Registry's terms): an entry as a `ceterms:MicroCredential`, with its
 * institution as a `ceterms:CredentialOrganization`, its equivalency
 * decisions as `ceterms:TransferValueProfile`s and their agreements as
 * `ceterms:TransferAgreement`s, in one `@graph` as the Registry serves graphs.
 * Concept values (delivery types, statuses…) are CredentialAlignmentObjects
 * whose `targetNode` is the CTDL concept, as the Registry publishes them.
 */
import { ctid } from './ctid.js';
import {
  deliveryModeText,
  frameworks,
  hoursText,
  institutionDescription,
  languageMap,
  skillFramework,
  weeksDuration,
  weeksText,
  xsdDuration,
} from './describe.js';
import type { ExportedEntry, ExportedInstitution, ExportedMoney, ExportedRecognition } from './exportQueries.js';
import { ctdlContextUrl } from './vocabularies/index.js';

type Node = Record<string, unknown>;

const en = (text: string) => ({ en: text });

function concept(term: string, label: string): Node {
  return {
    '@type': 'ceterms:CredentialAlignmentObject',
    'ceterms:targetNode': term,
    'ceterms:targetNodeName': en(label),
  };
}

function alignment(
  framework: { name: string; url: string } | undefined,
  fields: { code?: string; name: string; nameFr?: string; node?: string; description?: string },
): Node {
  return {
    '@type': 'ceterms:CredentialAlignmentObject',
    ...(framework ? { 'ceterms:framework': framework.url, 'ceterms:frameworkName': en(framework.name) } : {}),
    ...(fields.node ? { 'ceterms:targetNode': fields.node } : {}),
    ...(fields.code ? { 'ceterms:codedNotation': fields.code } : {}),
    'ceterms:targetNodeName': languageMap(fields.name, fields.nameFr),
    ...(fields.description ? { 'ceterms:targetNodeDescription': en(fields.description) } : {}),
  };
}

const deliveryTypes: Record<ExportedEntry['deliveryMode'], [string, string]> = {
  ONLINE_ASYNCHRONOUS: ['deliveryType:OnlineOnly', 'Online Only'],
  ONLINE_SYNCHRONOUS: ['deliveryType:OnlineOnly', 'Online Only'],
  IN_PERSON: ['deliveryType:InPerson', 'In Person Only'],
  HYBRID: ['deliveryType:BlendedDelivery', 'Blended Delivery'],
};

const sectors: Record<ExportedInstitution['type'], [string, string]> = {
  PUBLIC_COLLEGE: ['agentSector:PublicNonProfit', 'Public Non-Profit'],
  UNIVERSITY: ['agentSector:PublicNonProfit', 'Public Non-Profit'],
  INDIGENOUS_INSTITUTE: ['agentSector:PrivateNonProfit', 'Private Non-Profit'],
  CAREER_COLLEGE: ['agentSector:PrivateForProfit', 'Private For-Profit'],
};

/** The institution as a `ceterms:CredentialOrganization` node. */
export function ctdlOrganization(institution: ExportedInstitution): Node {
  const [sector, sectorLabel] = sectors[institution.type];
  return {
    '@id': institution.url,
    '@type': 'ceterms:CredentialOrganization',
    'ceterms:ctid': ctid('institution', institution.code),
    'ceterms:name': languageMap(institution.name, institution.nameFr),
    'ceterms:description': en(institutionDescription(institution)),
    'ceterms:subjectWebpage': institution.website,
    'ceterms:agentType': [concept('orgType:Postsecondary', 'Postsecondary Educational Institution')],
    'ceterms:agentSectorType': concept(sector, sectorLabel),
    'ceterms:address': [
      {
        '@type': 'ceterms:Place',
        'ceterms:addressRegion': 'Ontario',
        'ceterms:addressCountry': 'Canada',
      },
    ],
  };
}

/** A stand-alone CTDL document for an institution. */
export function ctdlInstitutionDocument(institution: ExportedInstitution): Node {
  return { '@context': ctdlContextUrl, ...ctdlOrganization(institution) };
}

/** The entry's CTDL graph: the micro-credential first, then its organization and transfer value. */
export function ctdlDocument(entry: ExportedEntry): Node {
  const decisions = (entry.recognizedAs ?? []).filter(
    (
      recognition,
    ): recognition is ExportedRecognition & { equivalency: NonNullable<ExportedRecognition['equivalency']> } =>
      recognition.basis === 'AGREEMENT' && recognition.equivalency !== null,
  );
  const agreements = new Map(
    decisions.flatMap(({ equivalency }) =>
      equivalency.agreement ? [[equivalency.agreement.id, equivalency.agreement]] : [],
    ),
  );
  return {
    '@context': ctdlContextUrl,
    '@graph': [
      microCredentialNode(entry),
      ctdlOrganization(entry.institution),
      ...decisions.map((decision) => transferValueNode(entry, decision)),
      ...[...agreements.values()].map((agreement) =>
        transferAgreementNode(
          agreement,
          decisions.filter((decision) => decision.equivalency.agreement?.id === agreement.id),
          entry,
        ),
      ),
    ],
  };
}

function microCredentialNode(entry: ExportedEntry): Node {
  const [deliveryType, deliveryLabel] = deliveryTypes[entry.deliveryMode];
  const delivery = [concept(deliveryType, deliveryLabel)];
  const places = [
    ...new Map(
      entry.offerings
        .filter((offering) => !offering.online)
        .map((offering) => [`${offering.location}|${offering.address?.streetAddress ?? ''}`, place(offering)]),
    ).values(),
  ];
  return {
    '@id': entry.url,
    '@type': 'ceterms:MicroCredential',
    'ceterms:ctid': ctid('micro-credential', entry.id),
    'ceterms:name': languageMap(entry.title, entry.titleFr),
    'ceterms:description': languageMap(entry.description, entry.descriptionFr),
    'ceterms:subjectWebpage': entry.courseOutlineUrl,
    'ceterms:inLanguage': entry.languages,
    'ceterms:credentialStatusType':
      entry.status === 'SUNSET'
        ? concept('credentialStat:Deprecated', 'Deprecated')
        : concept('credentialStat:Active', 'Active'),
    'ceterms:ownedBy': [entry.institution.url],
    'ceterms:offeredBy': [entry.institution.url],
    'ceterms:dateEffective': entry.effectiveDate,
    ...(entry.expiryDate ? { 'ceterms:expirationDate': entry.expiryDate } : {}),
    ...(entry.externalCode
      ? {
          'ceterms:identifier': [
            {
              '@type': 'ceterms:IdentifierValue',
              'ceterms:identifierTypeName': en(`${entry.institution.name} catalogue code`),
              'ceterms:identifierValueCode': entry.externalCode,
            },
          ],
        }
      : {}),
    'ceterms:audienceLevelType': [concept('audLevel:PostSecondaryLevel', 'Postsecondary Level')],
    'ceterms:learningDeliveryType': delivery,
    'ceterms:deliveryTypeDescription': en(deliveryModeText[entry.deliveryMode]),
    // The catalogue contract has one delivery mode; assessments are delivered the same way.
    'ceterms:assessmentDeliveryType': delivery,
    'ceterms:estimatedDuration': [
      {
        '@type': 'ceterms:DurationProfile',
        'ceterms:exactDuration': xsdDuration(entry.instructionalHours * 3600),
        'ceterms:description': en(hoursText(entry.instructionalHours)),
      },
      {
        '@type': 'ceterms:DurationProfile',
        'ceterms:exactDuration': weeksDuration(entry.durationWeeks),
        'ceterms:description': en(`Completed over ${weeksText(entry.durationWeeks)}`),
      },
      ...(entry.learnerEffortHours != null
        ? [
            {
              '@type': 'ceterms:DurationProfile',
              'ceterms:exactDuration': xsdDuration(entry.learnerEffortHours * 3600),
              'ceterms:description': en(`Notional learner effort: ${hoursText(entry.learnerEffortHours)}`),
            },
          ]
        : []),
    ],
    ...(entry.creditBearing && entry.credits != null
      ? {
          'ceterms:creditValue': [
            {
              '@type': 'ceterms:ValueProfile',
              'schema:value': entry.credits,
              ...creditUnit(entry),
            },
          ],
        }
      : {}),
    'ceterms:estimatedCost': [
      ...feeProfiles(entry),
      ...entry.offerings.map((offering) => ({
        '@type': 'ceterms:CostProfile',
        'ceterms:name': en(`Tuition, intake starting ${offering.startDate}`),
        'ceterms:description': en(
          `Tuition for the ${offering.location} intake from ${offering.startDate} to ${offering.endDate}.`,
        ),
        'ceterms:directCostType': [concept('costType:Tuition', 'Tuition')],
        'ceterms:price': offering.priceCad,
        'ceterms:currency': 'CAD',
        'ceterms:startDate': offering.startDate,
        'ceterms:endDate': offering.endDate,
        'ceterms:costDetails': offering.registrationUrl,
      })),
    ],
    ...(places.length ? { 'ceterms:availableAt': places } : {}),
    'ceterms:occupationType': entry.occupations.map((occupation) =>
      alignment(frameworks.noc, { code: occupation.nocCode, name: occupation.title }),
    ),
    'ceterms:instructionalProgramType': [alignment(frameworks.cip, { code: entry.cip.code, name: entry.cip.title })],
    ...(entry.oqfAlignment?.comparableLevel
      ? {
          // Comparable workload, not a classification: micro-credentials are not OQF qualifications.
          'ceterms:broadAlignment': [
            alignment(frameworks.oqf, {
              code: String(entry.oqfAlignment.comparableLevel.number),
              name: entry.oqfAlignment.comparableLevel.name,
              description: entry.oqfAlignment.explanation,
            }),
          ],
        }
      : {}),
    'ceterms:approvedBy': [
      { '@type': 'ceterms:QACredentialOrganization', 'ceterms:name': en(entry.qualityAssurance.body) },
    ],
    'ceterms:requires': requirements(entry),
    ...connections(entry),
  };
}

/** A non-online offering's place, with its street address when the institution gives one (contract 1.1). */
function place(offering: ExportedEntry['offerings'][number]): Node {
  const { address } = offering;
  return {
    '@type': 'ceterms:Place',
    'ceterms:name': en(offering.location),
    ...(address
      ? {
          'ceterms:streetAddress': address.streetAddress,
          'ceterms:addressLocality': address.locality,
          ...(address.postalCode ? { 'ceterms:postalCode': address.postalCode } : {}),
        }
      : {}),
    'ceterms:addressRegion': address && address.region !== 'ON' ? address.region : 'Ontario',
    'ceterms:addressCountry': address && address.country !== 'CA' ? address.country : 'Canada',
  };
}

/** CTDL credit unit concepts for the contract's units; ECTS has none in CTDL's scheme, so it is named in words. */
const creditUnits: Record<NonNullable<ExportedEntry['creditUnit']>, [string | null, string]> = {
  COURSE_CREDIT: ['creditUnit:DegreeCredit', 'Course credit'],
  CREDIT_HOUR: ['creditUnit:SemesterHour', 'Credit hour (semester hour)'],
  ECTS: [null, 'ECTS credit'],
  CONTINUING_EDUCATION_UNIT: ['creditUnit:ContinuingEducationUnit', 'Continuing Education Unit'],
};

function creditUnit(entry: ExportedEntry): Node {
  if (!entry.creditUnit) {
    return { 'ceterms:creditUnitTypeDescription': en(`Credits granted by ${entry.institution.name}`) };
  }
  const [term, label] = creditUnits[entry.creditUnit];
  return {
    ...(term ? { 'ceterms:creditUnitType': [concept(term, label)] } : {}),
    'ceterms:creditUnitTypeDescription': en(`${label}, granted by ${entry.institution.name}`),
  };
}

/** The fee breakdown (contract 1.1), one CostProfile per part, beside the per-intake totals. */
function feeProfiles(entry: ExportedEntry): Node[] {
  const { fees } = entry;
  if (!fees) return [];
  const parts: Array<[ExportedMoney | null, string, string, string]> = [
    [fees.tuition, 'costType:Tuition', 'Tuition', 'Tuition'],
    [fees.materials, 'costType:LearningResource', 'Learning Resource', 'Learning materials'],
    [fees.other, 'costType:ProgramSpecificFee', 'Program Specific Fee', fees.otherDescription ?? 'Other fees'],
  ];
  return parts.flatMap(([money, term, label, name]) =>
    money
      ? [
          {
            '@type': 'ceterms:CostProfile',
            'ceterms:name': en(name),
            'ceterms:description': en(`${name}, part of the fee for every intake.`),
            'ceterms:directCostType': [concept(term, label)],
            'ceterms:price': money.amount,
            'ceterms:currency': money.currency,
          },
        ]
      : [],
  );
}

function requirements(entry: ExportedEntry): Node[] {
  const competencies = [
    ...entry.skills.map((skill) =>
      alignment(skillFramework(skill.framework), {
        name: skill.label,
        code: skill.code,
        ...(skill.framework === 'ESCO' ? { node: skill.code } : {}),
      }),
    ),
    ...entry.learningOutcomes.map((outcome, index) =>
      alignment(undefined, { name: outcome, nameFr: entry.learningOutcomesFr?.[index] }),
    ),
  ];
  return [
    {
      '@type': 'ceterms:ConditionProfile',
      'ceterms:name': en('Requirements to earn the micro-credential'),
      'ceterms:description': en(
        entry.assessment.summativeDescription ?? `Assessed by ${entry.assessment.types.join(', ').toLowerCase()}.`,
      ),
      ...(entry.assessment.passingThreshold != null
        ? { 'ceterms:condition': en(`Minimum passing grade: ${entry.assessment.passingThreshold}%`) }
        : {}),
      'ceterms:targetCompetency': competencies,
    },
    ...(entry.prerequisites.length
      ? [
          {
            '@type': 'ceterms:ConditionProfile',
            'ceterms:name': en('Prerequisites'),
            'ceterms:description': en('What a learner needs before enrolling.'),
            'ceterms:condition': {
              en: entry.prerequisites,
              ...(entry.prerequisitesFr?.length ? { fr: entry.prerequisitesFr } : {}),
            },
          },
        ]
      : []),
  ];
}

const credentialTypeByOqfLevel = (level: number): string =>
  level === 3
    ? 'ceterms:ApprenticeshipCertificate'
    : level >= 10 && level <= 11
      ? 'ceterms:BachelorDegree'
      : level === 12
        ? 'ceterms:MasterDegree'
        : level === 13
          ? 'ceterms:DoctoralDegree'
          : level === 6 || level === 7 || level === 8
            ? 'ceterms:Diploma'
            : 'ceterms:Certificate';

/** Stacking: programs it counts toward (isPreparationFor), and the ones it is formally part of (isPartOf). */
function connections(entry: ExportedEntry): Node {
  const programs = entry.stacksInto ?? [];
  const preparation = programs.map((program) => ({
    '@type': 'ceterms:ConditionProfile',
    'ceterms:name': en(`Stacks into ${program.title}`),
    'ceterms:description': en(
      `Counts toward the ${program.credential} "${program.title}"${program.institution ? ` at ${program.institution.name}` : ''} (OQF: ${program.oqfLevel.name}).`,
    ),
    'ceterms:targetCredential': [
      {
        '@type': credentialTypeByOqfLevel(program.oqfLevel.number),
        'ceterms:name': en(program.title),
        ...(program.institution ? { 'ceterms:ownedBy': [program.institution.url] } : {}),
      },
    ],
  }));
  const partOf = entry.stackability.programs.flatMap((program) => (program.url ? [program.url] : []));
  return {
    ...(preparation.length ? { 'ceterms:isPreparationFor': preparation } : {}),
    ...(partOf.length ? { 'ceterms:isPartOf': partOf } : {}),
  };
}

type Decision = ExportedRecognition & { equivalency: NonNullable<ExportedRecognition['equivalency']> };

function transferValueId(entry: ExportedEntry, decision: Decision): string {
  return `${entry.url}#transfer-value-${encodeURIComponent(decision.equivalency.id)}`;
}

function transferValueNode(entry: ExportedEntry, decision: Decision): Node {
  const { equivalency } = decision;
  const target = decision.for.microCredential?.title ?? decision.for.title ?? decision.for.ref;
  const receiving = decision.institution?.name ?? decision.institutionCode ?? 'the receiving institution';
  const conditions = [
    equivalency.minimumGrade != null ? `minimum grade ${equivalency.minimumGrade}%` : undefined,
    equivalency.recencyYears != null ? `completed within ${equivalency.recencyYears} years` : undefined,
    equivalency.conditions ?? undefined,
  ].filter((condition): condition is string => condition !== undefined);
  const unit = equivalency.transferValue.unit === 'CREDITS' ? 'credits' : 'hours';
  return {
    '@id': transferValueId(entry, decision),
    '@type': 'ceterms:TransferValueProfile',
    'ceterms:ctid': ctid('equivalency', equivalency.id),
    'ceterms:name': en(`${entry.title} for ${target} at ${receiving}`),
    'ceterms:description': en(
      `${receiving} recognizes ${entry.title} (${entry.institution.name}) for ${target}: ${equivalency.transferValue.value} ${unit}, ${equivalency.transferValue.extent.toLowerCase()} credit${conditions.length ? `; conditions: ${conditions.join('; ')}` : ''}.`,
    ),
    ...(decision.institution ? { 'ceterms:ownedBy': [decision.institution.url] } : {}),
    'ceterms:subjectWebpage': entry.url,
    'ceterms:startDate': equivalency.startDate,
    ...(equivalency.endDate ? { 'ceterms:endDate': equivalency.endDate } : {}),
    'ceterms:transferValue': [
      {
        '@type': 'ceterms:ValueProfile',
        'schema:value': equivalency.transferValue.value,
        'ceterms:creditUnitTypeDescription': en(unit),
      },
    ],
    'ceterms:transferValueFrom': [entry.url],
    'ceterms:transferValueFor': [
      decision.for.microCredential
        ? { '@id': decision.for.microCredential.url }
        : {
            '@type': 'ceterms:LearningOpportunityProfile',
            'ceterms:name': en(target),
            ...(decision.institution ? { 'ceterms:ownedBy': [decision.institution.url] } : {}),
          },
    ],
  };
}

function transferAgreementNode(
  agreement: NonNullable<Decision['equivalency']['agreement']>,
  decisions: Decision[],
  entry: ExportedEntry,
): Node {
  return {
    // One agreement appears in the graph of every entry it covers: same identifier everywhere.
    '@id': `urn:uuid:${ctid('agreement', agreement.id).slice('ce-'.length)}`,
    '@type': 'ceterms:TransferAgreement',
    'ceterms:ctid': ctid('agreement', agreement.id),
    'ceterms:name': en(agreement.name),
    'ceterms:description': en(agreement.description),
    'ceterms:inLanguage': ['en'],
    'ceterms:dateEffective': agreement.dateEffective,
    ...(agreement.dateSigned ? { 'ceterms:dateSigned': agreement.dateSigned } : {}),
    ...(agreement.expirationDate ? { 'ceterms:expirationDate': agreement.expirationDate } : {}),
    'ceterms:ownedBy': agreement.parties.map((party) => party.url),
    'ceterms:sendingOrganization': [entry.institution.url],
    'ceterms:receivingOrganization': [
      ...new Set(decisions.flatMap((decision) => (decision.institution ? [decision.institution.url] : []))),
    ],
    'ceterms:hasTransferValueProfile': decisions.map((decision) => transferValueId(entry, decision)),
  };
}
