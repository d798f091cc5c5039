/**
 * Catalogue entries are parsed, not checked then cast: what publishing, import
 * and the seed write is built from the checker's typed reads, so it is exactly
 * a CatalogueEntryInput — keys outside it are dropped (never refused, as they
 * were always dropped at the write), and nothing is handed out when any entry
 * has a problem.
 */
import { describe, expect, it } from 'vitest';
import { generateCatalogue } from '../../seed/catalogue.js';
import {
  findEntryProblems,
  parseCatalogueEntries,
  parseCatalogueEntry,
} from '../../subgraphs/catalogue/catalogueEntry.js';

const [first, second] = generateCatalogue('uottawa', 2, 2, '2026-09-01');
const sample = () => structuredClone(first!);

describe('parsing a catalogue entry', () => {
  it('gives back the entry it was given, field for field', () => {
    const parsed = parseCatalogueEntries([first, second]);
    expect(parsed.ok).toBe(true);
    expect(parsed.entries).toEqual([first, second]);
    expect(parsed.entries?.[0]).not.toBe(first);
  });

  it('drops keys outside the entry, at the top and inside its parts, rather than refusing them', () => {
    const entry = sample();
    const withExtras = {
      ...entry,
      internalNote: 'not part of the contract',
      skills: entry.skills.map((skill) => ({ ...skill, weight: 3 })),
      offerings: entry.offerings.map((offering) => ({ ...offering, room: 'B-201' })),
      transferContact: { ...entry.transferContact, pager: '555' },
    };
    const parsed = parseCatalogueEntry(withExtras);
    if (!parsed.ok) throw new Error(`unexpected problems: ${JSON.stringify(parsed.problems)}`);
    expect(parsed.entry).toEqual(entry);
    expect(parsed.entry).not.toHaveProperty('internalNote');
    expect(Object.keys(parsed.entry.skills[0]!).sort()).toEqual(['code', 'framework', 'label']);
    expect(parsed.entry.offerings[0]).not.toHaveProperty('room');
    expect(parsed.entry.transferContact).not.toHaveProperty('pager');
  });

  it('hands out no entry when any entry of the batch has a problem, and the same problems findEntryProblems reports', () => {
    const broken = { ...sample(), title: '', offerings: [{ code: 'x y' }] };
    const parsed = parseCatalogueEntries([first, broken]);
    expect(parsed.ok).toBe(false);
    expect(parsed.entries).toBeUndefined();
    expect(parsed.problems).toEqual(findEntryProblems([first, broken]));
    expect(parsed.problems.map((problem) => [problem.entryIndex, problem.code, problem.path])).toContainEqual([
      1,
      'REQUIRED',
      ['title'],
    ]);
  });

  it('refuses what is not an object, with no entry', () => {
    const parsed = parseCatalogueEntry('not an entry');
    expect(parsed).toEqual({
      ok: false,
      problems: [expect.objectContaining({ entryIndex: 0, path: [], code: 'NOT_AN_OBJECT' })],
    });
  });
});
