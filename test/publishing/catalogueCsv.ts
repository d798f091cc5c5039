/** Writes entry inputs as import CSV, following the encoding README "Publishing a catalogue" documents. */
import { csvColumns, recordParts } from '../../subgraphs/catalogue/catalogueCsv.js';

const escapeItem = (value: unknown) => String(value ?? '').replace(/[\\;|]/g, (char) => `\\${char}`);
const items = (list: unknown, parts: string[]) =>
  ((list as Array<Record<string, unknown>>) ?? [])
    .map((item) => parts.map((part) => escapeItem(item[part])).join('|'))
    .join(';');
const plainList = (list: unknown) => ((list as unknown[]) ?? []).map(escapeItem).join(';');

function cells(entry: Record<string, any>): Record<string, unknown> {
  return {
    slug: entry.slug,
    externalCode: entry.externalCode,
    title: entry.title,
    titleFr: entry.titleFr,
    description: entry.description,
    descriptionFr: entry.descriptionFr,
    languages: plainList(entry.languages),
    learningOutcomes: plainList(entry.learningOutcomes),
    skills: items(entry.skills, recordParts.skills),
    occupations: items(entry.occupations, recordParts.occupations),
    cipCode: entry.cip?.code,
    cipTitle: entry.cip?.title,
    instructionalHours: entry.instructionalHours,
    durationWeeks: entry.durationWeeks,
    creditBearing: entry.creditBearing,
    credits: entry.credits,
    deliveryMode: entry.deliveryMode,
    assessmentTypes: plainList(entry.assessment?.types),
    summativeDescription: entry.assessment?.summativeDescription,
    passingThreshold: entry.assessment?.passingThreshold,
    attemptsAllowed: entry.assessment?.attemptsAllowed,
    supervision: entry.supervision,
    prerequisites: plainList(entry.prerequisites),
    qualityAssuranceBody: entry.qualityAssurance?.body,
    qualityAssuranceType: entry.qualityAssurance?.type,
    awards: items(entry.awards, recordParts.awards),
    stackabilityKind: entry.stackability?.kind,
    stackabilityPrograms: items(entry.stackability?.programs, recordParts.stackabilityPrograms),
    offerings: items(entry.offerings, recordParts.offerings),
    offeringAddresses: items(
      (entry.offerings ?? [])
        .filter((offering: Record<string, any>) => offering.address)
        .map((offering: Record<string, any>) => ({ code: offering.code, ...offering.address })),
      recordParts.offeringAddresses,
    ),
    offeringSessions: items(
      (entry.offerings ?? []).flatMap((offering: Record<string, any>) =>
        (offering.schedule?.sessions ?? []).map((session: Record<string, any>) => ({
          code: offering.code,
          timeZone: offering.schedule.timeZone,
          ...session,
        })),
      ),
      recordParts.offeringSessions,
    ),
    osapEligible: entry.osapEligible,
    partners: items(entry.partners, recordParts.partners),
    transferContactName: entry.transferContact?.name,
    transferContactEmail: entry.transferContact?.email,
    transferContactPhone: entry.transferContact?.phone,
    courseOutlineUrl: entry.courseOutlineUrl,
    status: entry.status ?? 'ACTIVE',
    effectiveDate: entry.effectiveDate,
    expiryDate: entry.expiryDate,
    reviewDate: entry.reviewDate,
    // Contract 1.1.
    entryLanguages: plainList(entry.entryLanguages),
    learningOutcomesFr: plainList(entry.learningOutcomesFr),
    prerequisitesFr: plainList(entry.prerequisitesFr),
    summativeDescriptionFr: entry.assessment?.summativeDescriptionFr,
    plarAvailable: entry.priorLearningAssessment?.available,
    plarProcess: entry.priorLearningAssessment?.process,
    plarProcessFr: entry.priorLearningAssessment?.processFr,
    plarFee: items(entry.priorLearningAssessment?.fee ? [entry.priorLearningAssessment.fee] : [], recordParts.money),
    plarContactName: entry.priorLearningAssessment?.contact?.name,
    plarContactEmail: entry.priorLearningAssessment?.contact?.email,
    plarContactPhone: entry.priorLearningAssessment?.contact?.phone,
    learningResources: items(entry.learningResources, recordParts.learningResources),
    selfPaced: entry.pacing?.selfPaced,
    completionWindowWeeks: entry.pacing?.completionWindowWeeks,
    intakeModel: entry.intakeModel,
    credentialValidityKind: entry.credentialValidity?.kind,
    credentialValidityMonths: entry.credentialValidity?.months,
    gradingScheme: entry.gradingScheme,
    creditUnit: entry.creditUnit,
    learnerEffortHours: entry.learnerEffortHours,
    learnerContactName: entry.learnerContact?.name,
    learnerContactEmail: entry.learnerContact?.email,
    learnerContactPhone: entry.learnerContact?.phone,
    accessibilityFeatures: plainList(entry.accessibility?.features),
    accessibilityAccommodations: entry.accessibility?.accommodations,
    accessibilityAccommodationsFr: entry.accessibility?.accommodationsFr,
    accessibilityContactName: entry.accessibility?.contact?.name,
    accessibilityContactEmail: entry.accessibility?.contact?.email,
    accessibilityContactPhone: entry.accessibility?.contact?.phone,
    feeTuition: items(entry.fees?.tuition ? [entry.fees.tuition] : [], recordParts.money),
    feeMaterials: items(entry.fees?.materials ? [entry.fees.materials] : [], recordParts.money),
    feeOther: items(entry.fees?.other ? [entry.fees.other] : [], recordParts.money),
    feeOtherDescription: entry.fees?.otherDescription,
    feeOtherDescriptionFr: entry.fees?.otherDescriptionFr,
  };
}

function quote(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(entries: Array<Record<string, unknown>>): string {
  const columns = Object.keys(csvColumns);
  const rows = entries.map((entry) => {
    const row = cells(entry);
    return columns.map((column) => quote(row[column])).join(',');
  });
  return `${[columns.join(','), ...rows].join('\r\n')}\r\n`;
}
