import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { startTestDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql.js';

// Seeded recognition data (seed/recognition.ts) for these institutions, served through the real gateway.
let directory: LocalDirectory;
beforeAll(async () => {
  directory = await startTestDirectory({ institutions: ['humber', 'seneca', 'georgian', 'durham'] });
});
afterAll(async () => {
  await directory?.stop();
});
const gateway = () => directory.gateway.url;

describe('recognition through the gateway', () => {
  it('returns what a micro-credential is recognized as, where and on what basis, with catalogue data joined in', async () => {
    const result = await graphql(
      gateway(),
      `{
      microCredential(id: "seneca:cybersecurity-fundamentals") {
        id title
        commonCoreMemberships { entry { code sectorArea } }
        recognizedAs {
          basis institutionCode
          for { kind ref microCredential { id title institution { code name } } }
          equivalency { transferValue { value unit extent } agreement { name kind } }
          commonCoreEntry { code }
          inference { kind strength path { basis direction from { ref } to { ref } } }
        }
        recognizedFrom { basis from { kind ref title } institutionCode }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const mc = result.data.microCredential;
    expect(mc.title).toBe('Cybersecurity Fundamentals');
    expect(mc.commonCoreMemberships.map((m: any) => m.entry.code)).toEqual(['CC-CYBER-FOUNDATIONS']);

    const byBasis = (basis: string) => mc.recognizedAs.filter((r: any) => r.basis === basis);
    // Decided by Humber under the Humber–Seneca agreement.
    const agreement = byBasis('AGREEMENT').find((r: any) => r.for.ref === 'humber:identity-and-access-management');
    expect(agreement.institutionCode).toBe('humber');
    expect(agreement.equivalency.transferValue).toEqual({ value: 1.5, unit: 'CREDITS', extent: 'PARTIAL' });
    expect(agreement.equivalency.agreement.kind).toBe('BILATERAL');
    expect(agreement.for.microCredential.title).toBe('Identity and Access Management');
    expect(agreement.for.microCredential.institution.name).toBe('Humber Polytechnic');
    // Georgian's Cloud Security Foundations is in the same common-core entry.
    const commonCore = byBasis('COMMON_CORE').find((r: any) => r.for.ref === 'georgian:cloud-security-foundations');
    expect(commonCore.commonCoreEntry.code).toBe('CC-CYBER-FOUNDATIONS');
    expect(commonCore.institutionCode).toBe('georgian');
    // The chain Seneca → Humber (decided) → Durham (decided) is a candidate at Durham, not a decision.
    const inferred = byBasis('INFERENCE').find((r: any) => r.for.ref === 'durham:identity-and-access-management');
    expect(inferred.institutionCode).toBe('durham');
    expect(inferred.equivalency).toBeNull();
    expect(inferred.inference.kind).toBe('CHAIN');
    expect(inferred.inference.path.map((s: any) => [s.from.ref, s.to.ref, s.basis])).toEqual([
      ['seneca:cybersecurity-fundamentals', 'humber:identity-and-access-management', 'AGREEMENT'],
      ['humber:identity-and-access-management', 'durham:identity-and-access-management', 'AGREEMENT'],
    ]);
    // Seneca's own decision on CompTIA Security+.
    expect(mc.recognizedFrom).toContainEqual({
      basis: 'AGREEMENT',
      from: { kind: 'INDUSTRY_CREDENTIAL', ref: 'comptia-security-plus', title: 'CompTIA Security+' },
      institutionCode: 'seneca',
    });
  });

  it('lists an institution’s agreements and what it accepts', async () => {
    const result = await graphql(
      gateway(),
      `{
      institution(code: "durham") {
        name
        articulationAgreements { name kind partyCodes inForce }
        accepts { from { ref } for { ref } receivingInstitutionCode }
        programs { id oqfLevel { number credential } stackingRules { name requiredCount commonCoreEntries { code } } }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const durham = result.data.institution;
    expect(durham.articulationAgreements.map((a: any) => a.partyCodes)).toEqual(
      expect.arrayContaining([
        ['durham', 'humber'],
        ['durham', 'georgian', 'seneca'],
      ]),
    );
    expect(durham.articulationAgreements.every((a: any) => a.inForce)).toBe(true);
    expect(durham.accepts).toContainEqual({
      from: { ref: 'humber:identity-and-access-management' },
      for: { ref: 'durham:identity-and-access-management' },
      receivingInstitutionCode: 'durham',
    });
    expect(durham.programs[0]).toMatchObject({
      id: 'durham:PSW',
      oqfLevel: { number: 5, credential: 'Ontario College Certificate' },
    });
  });

  it('skips seed references to institutions that are not in the directory', async () => {
    const result = await graphql(
      gateway(),
      `{ articulationAgreements { partyCodes equivalencies { from { ref } for { ref } } } commonCoreEntry(code: "CC-DATA-ANALYTICS") { members { id title } institutions { code } } }`,
    );
    expect(result.errors).toBeUndefined();
    const present = new Set(['humber', 'seneca', 'georgian', 'durham']);
    for (const agreement of result.data.articulationAgreements)
      expect(agreement.partyCodes.every((p: string) => present.has(p))).toBe(true);
    // Every institution's headline data analytics entry is a member, and each resolves through its catalogue.
    const members = result.data.commonCoreEntry.members;
    expect(members).toHaveLength(4);
    for (const member of members) expect(member.title).toMatch(/Data Analytics/);
    expect(result.data.commonCoreEntry.institutions.map((i: any) => i.code)).toEqual([
      'durham',
      'georgian',
      'humber',
      'seneca',
    ]);
  });
});

describe('the pathway planner through the gateway', () => {
  it('ladders completed micro-credentials from several institutions into a program', async () => {
    const result = await graphql(
      gateway(),
      `{
      planPathways(completed: ["seneca:introduction-to-data-analytics", "seneca:python-for-data-analysis"]) {
        program { id title oqfLevel { number } }
        complete creditsEarned creditsRemaining
        rules { rule { name } satisfied counted { completed { id title } basis countsAs conditionsToMeet } remainingCount }
      }
    }`,
    );
    expect(result.errors).toBeUndefined();
    const humber = result.data.planPathways.find((plan: any) => plan.program.id === 'humber:BAN-GC');
    expect(humber.complete).toBe(true);
    expect(humber.creditsEarned).toBe(6);
    expect(humber.rules.map((r: any) => r.counted.map((c: any) => c.basis))).toEqual([['COMMON_CORE'], ['AGREEMENT']]);
    expect(humber.rules[1].counted[0].completed.title).toBe('Python for Data Analysis');
    // Humber's decision requires a minimum grade and recency, which the learner must still show.
    expect(humber.rules[1].counted[0].conditionsToMeet).toEqual([
      'minimum grade 65%',
      'completed within the last 5 years',
    ]);
    expect(humber.rules[0].counted[0].conditionsToMeet).toEqual([]);
  });
});
