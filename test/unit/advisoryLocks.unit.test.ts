import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advisoryLockKeys } from '../../runtime/advisoryLocks.js';

/**
 * SQL cannot import runtime/advisoryLocks.ts, so the triggers that serialise change feeds take
 * the key as a literal; these are the migrations that do, and the key each must take.
 */
const triggerLocks: Array<[string, number]> = [
  ['subgraphs/catalogue/db/migrations/0001_change_log_triggers.sql', advisoryLockKeys.catalogueChangeLog],
  ['subgraphs/framework/db/migrations/0006_trust_mark_triggers.sql', advisoryLockKeys.trustMarkChanges],
];

const lockLiterals = (sql: string) =>
  [...sql.matchAll(/pg_advisory(?:_xact)?_lock\((\d+)\)/g)].map((match) => Number(match[1]));

describe('advisory lock keys', () => {
  it('gives every purpose its own key', () => {
    const keys = Object.values(advisoryLockKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(triggerLocks)('%s takes the key runtime/advisoryLocks.ts gives it', (file, key) => {
    const taken = lockLiterals(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));
    expect(taken.length).toBeGreaterThan(0);
    for (const literal of taken) expect(literal).toBe(key);
  });

  it('is taken as a literal by no other migration', () => {
    const takers = ['catalogue', 'framework'].flatMap((subgraph) => {
      const folder = `subgraphs/${subgraph}/db/migrations`;
      return readdirSync(new URL(`../../${folder}`, import.meta.url))
        .filter((name) => name.endsWith('.sql'))
        .map((name) => `${folder}/${name}`)
        .filter((file) => lockLiterals(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')).length > 0);
    });
    expect(takers.sort()).toEqual(triggerLocks.map(([file]) => file).sort());
  });
});
