/**
 * The recognition part of the schema: the common core, agreements and their
 * equivalency decisions, inferred candidates, stacking programs and the
 * pathway planner, plus the recognition fields on the MicroCredential and
 * Institution entities.
 */
import { requireCaller, requireInstitution } from '../authorization.js';
import type { Context } from '../context.js';
import { listCommonCoreEntries } from '../db/recognitionStore.js';
import type { LearningItemKind, SectorArea } from '../db/recognitionSchema.js';
import { badUserInput, forbidden } from '../../../runtime/graphqlErrors.js';
import type { Resolvers } from '../generated/resolvers.js';
import { oqfLevel } from '../oqf.js';
import type { MicroCredentialReference } from '../parents.js';
import {
  agreementInForce,
  equivalencyInForce,
  forItem,
  fromItem,
  microCredentialItem,
  type DecisionGraph,
} from './decisions.js';
import { checkedByWriteValidation, DateScalar } from '../../../runtime/scalars.js';
import { defaultInferenceDepth, inferEquivalencies, maxInferenceDepth } from './inference.js';
import { issueRecognitionKey, revokeRecognitionKey } from './keys.js';
import {
  institutionOfItem,
  itemKey,
  type ItemRecognitionsValue,
  type LearningItemRef,
  type RecognitionValue,
} from './model.js';
import { planPathways } from './pathways.js';
import { today } from './recognitionData.js';
import * as writes from './writes.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';

function asOfDate(asOf: string | null | undefined): string {
  if (asOf == null) return today();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? new Date(`${asOf}T00:00:00Z`) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== asOf) {
    throw badUserInput(`asOf must be a calendar date YYYY-MM-DD, got ${JSON.stringify(asOf)}`, 'asOf');
  }
  return asOf;
}

function depth(maxDepth: number | null | undefined): number {
  const value = maxDepth ?? defaultInferenceDepth;
  if (!Number.isInteger(value) || value < 1 || value > maxInferenceDepth) {
    throw badUserInput(`maxDepth must be a whole number from 1 to ${maxInferenceDepth}, got ${value}`, 'maxDepth');
  }
  return value;
}

function itemRef(input: { kind: string; ref: string; title?: string | null }): LearningItemRef {
  return { kind: input.kind as LearningItemKind, ref: input.ref, title: input.title ?? null };
}

function microCredentialReference(id: string): MicroCredentialReference {
  return { id, instructionalHours: undefined };
}

function recognitionsOf(graph: DecisionGraph, item: LearningItemRef, maxDepth: number): ItemRecognitionsValue {
  const key = itemKey(item);
  const decided = (links: DecisionGraph['links']): RecognitionValue[] =>
    links.map((link) => ({ basis: link.basis, link }));
  return {
    item,
    recognizedAs: [
      ...decided(graph.outgoing.get(key) ?? []),
      ...inferEquivalencies(graph, item, maxDepth).map(
        (candidate): RecognitionValue => ({ basis: 'INFERENCE', candidate }),
      ),
    ],
    recognizedFrom: decided(graph.incoming.get(key) ?? []),
  };
}

/** The calling institution, for writes any institution may make about itself. */
function callingInstitution(context: Context, action: string): string {
  requireCaller(context.caller, 'INSTITUTION', action);
  return context.institution!;
}

const present = <T>(values: Array<T | null | Error>): T[] =>
  values.filter((value): value is T => value !== null && !(value instanceof Error));

export const recognitionResolvers: Resolvers = {
  Date: checkedByWriteValidation(DateScalar),

  Query: {
    commonCoreEntries: (_root, { sectorArea }, { db }) =>
      listCommonCoreEntries(db, (sectorArea ?? undefined) as SectorArea | undefined),
    commonCoreEntry: async (_root, { code }, { loaders }) =>
      (await loaders.recognition.commonCoreEntries()).get(code) ?? null,
    industryCredentials: async (_root, _args, { loaders }) => [
      ...(await loaders.recognition.industryCredentials()).values(),
    ],
    articulationAgreements: async (_root, { institution }, { loaders }) =>
      (await loaders.recognition.agreements()).filter(
        (row) => institution == null || row.parties.includes(institution),
      ),
    articulationAgreement: (_root, { id }, { loaders }) => loaders.recognition.agreement(id),
    recognitionsOf: async (_root, { item, asOf }, { loaders }) =>
      recognitionsOf(await loaders.recognition.decisions(asOfDate(asOf)), itemRef(item), defaultInferenceDepth),
    plausibleEquivalencies: async (_root, { item, maxDepth, asOf }, { loaders }) => {
      const bound = depth(maxDepth);
      return inferEquivalencies(await loaders.recognition.decisions(asOfDate(asOf)), itemRef(item), bound);
    },
    programs: async (_root, { institution }, { loaders }) =>
      (await loaders.recognition.programs()).filter(
        (row) => institution == null || row.institutionCode === institution,
      ),
    planPathways: async (_root, { completed, asOf }, { loaders }) => {
      if (completed.length > 200)
        throw badUserInput(
          `completed lists ${completed.length} micro-credentials; at most 200 are planned at once`,
          'completed',
        );
      const graph = await loaders.recognition.decisions(asOfDate(asOf));
      return planPathways(
        graph,
        await loaders.recognition.programs(),
        await loaders.recognition.rulesByProgram(),
        completed,
      );
    },
  },

  Mutation: {
    issueRecognitionKey: (_root, { institution, label }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'issueRecognitionKey');
      return issueRecognitionKey(db, institution, label);
    },
    revokeRecognitionKey: (_root, { id }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'revokeRecognitionKey');
      return revokeRecognitionKey(db, id);
    },
    saveCommonCoreEntry: (_root, { input }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'saveCommonCoreEntry');
      return writes.saveCommonCoreEntry(db, input);
    },
    setCommonCoreMembers: async (_root, { code, microCredentialIds }, context) => {
      requireCaller(context.caller, 'PROVINCE', 'setCommonCoreMembers');
      await writes.setCommonCoreMembers(context, code, microCredentialIds);
      return (await listCommonCoreEntries(context.db)).find((row) => row.code === code)!;
    },
    saveIndustryCredential: (_root, { input }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'saveIndustryCredential');
      return writes.saveIndustryCredential(db, {
        code: input.code,
        name: input.name,
        issuer: input.issuer,
        url: input.url ?? null,
      });
    },
    recordAgreement: (_root, { input }, context) =>
      writes.recordAgreement(context, callingInstitution(context, 'recordAgreement'), input),
    setAgreementStatus: async (_root, { id, status }, context) => {
      const institution = callingInstitution(context, 'setAgreementStatus');
      const agreement = await writes.findAgreement(context.db, id);
      if (!agreement) throw badUserInput(`id names no agreement (${JSON.stringify(id)})`, 'id');
      if (!agreement.parties.includes(institution)) {
        throw forbidden(
          `setAgreementStatus: ${JSON.stringify(institution)} is not a party to agreement ${id} and may not change it.`,
        );
      }
      return writes.setAgreementStatus(context.db, id, status);
    },
    recordEquivalency: (_root, { input }, context) => {
      requireInstitution(context.caller, context.institution, input.receivingInstitution, 'recordEquivalency');
      return writes.recordEquivalency(context, input);
    },
    withdrawEquivalency: async (_root, { id }, context) => {
      const equivalency = await writes.findEquivalencyById(context.db, id);
      if (!equivalency) {
        callingInstitution(context, 'withdrawEquivalency');
        throw badUserInput(`id names no equivalency (${JSON.stringify(id)})`, 'id');
      }
      requireInstitution(context.caller, context.institution, equivalency.receivingInstitution, 'withdrawEquivalency');
      return writes.withdrawEquivalency(context.db, id);
    },
    saveProgram: (_root, { input }, context) =>
      writes.saveProgram(context, callingInstitution(context, 'saveProgram'), input),
  },

  MicroCredential: {
    commonCoreMemberships: async (microCredential, _args, { loaders }) =>
      ((await loaders.recognition.decisions(today())).membershipsOf.get(microCredential.id) ?? []).map(
        ({ entry, mappedAt }) => ({
          entry,
          mappedAt: mappedAt.toISOString(),
        }),
      ),
    recognizedAs: async (microCredential, _args, { loaders }) =>
      recognitionsOf(
        await loaders.recognition.decisions(today()),
        microCredentialItem(microCredential.id),
        defaultInferenceDepth,
      ).recognizedAs,
    recognizedFrom: async (microCredential, _args, { loaders }) =>
      recognitionsOf(await loaders.recognition.decisions(today()), microCredentialItem(microCredential.id), 0)
        .recognizedFrom,
    plausibleEquivalencies: async (microCredential, { maxDepth }, { loaders }) =>
      inferEquivalencies(
        await loaders.recognition.decisions(today()),
        microCredentialItem(microCredential.id),
        depth(maxDepth),
      ),
    stacksInto: async (microCredential, _args, { loaders }) => {
      const graph = await loaders.recognition.decisions(today());
      return planPathways(graph, await loaders.recognition.programs(), await loaders.recognition.rulesByProgram(), [
        microCredential.id,
      ]).map((plan) => plan.program);
    },
  },

  Institution: {
    articulationAgreements: async (institution, _args, { loaders }) =>
      (await loaders.recognition.agreements()).filter((row) => row.parties.includes(institution.code)),
    accepts: async (institution, _args, { loaders }) =>
      (await loaders.recognition.decisions(today())).links.flatMap((link) =>
        link.basis === 'AGREEMENT' && link.equivalency.receivingInstitution === institution.code
          ? [link.equivalency]
          : [],
      ),
    programs: async (institution, _args, { loaders }) =>
      (await loaders.recognition.programs()).filter((row) => row.institutionCode === institution.code),
  },

  CommonCoreEntry: {
    members: async (entry, _args, { loaders }) =>
      ((await loaders.recognition.decisions(today())).membersOf.get(entry.code) ?? []).map(microCredentialReference),
    institutions: async (entry, _args, { loaders }) => {
      const ids = (await loaders.recognition.decisions(today())).membersOf.get(entry.code) ?? [];
      const codes = [...new Set(ids.map((id) => institutionOfMicroCredentialId(id) ?? ''))].sort();
      return present(await loaders.institution.loadMany(codes));
    },
  },

  LearningItem: {
    institutionCode: (item) => institutionOfItem(item),
    microCredential: (item) => (item.kind === 'MICRO_CREDENTIAL' ? microCredentialReference(item.ref) : null),
    industryCredential: async (item, _args, { loaders }) =>
      item.kind === 'INDUSTRY_CREDENTIAL'
        ? ((await loaders.recognition.industryCredentials()).get(item.ref) ?? null)
        : null,
    program: async (item, _args, { loaders }) => {
      if (item.kind !== 'CREDIT_BLOCK') return null;
      const programId = item.ref.slice(0, item.ref.indexOf('#'));
      return (await loaders.recognition.programs()).find((row) => row.id === programId) ?? null;
    },
    title: async (item, _args, { loaders }) => {
      if (item.title !== null) return item.title;
      if (item.kind === 'INDUSTRY_CREDENTIAL')
        return (await loaders.recognition.industryCredentials()).get(item.ref)?.name ?? null;
      return null;
    },
  },

  ArticulationAgreement: {
    inForce: (agreement, { asOf }) => agreementInForce(agreement, asOfDate(asOf)),
    ownedBy: (agreement, _args, { loaders }) => loaders.institution.load(agreement.ownedBy),
    partyCodes: (agreement) => agreement.parties,
    parties: async (agreement, _args, { loaders }) => present(await loaders.institution.loadMany(agreement.parties)),
    equivalencies: (agreement, _args, { loaders }) => loaders.recognition.equivalenciesOfAgreement(agreement.id),
  },

  Equivalency: {
    agreement: (equivalency, _args, { loaders }) =>
      equivalency.agreementId ? loaders.recognition.agreement(equivalency.agreementId) : null,
    receivingInstitutionCode: (equivalency) => equivalency.receivingInstitution,
    receivingInstitution: (equivalency, _args, { loaders }) =>
      loaders.institution.load(equivalency.receivingInstitution),
    from: (equivalency) => fromItem(equivalency),
    for: (equivalency) => forItem(equivalency),
    transferValue: (equivalency) => ({ value: equivalency.value, unit: equivalency.unit, extent: equivalency.extent }),
    inForce: async (equivalency, { asOf }, { loaders }) => {
      const agreement = equivalency.agreementId ? await loaders.recognition.agreement(equivalency.agreementId) : null;
      return equivalencyInForce(equivalency, agreement, asOfDate(asOf));
    },
  },

  Recognition: {
    basis: (recognition) => recognition.basis,
    from: (recognition) => (recognition.basis === 'INFERENCE' ? recognition.candidate.from : recognition.link.from),
    for: (recognition) => (recognition.basis === 'INFERENCE' ? recognition.candidate.for : recognition.link.for),
    institutionCode: (recognition) => recognitionInstitution(recognition),
    institution: (recognition, _args, { loaders }) => {
      const code = recognitionInstitution(recognition);
      return code ? loaders.institution.load(code) : null;
    },
    commonCoreEntry: (recognition) =>
      recognition.basis !== 'INFERENCE' && recognition.link.basis === 'COMMON_CORE' ? recognition.link.entry : null,
    equivalency: (recognition) =>
      recognition.basis !== 'INFERENCE' && recognition.link.basis === 'AGREEMENT' ? recognition.link.equivalency : null,
    inference: (recognition) => (recognition.basis === 'INFERENCE' ? recognition.candidate : null),
  },

  InferenceStep: {
    basis: (step) => step.link.basis,
    equivalency: (step) => (step.link.basis === 'AGREEMENT' ? step.link.equivalency : null),
    commonCoreEntry: (step) => (step.link.basis === 'COMMON_CORE' ? step.link.entry : null),
  },

  InferredEquivalency: {
    institutionCode: (candidate) => institutionOfItem(candidate.for),
  },

  Program: {
    institution: (program, _args, { loaders }) => loaders.institution.load(program.institutionCode),
    oqfLevel: (program) => oqfLevel(program.oqfLevel)!,
    stackingRules: async (program, _args, { loaders }) =>
      (await loaders.recognition.rulesByProgram()).get(program.id) ?? [],
  },

  StackingRule: {
    microCredentials: (rule) => rule.microCredentialIds.map(microCredentialReference),
    commonCoreEntries: async (rule, _args, { loaders }) => {
      const entries = await loaders.recognition.commonCoreEntries();
      return rule.commonCoreCodes.flatMap((code) => entries.get(code) ?? []);
    },
  },

  RuleProgress: {
    remainingChoices: (progress) => progress.remainingChoices.map(microCredentialReference),
  },

  CountedCredential: {
    completed: (counted) => microCredentialReference(counted.completed),
    conditionsToMeet: (counted) => {
      const equivalency = counted.equivalency;
      if (!equivalency) return [];
      return [
        ...(equivalency.minimumGrade !== null ? [`minimum grade ${equivalency.minimumGrade}%`] : []),
        ...(equivalency.recencyYears !== null ? [`completed within the last ${equivalency.recencyYears} years`] : []),
        ...(equivalency.conditions ? [equivalency.conditions] : []),
      ];
    },
  },
};

function recognitionInstitution(recognition: RecognitionValue): string | null {
  if (recognition.basis === 'INFERENCE') return institutionOfItem(recognition.candidate.for);
  if (recognition.link.basis === 'AGREEMENT') return recognition.link.equivalency.receivingInstitution;
  return institutionOfItem(recognition.link.for);
}
