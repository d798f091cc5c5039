/**
 * Seeds recognition data into a new directory, once: when the framework has
 * no common core, agreements, programs or industry credentials yet. After
 * that the data is the province's and institutions' to manage.
 *
 * Seed references name institutions and slugs; those that do not resolve
 * (an institution not in this directory, an entry not in its catalogue) are
 * left out with everything that depends on them, never written dangling.
 * Seed data is the project's own, written directly (no gateway check: the
 * gateway starts later), with `microCredentialIds` saying what exists.
 */
import { sql } from 'drizzle-orm';
import { openFrameworkDatabase } from '../db/connection.js';
import { findInstitutionsByCodes } from '../db/institutionStore.js';
import {
  countRecognitionRows,
  insertAgreement,
  insertEquivalencies,
  replaceCommonCoreMembers,
  saveCommonCoreEntryRow,
  saveIndustryCredentialRow,
  saveProgramRow,
  type NewCommonCoreEntry,
  type NewEquivalency,
} from '../db/recognitionStore.js';
import type { IndustryCredentialRow } from '../db/recognitionSchema.js';
import { institutionOfMicroCredentialId } from '../../../runtime/microCredentialId.js';
import { advisoryLockKeys } from '../../../runtime/advisoryLocks.js';

export type SeedItem =
  | { kind: 'MICRO_CREDENTIAL'; institution: string; slug: string }
  | { kind: 'COURSE'; institution: string; code: string; title: string }
  | { kind: 'INDUSTRY_CREDENTIAL'; code: string };

export interface SeedEquivalency {
  receivingInstitution: string;
  from: SeedItem;
  for: SeedItem;
  value: number;
  unit: 'CREDITS' | 'HOURS';
  extent: 'FULL' | 'PARTIAL';
  minimumGrade: number | null;
  recencyYears: number | null;
  conditions: string | null;
  startDate: string;
  endDate: string | null;
}

export interface RecognitionSeed {
  /** Institutions present in this directory. */
  institutions: string[];
  /** Published or sunset micro-credential ids of their catalogues. */
  microCredentialIds: Set<string>;
  industryCredentials: IndustryCredentialRow[];
  commonCore: Array<{ entry: NewCommonCoreEntry; members: string[] }>;
  agreements: Array<{
    name: string;
    description: string;
    kind: 'BILATERAL' | 'MULTILATERAL';
    parties: string[];
    ownedBy: string;
    dateSigned: string | null;
    dateEffective: string;
    expirationDate: string | null;
    equivalencies: SeedEquivalency[];
  }>;
  /** Decisions outside any agreement. */
  equivalencies: SeedEquivalency[];
  programs: Array<{
    institution: string;
    code: string;
    title: string;
    titleFr: string | null;
    credential: string;
    credentialFr: string | null;
    oqfLevel: number;
    totalCredits: number;
    rules: Array<{
      name: string;
      microCredentials: SeedItem[];
      commonCore: string[];
      requiredCount: number;
      creditsGranted: number;
    }>;
  }>;
}

export interface RecognitionSeedResult {
  seeded: boolean;
  commonCoreEntries: number;
  agreements: number;
  equivalencies: number;
  programs: number;
}

const recognitionSeedLockKey = advisoryLockKeys.recognitionSeed;

export async function seedRecognitionIfEmpty(
  databaseUrl: string,
  seed: RecognitionSeed,
): Promise<RecognitionSeedResult> {
  const { db, close } = openFrameworkDatabase(databaseUrl, { maxConnections: 1 });
  try {
    return await db.transaction(async (tx) => {
      const result: RecognitionSeedResult = {
        seeded: false,
        commonCoreEntries: 0,
        agreements: 0,
        equivalencies: 0,
        programs: 0,
      };
      // Two launchers starting at once must not both find the tables empty and seed twice.
      await tx.execute(sql`select pg_advisory_xact_lock(${recognitionSeedLockKey})`);
      if ((await countRecognitionRows(tx)) > 0) return result;
      const registered = new Set((await findInstitutionsByCodes(tx, seed.institutions)).map((row) => row.code));
      const industry = new Set(seed.industryCredentials.map((row) => row.code));
      const ref = (item: SeedItem): { kind: NewEquivalency['fromKind']; ref: string; title: string | null } | null => {
        switch (item.kind) {
          case 'MICRO_CREDENTIAL': {
            const id = `${item.institution}:${item.slug}`;
            return registered.has(item.institution) && seed.microCredentialIds.has(id)
              ? { kind: item.kind, ref: id, title: null }
              : null;
          }
          case 'COURSE':
            return registered.has(item.institution)
              ? { kind: item.kind, ref: `${item.institution}:${item.code}`, title: item.title }
              : null;
          case 'INDUSTRY_CREDENTIAL':
            return industry.has(item.code) ? { kind: item.kind, ref: item.code, title: null } : null;
        }
      };
      const resolve = (equivalency: SeedEquivalency, agreementId: string | null): NewEquivalency | null => {
        const from = ref(equivalency.from);
        const to = ref(equivalency.for);
        if (!from || !to || !registered.has(equivalency.receivingInstitution)) return null;
        const { from: _from, for: _for, ...terms } = equivalency;
        return {
          ...terms,
          agreementId,
          fromKind: from.kind,
          fromRef: from.ref,
          fromTitle: from.title,
          forKind: to.kind,
          forRef: to.ref,
          forTitle: to.title,
        };
      };

      for (const row of seed.industryCredentials) await saveIndustryCredentialRow(tx, row);
      const entryCodes = new Set<string>();
      for (const { entry, members } of seed.commonCore) {
        await saveCommonCoreEntryRow(tx, entry);
        entryCodes.add(entry.code);
        const present = [...new Set(members)].filter(
          (id) => registered.has(institutionOfMicroCredentialId(id) ?? '') && seed.microCredentialIds.has(id),
        );
        await replaceCommonCoreMembers(tx, entry.code, present);
        result.commonCoreEntries += 1;
      }
      for (const { equivalencies, ...agreement } of seed.agreements) {
        if (!agreement.parties.every((party) => registered.has(party))) continue;
        const row = await insertAgreement(tx, agreement);
        const decided = equivalencies.flatMap((equivalency) => resolve(equivalency, row.id) ?? []);
        await insertEquivalencies(tx, decided);
        result.agreements += 1;
        result.equivalencies += decided.length;
      }
      const own = seed.equivalencies.flatMap((equivalency) => resolve(equivalency, null) ?? []);
      await insertEquivalencies(tx, own);
      result.equivalencies += own.length;
      for (const program of seed.programs) {
        if (!registered.has(program.institution)) continue;
        const rules = program.rules.flatMap((rule) => {
          const microCredentialIds = rule.microCredentials.flatMap((item) => ref(item)?.ref ?? []);
          const commonCoreCodes = rule.commonCore.filter((code) => entryCodes.has(code));
          const enough = commonCoreCodes.length > 0 || microCredentialIds.length >= rule.requiredCount;
          return enough
            ? [
                {
                  name: rule.name,
                  microCredentialIds,
                  commonCoreCodes,
                  requiredCount: rule.requiredCount,
                  creditsGranted: rule.creditsGranted,
                },
              ]
            : [];
        });
        if (rules.length === 0) continue;
        const { institution, code, rules: _rules, ...rest } = program;
        await saveProgramRow(tx, { ...rest, id: `${institution}:${code}`, institutionCode: institution }, rules);
        result.programs += 1;
      }
      result.seeded = true;
      return result;
    });
  } finally {
    await close();
  }
}
