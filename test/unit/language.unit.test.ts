import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadSchemaDocument } from '../../runtime/schemaFiles.js';
import {
  englishOf,
  inLanguage,
  languages,
  localized,
  negotiateLanguage,
  servedLanguage,
} from '../../runtime/language.js';
import { frenchLabel, frenchSkillLabel, labelledKeys } from '../../runtime/taxonomyLabels.js';
import { knownCipCodes, knownNocCodes } from '../../seed/taxonomies.js';
import { sectors } from '../../seed/sectors.js';

describe('Accept-Language negotiation', () => {
  it('takes any regional French or English variant for its language', () => {
    expect(negotiateLanguage('fr-CA')).toBe('FR');
    expect(negotiateLanguage('FR')).toBe('FR');
    expect(negotiateLanguage('en-GB')).toBe('EN');
  });

  it('follows quality values, the earlier range winning a tie', () => {
    expect(negotiateLanguage('en;q=0.4, fr-CA;q=0.9')).toBe('FR');
    expect(negotiateLanguage('fr-CA;q=0.5, en;q=0.5')).toBe('FR');
    expect(negotiateLanguage('de-DE, fr;q=0.8, en;q=0.7')).toBe('FR');
  });

  it('defaults to English without a usable preference', () => {
    for (const header of [undefined, '', 'de-DE, es', '*', 'fr;q=abc', ';;;', 'x'.repeat(2_000)]) {
      expect(negotiateLanguage(header)).toBe('EN');
    }
  });

  it('treats q=0 as a refusal, also of a wildcard', () => {
    expect(negotiateLanguage('en;q=0')).toBe('FR');
    expect(negotiateLanguage('*, en;q=0')).toBe('FR');
    expect(negotiateLanguage('en;q=0, fr;q=0')).toBe('EN');
    expect(negotiateLanguage('*;q=0, fr-CA')).toBe('FR');
  });

  it('joins repeated headers as one list', () => {
    expect(negotiateLanguage(['en;q=0.1', 'fr-CA'])).toBe('FR');
  });
});

describe('fallback', () => {
  it('serves the requested language when it has text, else the other, and says which', () => {
    expect(inLanguage({ EN: 'Data analytics', FR: 'Analytique' }, 'FR')).toEqual({
      text: 'Analytique',
      language: 'FR',
    });
    expect(inLanguage({ EN: 'Data analytics', FR: null }, 'FR')).toEqual({ text: 'Data analytics', language: 'EN' });
    expect(inLanguage({ EN: 'Data analytics', FR: '   ' }, 'FR')).toEqual({ text: 'Data analytics', language: 'EN' });
    expect(inLanguage({ EN: '', FR: 'Analytique' }, 'EN')).toEqual({ text: 'Analytique', language: 'FR' });
    expect(inLanguage({}, 'EN')).toBeNull();
  });

  it('wires a field in one line: the lang argument first, the request language otherwise', () => {
    type Row = { title: string; titleFr: string | null };
    const row: Row = { title: 'Welding', titleFr: 'Soudage' };
    const title = localized<Row>(
      (r) => r.title,
      (r) => r.titleFr,
    );
    const language = servedLanguage<Row>(
      (r) => r.title,
      (r) => r.titleFr,
    );
    expect(title(row, {}, { language: 'FR' })).toBe('Soudage');
    expect(title(row, { lang: 'EN' }, { language: 'FR' })).toBe('Welding');
    expect(title(row, { lang: null }, { language: 'EN' })).toBe('Welding');
    expect(title({ title: 'Welding', titleFr: null }, { lang: 'FR' }, { language: 'EN' })).toBe('Welding');
    expect(language({ title: 'Welding', titleFr: null }, { lang: 'FR' }, { language: 'EN' })).toBe('EN');
  });
});

describe('entries taught only in French', () => {
  it('have no English text when the required field repeats the French one', () => {
    expect(englishOf('Soins palliatifs', 'Soins palliatifs')).toBeNull();
    expect(englishOf('Palliative care', 'Soins palliatifs')).toBe('Palliative care');
    expect(englishOf('Palliative care', null)).toBe('Palliative care');
    const title = localized<{ title: string; titleFr: string | null }>(
      (row) => englishOf(row.title, row.titleFr),
      (row) => row.titleFr,
    );
    expect(title({ title: 'Soins palliatifs', titleFr: 'Soins palliatifs' }, { lang: 'EN' }, { language: 'EN' })).toBe(
      'Soins palliatifs',
    );
  });
});

describe('official French labels', () => {
  it('cover every NOC and CIP code and every ESCO skill the sample data uses', () => {
    const missing = [
      ...knownNocCodes.filter((code) => !frenchLabel('noc', code)).map((code) => `NOC ${code}`),
      ...knownCipCodes.filter((code) => !frenchLabel('cip', code)).map((code) => `CIP ${code}`),
      ...sectors.flatMap((sector) => sector.escoLabels.filter((label) => !frenchLabel('esco', label))),
    ];
    expect(missing).toEqual([]);
  });

  it('are French, not copies of the English, and unknown codes have none', () => {
    expect(frenchLabel('noc', '21211')).toBe('Scientifiques de données');
    expect(frenchLabel('cip', '52.0211')).toBe('Gestion de projets');
    expect(frenchLabel('noc', '99999')).toBeUndefined();
    expect(frenchLabel('noc', 'constructor')).toBeUndefined();
    expect(labelledKeys('esdcSct').length).toBeGreaterThan(0);
    expect(frenchSkillLabel({ framework: 'ESDC_SCT', code: 'S.02.a.01', label: 'Critical Thinking' })).toBe(
      'Pensée critique',
    );
    expect(
      frenchSkillLabel({ framework: 'ESCO', code: 'http://data.europa.eu/esco/skill/x', label: 'lead a team' }),
    ).toBe('diriger une équipe');
    expect(frenchSkillLabel({ framework: 'OTHER', code: 'x', label: 'lead a team' })).toBeUndefined();
  });
});

describe('the Language enum', () => {
  it('is the same in every contract that uses it, and the same as runtime/language.ts', () => {
    for (const name of ['catalogue', 'framework', 'search'] as const) {
      const definition = loadSchemaDocument(name).definitions.find(
        (node) => node.kind === Kind.ENUM_TYPE_DEFINITION && node.name.value === 'Language',
      );
      expect(
        definition?.kind === Kind.ENUM_TYPE_DEFINITION && definition.values?.map((value) => value.name.value),
      ).toEqual([...languages]);
    }
  });
});
