/** Pure pieces of the exports: ids in URLs, CTIDs, durations, escaping, validators. */
import { describe, expect, it } from 'vitest';
import { ctid, ctidPattern } from '../../gateway/linkedData/ctid.js';
import { weeksDuration, xsdDuration } from '../../gateway/linkedData/describe.js';
import { credentialUrl, normalizeOrigin, parseMicroCredentialId } from '../../gateway/linkedData/permanentUrls.js';
import { ListingValidators } from '../../gateway/linkedData/validators.js';

describe('ids in permanent URLs', () => {
  it('accept `<institution>:<slug>` and explain anything else', () => {
    expect(parseMicroCredentialId('humber:data-analytics')).toEqual({
      ok: true,
      institution: 'humber',
      slug: 'data-analytics',
    });
    for (const bad of [
      'humber',
      'Humber:x',
      'humber:Data',
      'humber:a--b',
      'humber:',
      `humber:${'a'.repeat(101)}`,
      'h:x',
    ]) {
      expect(parseMicroCredentialId(bad).ok, bad).toBe(false);
    }
  });

  it('build URLs under a normalized origin', () => {
    expect(normalizeOrigin('https://directory.example/')).toBe('https://directory.example');
    expect(normalizeOrigin('https://example.ca/micro/')).toBe('https://example.ca/micro');
    expect(credentialUrl('https://directory.example', 'humber:x')).toBe(
      'https://directory.example/credentials/humber:x',
    );
  });
});

describe('CTIDs', () => {
  it('are stable, distinct per subject and shaped as the Registry requires', () => {
    const id = ctid('micro-credential', 'humber:x');
    expect(id).toMatch(ctidPattern);
    expect(ctid('micro-credential', 'humber:x')).toBe(id);
    expect(ctid('institution', 'humber:x')).not.toBe(id);
    expect(ctid('micro-credential', 'humber:y')).not.toBe(id);
  });
});

describe('durations', () => {
  it('are valid xsd:durations (no weeks, fractions only as smaller units)', () => {
    expect(xsdDuration(35 * 3600)).toBe('PT35H');
    expect(xsdDuration(7.5 * 3600)).toBe('PT7H30M');
    expect(weeksDuration(6)).toBe('P42D');
    expect(weeksDuration(1.5)).toBe('P10DT12H');
  });
});

describe('bulk validators', () => {
  const entry = (id: string, version: number, updatedAt: string) => ({
    id,
    url: `u/${id}`,
    status: 'ACTIVE',
    version,
    updatedAt,
  });

  it('change with any entry, and move Last-Modified forward when an entry disappears', () => {
    let now = Date.parse('2026-05-02T00:00:00Z');
    const validators = new ListingValidators(() => now);
    const both = [entry('a:x', 1, '2026-05-01T10:00:00.000Z'), entry('a:y', 1, '2026-05-01T11:00:00.000Z')];
    const first = validators.of('feed', ['a'], both);
    expect(validators.of('feed', ['a'], both)).toEqual(first);
    expect(validators.of('feed', ['a'], [both[0]!, entry('a:y', 2, '2026-05-01T11:00:00.000Z')]).etag).not.toBe(
      first.etag,
    );
    now += 60_000;
    const removed = validators.of('feed', ['a'], [both[0]!]);
    expect(removed.etag).not.toBe(first.etag);
    expect(removed.lastModified.getTime()).toBeGreaterThan(first.lastModified.getTime());
  });
});
