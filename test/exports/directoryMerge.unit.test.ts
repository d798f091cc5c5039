/** The merge behind directoryChanges and its cursor, as pure logic. */
import { describe, expect, it } from 'vitest';
import { decodeDirectoryCursor, encodeDirectoryCursor } from '../../gateway/linkedData/directoryCursor.js';
import {
  mergeDirectoryChanges,
  type InstitutionChange,
  type ReadInstitutionFeed,
} from '../../gateway/linkedData/directoryChanges.js';

const at = (minute: number) => `2026-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const change = (code: string, n: number, minute: number, visible = true): InstitutionChange => ({
  cursor: `${code}-${n}`,
  kind: 'UPDATED',
  microCredentialId: `${code}:e${n}`,
  occurredAt: at(minute),
  visible,
});

/** Feeds held in memory; `down` institutions cannot be read. */
function feeds(all: Record<string, InstitutionChange[]>, down = new Set<string>()): ReadInstitutionFeed {
  return async (code, since, first) => {
    if (down.has(code)) return undefined;
    const feed = all[code] ?? [];
    const start = since === null ? 0 : feed.findIndex((c) => c.cursor === since) + 1;
    const changes = feed.slice(start, start + first);
    return { changes, cursor: changes.at(-1)?.cursor ?? since, hasMore: start + first < feed.length };
  };
}

const now = '2026-05-01T12:00:00.000Z';

describe('mergeDirectoryChanges', () => {
  const all = {
    humber: [change('humber', 1, 1), change('humber', 2, 5), change('humber', 3, 5)],
    seneca: [change('seneca', 1, 2), change('seneca', 2, 5, false)],
  };

  it('announces institutions, then merges oldest first with ties by code, keeping each feed in order', async () => {
    const { page } = await mergeDirectoryChanges(new Map(), ['seneca', 'humber'], feeds(all), 100, now);
    expect(page.changes.map((c) => `${c.kind} ${c.institutionCode} ${c.microCredentialId ?? ''}`.trim())).toEqual([
      'INSTITUTION_ADDED humber',
      'INSTITUTION_ADDED seneca',
      'UPDATED humber humber:e1',
      'UPDATED seneca seneca:e1',
      'UPDATED humber humber:e2',
      'UPDATED humber humber:e3',
      'UPDATED seneca seneca:e2',
    ]);
    expect(page.hasMore).toBe(false);
  });

  it('pages with a cursor to the same sequence, whatever the page size', async () => {
    const sequence = async (first: number) => {
      const seen: string[] = [];
      let position = new Map<string, string | null>();
      for (let guard = 0; guard < 50; guard++) {
        const result = await mergeDirectoryChanges(position, ['humber', 'seneca'], feeds(all), first, now);
        seen.push(...result.page.changes.map((c) => `${c.kind}:${c.institutionCode}:${c.microCredentialId}`));
        position = decodeDirectoryCursor(encodeDirectoryCursor(result.position));
        if (!result.page.hasMore) break;
      }
      return seen;
    };
    const whole = await sequence(100);
    expect(await sequence(1)).toEqual(whole);
    expect(await sequence(2)).toEqual(whole);
    expect(await sequence(3)).toEqual(whole);
  });

  it('keeps an unavailable institution where it was and resumes it later', async () => {
    const down = new Set(['seneca']);
    const start = await mergeDirectoryChanges(new Map(), ['humber', 'seneca'], feeds(all, down), 100, now);
    expect(start.page.unavailableInstitutions).toEqual(['seneca']);
    expect(start.page.changes.filter((c) => c.institutionCode === 'seneca').map((c) => c.kind)).toEqual([
      'INSTITUTION_ADDED',
    ]);
    expect(start.position.get('seneca')).toBeNull();
    down.clear();
    const later = await mergeDirectoryChanges(start.position, ['humber', 'seneca'], feeds(all, down), 100, now);
    expect(later.page.changes.map((c) => c.microCredentialId)).toEqual(['seneca:e1', 'seneca:e2']);
    expect(later.page.unavailableInstitutions).toEqual([]);
  });

  it('reports an institution that left the registry, and replays one that joins again', async () => {
    const synced = await mergeDirectoryChanges(new Map(), ['humber', 'seneca'], feeds(all), 100, now);
    const removed = await mergeDirectoryChanges(synced.position, ['humber'], feeds(all), 100, now);
    expect(removed.page.changes).toEqual([
      {
        kind: 'INSTITUTION_REMOVED',
        institutionCode: 'seneca',
        microCredentialId: null,
        occurredAt: now,
        visible: false,
      },
    ]);
    const back = await mergeDirectoryChanges(removed.position, ['humber', 'seneca'], feeds(all), 100, now);
    expect(back.page.changes.map((c) => `${c.kind}:${c.microCredentialId}`)).toEqual([
      'INSTITUTION_ADDED:null',
      'UPDATED:seneca:e1',
      'UPDATED:seneca:e2',
    ]);
  });

  it('never lets registry events exceed the page, and follows no institution it has not announced', async () => {
    const { page, position } = await mergeDirectoryChanges(new Map(), ['humber', 'seneca'], feeds(all), 1, now);
    expect(page.changes.map((c) => c.kind)).toEqual(['INSTITUTION_ADDED']);
    expect([...position.keys()]).toEqual(['humber']);
    expect(page.hasMore).toBe(true);
  });
});

describe('the directory cursor', () => {
  it('round-trips and refuses anything it did not produce', () => {
    const position = new Map([
      ['humber', 'abc'],
      ['seneca', null],
    ]);
    expect(decodeDirectoryCursor(encodeDirectoryCursor(position))).toEqual(position);
    for (const bad of [
      'not base64url!',
      Buffer.from('{"v":2,"i":[]}').toString('base64url'),
      Buffer.from('{"v":1,"i":[["Not A Code",null]]}').toString('base64url'),
      Buffer.from('{"v":1,"i":[["humber",42]]}').toString('base64url'),
      Buffer.from('[').toString('base64url'),
    ]) {
      expect(() => decodeDirectoryCursor(bad), bad).toThrow(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'INVALID_CURSOR' }) }),
      );
    }
  });
});
