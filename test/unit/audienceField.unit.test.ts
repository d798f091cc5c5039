/**
 * Contract 1.1's intended audience (`audience`, `audienceFr`) in the reference
 * catalogue: optional, at most 500 characters, and carried by the CSV import.
 */
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import { findEntryProblems } from '../../subgraphs/catalogue/catalogueEntry.js';
import { entriesFromCsv } from '../../subgraphs/catalogue/catalogueCsv.js';
import { parseCsv } from '../../subgraphs/catalogue/csvRecords.js';

const entry = generateCatalogue('humber', 1, 5, '2026-01-15')[0]!;

describe('contract 1.1: intended audience', () => {
  it('is optional, and accepted in both languages up to 500 characters', () => {
    expect(findEntryProblems([entry])).toEqual([]);
    const both = { ...entry, audience: 'a'.repeat(500), audienceFr: 'Analystes en santé' };
    expect(findEntryProblems([both])).toEqual([]);
  });

  it('is refused past 500 characters or when not text, each with its path', () => {
    const problems = findEntryProblems([{ ...entry, audience: 'a'.repeat(501), audienceFr: 42 }]);
    expect(problems.map((problem) => problem.path)).toEqual([['audience'], ['audienceFr']]);
  });

  it('is read from the CSV columns `audience` and `audienceFr`', () => {
    const { entries, unknownColumns } = entriesFromCsv(
      parseCsv('slug,audience,audienceFr\nmy-entry,Early-career analysts,Analystes en début de carrière\n'),
    );
    expect(unknownColumns).toEqual([]);
    expect(entries[0]!.entry).toEqual({
      slug: 'my-entry',
      audience: 'Early-career analysts',
      audienceFr: 'Analystes en début de carrière',
    });
  });
});
