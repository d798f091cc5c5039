/** Small hand-built decision graphs for the inference and planner tests. */
import type {
  AgreementRow,
  CommonCoreEntryRow,
  EquivalencyRow,
  ProgramRow,
  StackingRuleRow,
} from '../../subgraphs/framework/db/recognitionSchema.js';
import { buildDecisionGraph, type DecisionGraph } from '../../subgraphs/framework/recognition/decisions.js';
import { institutionOfMicroCredentialId } from '../../runtime/microCredentialId.js';

let sequence = 0;

export function mcItem(id: string) {
  return { kind: 'MICRO_CREDENTIAL' as const, ref: id, title: null };
}

/** `from` recognized for `to` by the institution offering `to` (or `receiving`). */
export function decision(from: string, to: string, extra: Partial<EquivalencyRow> = {}): EquivalencyRow {
  const industry = !from.includes(':');
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    agreementId: null,
    receivingInstitution: institutionOfMicroCredentialId(to) ?? '',
    fromKind: industry ? 'INDUSTRY_CREDENTIAL' : 'MICRO_CREDENTIAL',
    fromRef: from,
    fromTitle: null,
    forKind: 'MICRO_CREDENTIAL',
    forRef: to,
    forTitle: null,
    unit: 'CREDITS',
    value: 3,
    extent: 'FULL',
    minimumGrade: null,
    recencyYears: null,
    conditions: null,
    startDate: '2025-01-01',
    endDate: null,
    status: 'ACTIVE',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...extra,
  };
}

export function agreement(id: string, extra: Partial<AgreementRow> = {}): AgreementRow {
  return {
    id,
    name: `Agreement ${id}`,
    description: 'test',
    kind: 'BILATERAL',
    ownedBy: 'a',
    parties: ['a', 'b'],
    status: 'ACTIVE',
    dateSigned: null,
    dateEffective: '2025-01-01',
    expirationDate: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    ...extra,
  };
}

export function entry(code: string): CommonCoreEntryRow {
  return {
    code,
    title: code,
    titleFr: null,
    description: 'test',
    descriptionFr: null,
    sectorArea: 'DIGITAL_SKILLS',
    requiredCompetencies: ['x'],
    requiredCompetenciesFr: [],
    minimumHours: 20,
    endorsingBodies: ['y'],
    updatedAt: new Date('2025-01-01T00:00:00Z'),
  };
}

export function graphOf(options: {
  decisions?: EquivalencyRow[];
  commonCore?: Record<string, string[]>;
  agreements?: AgreementRow[];
  asOf?: string;
}): DecisionGraph {
  const commonCore = options.commonCore ?? {};
  const entries = Object.keys(commonCore).map(entry);
  const members = Object.entries(commonCore).flatMap(([code, ids]) =>
    ids.map((id) => ({ entryCode: code, microCredentialId: id, mappedAt: new Date('2025-01-01T00:00:00Z') })),
  );
  return buildDecisionGraph(
    options.asOf ?? '2026-01-15',
    entries,
    members,
    options.decisions ?? [],
    new Map((options.agreements ?? []).map((row) => [row.id, row])),
  );
}

export function program(id: string, extra: Partial<ProgramRow> = {}): ProgramRow {
  return {
    id,
    institutionCode: institutionOfMicroCredentialId(id) ?? '',
    title: id,
    titleFr: null,
    credential: 'Ontario College Graduate Certificate',
    credentialFr: null,
    oqfLevel: 9,
    totalCredits: 30,
    ...extra,
  };
}

export function rule(programId: string, position: number, extra: Partial<StackingRuleRow>): StackingRuleRow {
  return {
    id: `${programId}-${position}`,
    programId,
    position,
    name: `Rule ${position}`,
    microCredentialIds: [],
    commonCoreCodes: [],
    requiredCount: 1,
    creditsGranted: 3,
    ...extra,
  };
}
