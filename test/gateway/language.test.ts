/**
 * Both languages through the real directory: the `lang` argument and
 * `Accept-Language` on catalogue, framework and search fields, the fallback
 * to the other language when an institution has no French text, official
 * French classification labels, the response cache and HTTP caching keyed by
 * language, and French search with highlights.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalDirectory } from '../../cli/localDirectory.js';
import { frenchLabel } from '../../runtime/taxonomyLabels.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { startTestDirectory } from '../support/directory.js';

const entriesPerInstitution = 4;
let directory: LocalDirectory;
let indexDir: string;

beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'language-'));
  directory = await startTestDirectory({
    institutions: ['humber', 'uottawa', 'lacite'],
    entriesPerInstitution,
    search: { port: 0, indexDir, indexIntervalMs: 60_000 },
    // Deadlines are tested elsewhere; here a busy machine must not turn a French answer into a timeout.
    institutionTimeoutMs: 5_000,
  });
});
afterAll(async () => {
  await directory?.stop();
  if (indexDir) await rm(indexDir, { recursive: true, force: true });
});

/** A published sample entry of `institution` matching `pick`, as the directory seeded it. */
function seededEntry(institution: string, pick: (entry: ReturnType<typeof generateCatalogue>[number]) => boolean) {
  const entry = generateCatalogue(institution, entriesPerInstitution).find(
    (candidate) => candidate.status === 'ACTIVE' && pick(candidate),
  );
  if (!entry) throw new Error(`the ${institution} sample has no such entry`);
  return { ...entry, id: `${institution}:${entry.slug}` };
}
const bilingual = () => seededEntry('uottawa', (entry) => entry.titleFr !== null && entry.titleFr !== entry.title);
const englishOnly = () => seededEntry('humber', (entry) => entry.titleFr === null);

interface Answer {
  body: any;
  headers: Headers;
}

async function ask(query: string, variables: Record<string, unknown> = {}, acceptLanguage?: string): Promise<Answer> {
  const response = await fetch(directory.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return { body, headers: response.headers };
}

const entryQuery = `query Entry($id: ID!, $lang: Language) {
  microCredential(id: $id) {
    title(lang: $lang) titleFr titleLanguage(lang: $lang) description(lang: $lang)
    institution { name(lang: $lang) }
  }
}`;

describe('the lang argument', () => {
  it('answers in French where the entry has French text, in English where asked', async () => {
    const entry = bilingual();
    const french = (await ask(entryQuery, { id: entry.id, lang: 'FR' })).body.data.microCredential;
    expect(french).toMatchObject({ title: entry.titleFr, titleLanguage: 'FR', description: entry.descriptionFr });
    expect(french.institution.name).toBe("Université d'Ottawa");
    const english = (await ask(entryQuery, { id: entry.id, lang: 'EN' })).body.data.microCredential;
    expect(english).toMatchObject({ title: entry.title, titleLanguage: 'EN', description: entry.description });
    expect(english.institution.name).toBe('University of Ottawa');
  });

  it('falls back to English when the institution has no French text, and says so', async () => {
    const entry = englishOnly();
    const answer = (await ask(entryQuery, { id: entry.id, lang: 'FR' })).body.data.microCredential;
    expect(answer).toMatchObject({
      title: entry.title,
      titleFr: null,
      titleLanguage: 'EN',
      description: entry.description,
    });
    expect(answer.institution.name).toBe('Humber Polytechnic');
  });

  it('serves an entry taught only in French as French when English is asked for', async () => {
    const entry = seededEntry('lacite', (candidate) => candidate.titleFr !== null);
    const answer = (await ask(entryQuery, { id: entry.id, lang: 'EN' })).body.data.microCredential;
    expect(answer).toMatchObject({ title: entry.titleFr, titleLanguage: 'FR' });
  });
});

describe('Accept-Language', () => {
  it('chooses the language of fields without lang, which still wins when given', async () => {
    const entry = bilingual();
    const french = await ask(entryQuery, { id: entry.id }, 'fr-CA,fr;q=0.9,en;q=0.5');
    expect(french.body.data.microCredential).toMatchObject({ title: entry.titleFr, titleLanguage: 'FR' });
    expect(french.headers.get('content-language')).toBe('fr');
    const overridden = await ask(entryQuery, { id: entry.id, lang: 'EN' }, 'fr-CA');
    expect(overridden.body.data.microCredential.title).toBe(entry.title);
    const fallback = await ask(entryQuery, { id: englishOnly().id }, 'fr-CA');
    expect(fallback.body.data.microCredential).toMatchObject({ title: englishOnly().title, titleLanguage: 'EN' });
    const none = await ask(entryQuery, { id: entry.id });
    expect(none.body.data.microCredential.title).toBe(entry.title);
    expect(none.headers.get('content-language')).toBe('en');
  });

  it('keys the response cache and HTTP caches by language', async () => {
    const entry = bilingual();
    const query = `query CachedTitle($id: ID!) { microCredential(id: $id) { title } }`;
    const first = await ask(query, { id: entry.id }, 'fr-CA');
    const again = await ask(query, { id: entry.id }, 'fr-FR');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.body.data.microCredential.title).toBe(entry.titleFr);
    const english = await ask(query, { id: entry.id }, 'en-CA');
    expect(english.headers.get('x-cache')).toBe('MISS');
    expect(english.body.data.microCredential.title).toBe(entry.title);
    expect(english.headers.get('etag')).not.toBe(first.headers.get('etag'));
    for (const answer of [first, english])
      expect(answer.headers.get('vary')?.toLowerCase()).toContain('accept-language');
  });
});

describe('official French classification labels', () => {
  it('labels NOC, CIP and skills in French by code, the institution English otherwise', async () => {
    const entry = bilingual();
    const query = `query Labels($id: ID!, $lang: Language) {
      microCredential(id: $id) {
        occupations { nocCode title(lang: $lang) }
        cip { code title(lang: $lang) }
        skills { framework code label(lang: $lang) }
      }
    }`;
    const french = (await ask(query, { id: entry.id, lang: 'FR' })).body.data.microCredential;
    for (const occupation of french.occupations) expect(occupation.title).toBe(frenchLabel('noc', occupation.nocCode));
    expect(french.cip.title).toBe(frenchLabel('cip', french.cip.code));
    const english = (await ask(query, { id: entry.id, lang: 'EN' })).body.data.microCredential;
    expect(english.occupations.map((o: { title: string }) => o.title)).toEqual(entry.occupations.map((o) => o.title));
    entry.skills.forEach((skill, index) => {
      const official =
        skill.framework === 'ESCO' ? frenchLabel('esco', skill.label) : frenchLabel('esdcSct', skill.code);
      expect(french.skills[index].label).toBe(official ?? skill.label);
      expect(english.skills[index].label).toBe(skill.label);
    });
    expect(
      french.skills.some((skill: { label: string }, index: number) => skill.label !== entry.skills[index]!.label),
    ).toBe(true);
  });
});

describe('framework content', () => {
  it('answers OQF levels, alignments, common core and programs in French', async () => {
    const query = `query Framework($id: ID!) {
      oqfLevel(number: 5) { name description typicalDuration credential }
      oqfAlignmentForHours(hours: 30) { explanation }
      commonCoreEntry(code: "CC-DATA-ANALYTICS") { title description requiredCompetencies }
      programs(institution: "lacite") { title credential }
      microCredential(id: $id) { oqfAlignment { explanation comparableLevel { name } } }
    }`;
    const id = bilingual().id;
    const french = (await ask(query, { id }, 'fr-CA')).body.data;
    expect(french.oqfLevel).toMatchObject({
      name: 'Certificat III',
      credential: "Certificat d'études collégiales de l'Ontario",
    });
    expect(french.oqfLevel.typicalDuration).toContain('semestres');
    expect(french.oqfAlignmentForHours.explanation).toContain('microcertifications');
    expect(french.commonCoreEntry.title).toBe("Fondements de l'analytique des données");
    expect(french.commonCoreEntry.requiredCompetencies).toContain('Statistiques descriptives');
    expect(french.programs).toContainEqual({
      title: 'Préposé aux services de soutien personnel',
      credential: "Certificat d'études collégiales de l'Ontario",
    });
    const english = (await ask(query, { id })).body.data;
    expect(english.oqfLevel).toMatchObject({ name: 'Certificate III', credential: 'Ontario College Certificate' });
    expect(english.commonCoreEntry.requiredCompetencies).toContain('Descriptive statistics');
    expect(english.programs).toContainEqual({
      title: 'Personal Support Worker',
      credential: 'Ontario College Certificate',
    });
    expect(french.microCredential.oqfAlignment.explanation).not.toBe(english.microCredential.oqfAlignment.explanation);
  });
});

describe('search in French', () => {
  const searchQuery = `query Search($q: String!) {
    searchMicroCredentials(query: $q, filter: { institutions: ["uottawa", "humber"] }) {
      hits { card { title titleLanguage } highlights { field snippet } microCredential { id } }
    }
  }`;

  // The directory's first indexing pass may have missed an institution that was slow to answer: index until
  // both are in (a pass is what the indexer's schedule would run next).
  beforeAll(async () => {
    await vi.waitFor(
      async () => {
        const status = await ask(`{ searchStatus { institutions { code state } } }`);
        const indexed = status.body.data.searchStatus.institutions
          .filter((i: { state: string }) => i.state === 'UP_TO_DATE')
          .map((i: { code: string }) => i.code);
        if (!indexed.includes('uottawa') || !indexed.includes('humber')) {
          await directory.search!.indexer.runPass();
          throw new Error(`indexed so far: ${indexed.join(', ')}`);
        }
      },
      { timeout: 30_000, interval: 200 },
    );
  });

  it('finds an entry by its French title, highlights it and shows the French card', async () => {
    const entry = bilingual();
    const { hits } = (await ask(searchQuery, { q: entry.titleFr }, 'fr-CA')).body.data.searchMicroCredentials;
    const hit = hits.find((candidate: any) => candidate.microCredential.id === entry.id);
    expect(hit.card).toEqual({ title: entry.titleFr, titleLanguage: 'FR' });
    const titleFr = hit.highlights.find((highlight: any) => highlight.field === 'TITLE_FR');
    expect(titleFr.snippet).toContain('<mark>');
    // The snippet is HTML: marks around the matched words, the text escaped.
    expect(titleFr.snippet.replace(/<\/?mark>/g, '').replaceAll('&#39;', "'")).toBe(entry.titleFr);
  });

  it('finds an entry by the official French label of one of its skills', async () => {
    const entry = bilingual();
    const skill = entry.skills.find(
      (candidate) => candidate.framework === 'ESCO' && frenchLabel('esco', candidate.label),
    )!;
    const label = frenchLabel('esco', skill.label)!;
    const { hits } = (await ask(searchQuery, { q: label })).body.data.searchMicroCredentials;
    const hit = hits.find((candidate: any) => candidate.microCredential.id === entry.id);
    expect(hit.highlights).toContainEqual({ field: 'SKILL_FR', snippet: expect.stringContaining('<mark>') });
  });
});
