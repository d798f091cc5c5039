import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advisoryLockKeys } from '../../runtime/advisoryLocks.js';

describe('advisory lock keys', () => {
  it('gives every purpose its own key', () => {
    const keys = Object.values(advisoryLockKeys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches the key the change-log triggers take in SQL', () => {
    const sql = readFileSync(
      new URL('../../subgraphs/catalogue/db/migrations/0001_change_log_triggers.sql', import.meta.url),
      'utf8',
    );
    const taken = [...sql.matchAll(/pg_advisory_xact_lock\((\d+)\)/g)].map((match) => Number(match[1]));
    expect(taken.length).toBeGreaterThan(0);
    for (const key of taken) expect(key).toBe(advisoryLockKeys.catalogueChangeLog);
  });

  it('matches the key the trust-mark change triggers take in SQL', () => {
    const sql = readFileSync(
      new URL('../../subgraphs/framework/db/migrations/0006_trust_mark_triggers.sql', import.meta.url),
      'utf8',
    );
    const taken = [...sql.matchAll(/pg_advisory_xact_lock\((\d+)\)/g)].map((match) => Number(match[1]));
    expect(taken.length).toBeGreaterThan(0);
    for (const key of taken) expect(key).toBe(advisoryLockKeys.trustMarkChanges);
  });
});
