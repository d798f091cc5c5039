/**
 * The result card's derived fields, as the indexer maps them from an
 * untrusted change-feed entry (pure logic, no servers).
 */
import { expect, it } from 'vitest';
import { toSearchDocument } from '../../subgraphs/search/documents/fromFeedEntry.js';
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
  const mapped = toSearchDocument({ ...entry, offerings }, 'humber', '2026-06-01');
  if (!('document' in mapped)) throw new Error(mapped.rejected);
  expect(cardOf(mapped.document)).toMatchObject({
    cost: 300,
    maxCost: 700,
    nextStartDate: '2026-07-15',
    url: entry.url,
    institution: 'humber',
    institutionName: humber.name,
  });
});

it('falls back to every intake once none is upcoming, and has no price without intakes', () => {
  const past = toSearchDocument({ ...entry, offerings }, 'humber', '2027-01-01');
  expect('document' in past && [past.document.cost, past.document.maxCost, past.document.nextStartDate]).toEqual([
    50,
    700,
    null,
  ]);
  const none = toSearchDocument({ ...entry, offerings: [] }, 'humber', '2026-06-01');
  expect('document' in none && [none.document.cost, none.document.maxCost]).toEqual([null, null]);
});

it('refuses an entry whose permanent URL is missing or not http(s)', () => {
  for (const url of [undefined, 'javascript:alert(1)', 'not a url']) {
    expect(toSearchDocument({ ...entry, url }, 'humber', '2026-06-01')).toMatchObject({
      rejected: expect.stringContaining('url'),
    });
  }
});
