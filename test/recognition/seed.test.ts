import { describe, expect, it } from 'vitest';
import { sampleInstitutions } from '../../seed/institutions.js';
import { sampleRecognition } from '../../seed/recognition.js';
import type { SeedItem } from '../../subgraphs/framework/recognition/seed.js';

describe('sample recognition data', () => {
  it('with every sample institution, names only micro-credentials that their catalogues publish (a typo would silently drop a decision)', () => {
    const seed = sampleRecognition(sampleInstitutions.map((institution) => institution.code));
    const exists = (item: SeedItem) =>
      item.kind !== 'MICRO_CREDENTIAL' || seed.microCredentialIds.has(`${item.institution}:${item.slug}`);
    const decisions = [...seed.agreements.flatMap((agreement) => agreement.equivalencies), ...seed.equivalencies];
    for (const decision of decisions) {
      expect(exists(decision.from), JSON.stringify(decision.from)).toBe(true);
      expect(exists(decision.for), JSON.stringify(decision.for)).toBe(true);
    }
    for (const program of seed.programs) {
      for (const rule of program.rules)
        for (const item of rule.microCredentials) expect(exists(item), JSON.stringify(item)).toBe(true);
      for (const rule of program.rules)
        for (const code of rule.commonCore) expect(seed.commonCore.map((c) => c.entry.code)).toContain(code);
    }
    for (const { entry, members } of seed.commonCore) expect(members.length, entry.code).toBeGreaterThanOrEqual(2);
    const industry = new Set(seed.industryCredentials.map((credential) => credential.code));
    for (const decision of decisions)
      if (decision.from.kind === 'INDUSTRY_CREDENTIAL') expect(industry.has(decision.from.code)).toBe(true);
  });

  it('with the 12-entry catalogues tests use, still resolves the chain, the cycle and the industry decisions', () => {
    const seed = sampleRecognition(['humber', 'seneca', 'georgian', 'durham'], 12);
    for (const id of [
      'seneca:cybersecurity-fundamentals',
      'humber:identity-and-access-management',
      'durham:identity-and-access-management',
      'humber:risk-management-for-projects',
      'georgian:preparing-for-the-capm-exam',
      'seneca:project-scheduling-and-cost-control',
    ]) {
      expect(seed.microCredentialIds.has(id), id).toBe(true);
    }
  });
});
