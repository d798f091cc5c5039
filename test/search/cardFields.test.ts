/**
 * The result card's derived fields, as the indexer maps them from an
 * untrusted change-feed entry (pure logic, no servers).
 */
import { expect, it } from 'vitest';
import { parseFeedEntry } from '../../subgraphs/search/documents/fromFeedEntry.js';
import { cardOf } from '../../subgraphs/search/documents/searchDocument.js';
import { generateCatalogue } from '../../seed/catalogue.js';
import { sampleInstitutions } from '../../seed/institutions.js';
import { feedEntryFromSeed } from '../../seed/searchCorpus.js';

const humber = sampleInstitutions.find((institution) => institution.code === 'humber')!;
const entry = feedEntryFromSeed(humber, generateCatalogue(humber, 1, 1, '2026-06-01')[0]!, 0);
const offerings = [
  { startDate: '2026-01-10', priceCad: 50 },
  { startDate: '2026-09-01', priceCad: 700 },
  { startDate: '2026-07-15', priceCad: 300 },
];

it('prices the card over upcoming intakes, and gives the earliest upcoming start', () => {
  const parsed = parseFeedEntry({ ...entry, offerings }, 'humber', '2026-06-01');
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  expect(cardOf(parsed.value)).toMatchObject({
    cost: 300,
    maxCost: 700,
    nextStartDate: '2026-07-15',
    url: entry.url,
    institution: 'humber',
    institutionName: humber.name,
  });
});

it('falls back to every intake once none is upcoming, and has no price without intakes', () => {
  const past = parseFeedEntry({ ...entry, offerings }, 'humber', '2027-01-01');
  expect(past.ok && [past.value.cost, past.value.maxCost, past.value.nextStartDate]).toEqual([50, 700, null]);
  const none = parseFeedEntry({ ...entry, offerings: [] }, 'humber', '2026-06-01');
  expect(none.ok && [none.value.cost, none.value.maxCost]).toEqual([null, null]);
});

it('refuses an entry whose permanent URL is missing or not http(s)', () => {
  const codeOf = (url: string | undefined) => {
    const parsed = parseFeedEntry({ ...entry, url }, 'humber', '2026-06-01');
    return parsed.problems.map((problem) => [problem.path, problem.code]);
  };
  expect(codeOf(undefined)).toEqual([[['url'], 'REQUIRED']]);
  expect(codeOf('javascript:alert(1)')).toEqual([[['url'], 'INVALID_URL']]);
  expect(codeOf('not a url')).toEqual([[['url'], 'INVALID_URL']]);
});
