/**
 * Framework content in both languages, on the framework subgraph alone over
 * real HTTP: the province records a common-core definition with its French
 * text, the French answers follow `lang` or `Accept-Language`, and bad French
 * input is refused with every problem at once and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql.js';
import { asProvince, startTestFramework, type TestFramework } from './startFramework.js';

let framework: TestFramework;
beforeAll(async () => {
  framework = await startTestFramework('framework_french');
});
afterAll(async () => {
  await framework?.server.stop();
});

const save = `mutation Save($input: CommonCoreEntryInput!) { saveCommonCoreEntry(input: $input) { code } }`;
const read = `query Read($lang: Language) {
  commonCoreEntry(code: "CC-WELDING") { title(lang: $lang) titleFr description(lang: $lang) requiredCompetencies(lang: $lang) }
}`;
const input = {
  code: 'CC-WELDING',
  title: 'Welding Safety',
  titleFr: 'Sécurité en soudage',
  description: 'Safe welding practice.',
  descriptionFr: null,
  sectorArea: 'SKILLED_TRADES',
  requiredCompetencies: ['Protective equipment', 'Fume control'],
  requiredCompetenciesFr: ['Équipement de protection', 'Contrôle des fumées'],
  minimumHours: 12,
  endorsingBodies: ['Skilled Trades Ontario'],
};

describe('common core in both languages', () => {
  it('answers French where recorded and English where not, by lang or Accept-Language', async () => {
    expect((await graphql(framework.url, save, { input }, asProvince)).errors).toBeUndefined();
    const french = await graphql(framework.url, read, { lang: 'FR' });
    expect(french.data.commonCoreEntry).toEqual({
      title: 'Sécurité en soudage',
      titleFr: 'Sécurité en soudage',
      // No French description was recorded: the English one is served.
      description: 'Safe welding practice.',
      requiredCompetencies: ['Équipement de protection', 'Contrôle des fumées'],
    });
    const byHeader = await graphql(framework.url, read, {}, { 'accept-language': 'fr-CA' });
    expect(byHeader.data).toEqual(french.data);
    const english = await graphql(framework.url, read, {}, { 'accept-language': 'en-CA, fr;q=0.5' });
    expect(english.data.commonCoreEntry.requiredCompetencies).toEqual(['Protective equipment', 'Fume control']);
  });

  it('refuses French competencies that do not match the English ones, with every problem, writing nothing', async () => {
    const bad = {
      ...input,
      code: 'CC-WELDING-2',
      titleFr: 'x'.repeat(301),
      requiredCompetenciesFr: ['Équipement de protection'],
    };
    const answer = await graphql(framework.url, save, { input: bad }, asProvince);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.extensions?.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'input.requiredCompetenciesFr',
      'input.titleFr',
    ]);
    const after = await graphql(framework.url, `{ commonCoreEntry(code: "CC-WELDING-2") { code } }`);
    expect(after.data.commonCoreEntry).toBeNull();
  });
});

describe('OQF in both languages', () => {
  it('names every level and its typical duration in French, and its alignment explanation', async () => {
    const answer = await graphql(
      framework.url,
      `{ oqfLevels { number name(lang: FR) description(lang: FR) typicalDuration(lang: FR) nameEn: name(lang: EN) }
         oqfAlignmentForHours(hours: 12.5) { explanation(lang: FR) } }`,
    );
    const levels = answer.data.oqfLevels as Array<Record<string, string>>;
    expect(levels).toHaveLength(13);
    for (const level of levels) {
      expect(level.name).not.toBe(level.nameEn);
      expect(level.description).not.toBe('');
    }
    expect(levels.find((level) => Number(level.number) === 13)!.name).toBe('Doctorat');
    expect(answer.data.oqfAlignmentForHours.explanation).toContain("12,5 heures d'enseignement");
  });
});
