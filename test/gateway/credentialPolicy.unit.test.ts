/** The credential policy as pure rules: which credential each kind of call may carry. */
import { describe, expect, it } from 'vitest';
import {
  headersForInstitution,
  headersForSubgraph,
  parseCredential,
  sharesPublicAnswers,
} from '../../gateway/credentials.js';
import { parsePublishingKey } from '../../runtime/publishingKeys.js';

const secret = `${'A'.repeat(21)}_-${'b'.repeat(20)}`;
const humberKey = `mck_humber_1a2b3c4d_${secret}`;
const oldKey = `mck_1a2b3c4d_${secret}`;
const endorserKey = `ek_0a1b2c3d_${secret}`;

describe('parseCredential', () => {
  it('recognises each kind of Authorization header', () => {
    expect(parseCredential(`Bearer ${humberKey}`)).toEqual({
      kind: 'PUBLISHING_KEY',
      institution: 'humber',
      authorization: `Bearer ${humberKey}`,
    });
    expect(parseCredential(`bearer  ${humberKey}`)).toMatchObject({ kind: 'PUBLISHING_KEY', institution: 'humber' });
    expect(parseCredential(`Bearer mck_sault-college_1a2b3c4d_${secret}`)).toMatchObject({
      institution: 'sault-college',
    });
    expect(parseCredential(`Bearer ${oldKey}`)).toEqual({ kind: 'OWNERLESS_PUBLISHING_KEY' });
    expect(parseCredential('Bearer mck_humber_short')).toEqual({ kind: 'OWNERLESS_PUBLISHING_KEY' });
    expect(parseCredential('Bearer mdk_0123456789abcdef')).toEqual({ kind: 'CONSUMER_KEY' });
    expect(parseCredential('Bearer rk_0123')).toEqual({ kind: 'PROVINCE_TOKEN', authorization: 'Bearer rk_0123' });
    expect(parseCredential(`Bearer ${endorserKey}`)).toEqual({
      kind: 'ENDORSER_KEY',
      authorization: `Bearer ${endorserKey}`,
    });
    expect(parseCredential('Bearer province-key')).toMatchObject({ kind: 'PROVINCE_TOKEN' });
    expect(parseCredential('Basic dXNlcjpwYXNz')).toEqual({ kind: 'UNRECOGNISED' });
    expect(parseCredential(['Bearer a', 'Bearer b'])).toEqual({ kind: 'UNRECOGNISED' });
    expect(parseCredential(undefined)).toEqual({ kind: 'NONE' });
  });
});

describe('who receives what', () => {
  const humber = parseCredential(`Bearer ${humberKey}`);
  const province = parseCredential('Bearer province-key');

  it('sends a publishing key only to its institution, and only on fields addressed to it', () => {
    expect(headersForInstitution(humber, 'humber', true)).toEqual({ authorization: `Bearer ${humberKey}` });
    expect(headersForInstitution(humber, 'humber', false)).toEqual({});
    expect(headersForInstitution(humber, 'seneca', true)).toEqual({});
    expect(headersForSubgraph(humber, 'framework')).toEqual({});
    expect(headersForSubgraph(humber, 'search')).toEqual({});
  });

  it('sends the province key to the province services only, recognition keys only to the framework', () => {
    expect(headersForSubgraph(province, 'framework')).toEqual({ authorization: 'Bearer province-key' });
    expect(headersForSubgraph(province, 'search')).toEqual({ authorization: 'Bearer province-key' });
    expect(headersForInstitution(province, 'humber', true)).toEqual({});
    const recognition = parseCredential('Bearer rk_0123');
    expect(headersForSubgraph(recognition, 'framework')).toEqual({ authorization: 'Bearer rk_0123' });
    expect(headersForSubgraph(recognition, 'search')).toEqual({});
    expect(headersForInstitution(recognition, 'humber', true)).toEqual({});
  });

  it('sends an endorser key only to the framework, which issued it', () => {
    const endorser = parseCredential(`Bearer ${endorserKey}`);
    expect(headersForSubgraph(endorser, 'framework')).toEqual({ authorization: `Bearer ${endorserKey}` });
    expect(headersForSubgraph(endorser, 'search')).toEqual({});
    expect(headersForInstitution(endorser, 'humber', true)).toEqual({});
    expect(headersForInstitution(endorser, 'humber', false)).toEqual({});
    expect(sharesPublicAnswers(endorser)).toBe(false);
  });

  it('sends consumer keys, ownerless keys and anything unrecognised nowhere', () => {
    for (const header of ['Bearer mdk_x', `Bearer ${oldKey}`, 'Basic abc']) {
      const credential = parseCredential(header);
      expect(headersForInstitution(credential, 'humber', true)).toEqual({});
      expect(headersForSubgraph(credential, 'framework')).toEqual({});
      expect(headersForSubgraph(credential, 'search')).toEqual({});
    }
  });
});

describe('parsePublishingKey', () => {
  it('reads the owner and prefix of both formats, and nothing else', () => {
    expect(parsePublishingKey(humberKey)).toEqual({ institution: 'humber', prefix: '1a2b3c4d' });
    expect(parsePublishingKey(oldKey)).toEqual({ prefix: '1a2b3c4d' });
    expect(parsePublishingKey(`mck_Humber_1a2b3c4d_${secret}`)).toBeUndefined();
    expect(parsePublishingKey(`mck_humber_1a2b3c4d_${secret}x`)).toBeUndefined();
    expect(parsePublishingKey('rk_abc')).toBeUndefined();
  });
});
