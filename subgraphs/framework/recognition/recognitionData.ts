/**
 * Per-request reads of recognition data. The tables are small (provincial
 * definitions, agreements, programs), so a request reads each at most once,
 * whatever the number of entities in the answer: an `_entities` batch of 100
 * micro-credentials costs the same few round-trips as one.
 */
import type { FrameworkDatabase } from '../db/connection.js';
import { isUuid } from '../db/isUuid.js';
import {
  findAgreementsByIds,
  listAgreements,
  listCommonCoreEntries,
  listEquivalenciesOfAgreements,
  listIndustryCredentials,
  listPrograms,
  listStackingRules,
} from '../db/recognitionStore.js';
import type {
  AgreementRow,
  CommonCoreEntryRow,
  EquivalencyRow,
  IndustryCredentialRow,
  ProgramRow,
  StackingRuleRow,
} from '../db/recognitionSchema.js';
import { loadDecisionGraph, type DecisionGraph } from './decisions.js';

export interface RecognitionLoaders {
  decisions(asOf: string): Promise<DecisionGraph>;
  commonCoreEntries(): Promise<Map<string, CommonCoreEntryRow>>;
  industryCredentials(): Promise<Map<string, IndustryCredentialRow>>;
  agreements(): Promise<AgreementRow[]>;
  agreement(id: string): Promise<AgreementRow | null>;
  equivalenciesOfAgreement(id: string): Promise<EquivalencyRow[]>;
  programs(): Promise<ProgramRow[]>;
  rulesByProgram(): Promise<Map<string, StackingRuleRow[]>>;
}

/** Today in UTC, `YYYY-MM-DD`: what "in force" means without an `asOf`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function createRecognitionLoaders(db: FrameworkDatabase): RecognitionLoaders {
  const graphs = new Map<string, Promise<DecisionGraph>>();
  // Drizzle queries are lazy thenables that run again on every await: cache a real promise.
  const once = <T>(read: () => PromiseLike<T>): (() => Promise<T>) => {
    let value: Promise<T> | undefined;
    return () => (value ??= Promise.resolve().then(read));
  };
  const agreements = once(() => listAgreements(db));
  const agreementEquivalencies = once(async () => {
    const ids = (await agreements()).map((row) => row.id);
    const byAgreement = new Map<string, EquivalencyRow[]>();
    for (const row of await listEquivalenciesOfAgreements(db, ids)) {
      byAgreement.set(row.agreementId!, [...(byAgreement.get(row.agreementId!) ?? []), row]);
    }
    return byAgreement;
  });
  return {
    decisions: (asOf) => {
      const graph = graphs.get(asOf) ?? loadDecisionGraph(db, asOf);
      graphs.set(asOf, graph);
      return graph;
    },
    commonCoreEntries: once(async () => new Map((await listCommonCoreEntries(db)).map((row) => [row.code, row]))),
    industryCredentials: once(async () => new Map((await listIndustryCredentials(db)).map((row) => [row.code, row]))),
    agreements,
    agreement: async (id) => {
      if (!isUuid(id)) return null;
      return (await agreements()).find((row) => row.id === id) ?? (await findAgreementsByIds(db, [id]))[0] ?? null;
    },
    equivalenciesOfAgreement: async (id) => (await agreementEquivalencies()).get(id) ?? [],
    programs: once(() => listPrograms(db)),
    rulesByProgram: once(async () => {
      const byProgram = new Map<string, StackingRuleRow[]>();
      for (const rule of await listStackingRules(db))
        byProgram.set(rule.programId, [...(byProgram.get(rule.programId) ?? []), rule]);
      return byProgram;
    }),
  };
}
