/** What a search may leave behind as demand: normalised text, never personal details. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DemandLog, maxKeysPerTable, otherKey } from '../../subgraphs/search/demand/DemandLog.js';
import { normaliseQuery, withheldQuery } from '../../subgraphs/search/demand/queryText.js';

describe('normaliseQuery', () => {
  it('folds case, Unicode forms and spacing, and keeps accents', () => {
    expect(normaliseQuery('  Data   ANALYTICS ')).toBe('data analytics');
    expect(normaliseQuery('Soudage\u0301')).toBe(normaliseQuery('Soudagé'));
    expect(normaliseQuery('Gestion de projet')).toBe('gestion de projet');
    expect(normaliseQuery('   ')).toBeNull();
    expect(normaliseQuery(undefined)).toBeNull();
    expect(normaliseQuery('x'.repeat(300))).toHaveLength(80);
  });

  it('withholds queries that carry contact details or identifying numbers', () => {
    for (const personal of [
      'jane.doe@example.com welding',
      'call 416-555-0199',
      'student 300123456',
      'SIN 046 454 286',
      'M5V 2T6 courses',
      'https://example.com/?user=jane',
    ]) {
      expect(normaliseQuery(personal)).toBe(withheldQuery);
    }
    expect(normaliseQuery('python 3 for data')).toBe('python 3 for data');
    expect(normaliseQuery('level 2 welding 2026')).toBe('level 2 welding 2026');
  });
});

describe('DemandLog', () => {
  it('keeps one file per day with counts only, and deletes days past the retention', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'demand-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    let now = new Date('2026-03-01T10:00:00Z');
    const log = new DemandLog({ dir, retentionDays: 30, now: () => now });
    await log.start();
    onTestFinished(() => log.stop());
    log.recordSearch({ query: 'welding', total: 3, filters: { regions: ['NORTHERN'] }, theme: 'Trades' });
    log.recordSearch({ query: 'welding', total: 3, filters: {}, theme: 'Trades' });
    log.recordSearch({ query: 'drone mapping', total: 0, filters: {}, theme: null });
    log.recordOpen('humber:welding-basics');
    await log.flush();
    expect(await readdir(dir)).toEqual(['2026-03-01.json']);
    const day = JSON.parse(await readFile(join(dir, '2026-03-01.json'), 'utf8'));
    expect(day).toEqual({
      date: '2026-03-01',
      searches: 3,
      zeroResultSearches: 1,
      opens: 1,
      counts: {
        queries: { welding: 2, 'drone mapping': 1 },
        zeroResultQueries: { 'drone mapping': 1 },
        filters: { 'regions=NORTHERN': 1 },
        themes: { Trades: 2 },
        regions: { NORTHERN: 1 },
        occupations: {},
        skills: {},
        opened: { 'humber:welding-basics': 1 },
      },
    });
    now = new Date('2026-04-15T10:00:00Z');
    log.recordSearch({ query: 'welding', total: 3, filters: {}, theme: null });
    await log.flush();
    expect(await readdir(dir)).toEqual(['2026-04-15.json']);
    expect(log.daysBetween('2026-01-01', '2026-12-31').map((d) => d.date)).toEqual(['2026-04-15']);
  });

  it('counts queries named like object properties as ordinary queries', async () => {
    const log = new DemandLog({ retentionDays: 30, now: () => new Date('2026-03-01T00:00:00Z') });
    for (const query of ['__proto__', 'constructor', 'constructor', 'tostring'])
      log.recordSearch({ query, total: 0, filters: {}, theme: null });
    const [day] = log.daysBetween('2026-03-01', '2026-03-01');
    expect(Object.entries(JSON.parse(JSON.stringify(day!.counts.queries)))).toEqual([
      ['__proto__', 1],
      ['constructor', 2],
      ['tostring', 1],
    ]);
  });

  it('bounds each table per day: a flood of distinct queries is counted under (other)', async () => {
    const log = new DemandLog({ retentionDays: 30, now: () => new Date('2026-03-01T00:00:00Z') });
    await log.start();
    onTestFinished(() => log.stop());
    for (let i = 0; i < maxKeysPerTable + 50; i++)
      log.recordSearch({ query: `q${i}`, total: 1, filters: {}, theme: null });
    const [day] = log.daysBetween('2026-03-01', '2026-03-01');
    expect(Object.keys(day!.counts.queries)).toHaveLength(maxKeysPerTable + 1);
    expect(day!.counts.queries[otherKey]).toBe(50);
  });
});
