/**
 * Who is calling, from the `Authorization: Bearer <token>` header. Two
 * secrets are known: the province's API key (registry writes) and the
 * gateway's registry service token (private routing data). Tokens are
 * compared as SHA-256 digests with timingSafeEqual, so neither their content
 * nor their length leaks through response times.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { forbidden, unauthenticated } from './errors.js';

export interface FrameworkSecrets {
  provinceApiKey: string;
  registryToken: string;
}

/** ANONYMOUS: no Authorization header. UNRECOGNISED: a header, but not a known bearer token. */
export type Caller = 'ANONYMOUS' | 'UNRECOGNISED' | 'PROVINCE' | 'REGISTRY';

export function checkSecrets(secrets: FrameworkSecrets): void {
  if (!secrets.provinceApiKey || !secrets.registryToken) throw new Error('provinceApiKey and registryToken must not be empty');
  // Each token must identify exactly one role.
  if (secrets.provinceApiKey === secrets.registryToken) throw new Error('provinceApiKey and registryToken must differ');
}

export function identifyCaller(authorization: string | undefined, secrets: FrameworkSecrets): Caller {
  if (authorization === undefined || authorization.trim() === '') return 'ANONYMOUS';
  const token = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  if (token === undefined) return 'UNRECOGNISED';
  // Both comparisons always run, so timing does not reveal which secret came close.
  const isProvince = sameSecret(token, secrets.provinceApiKey);
  const isRegistry = sameSecret(token, secrets.registryToken);
  if (isProvince) return 'PROVINCE';
  if (isRegistry) return 'REGISTRY';
  return 'UNRECOGNISED';
}

function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

const roleNames: Record<'PROVINCE' | 'REGISTRY', string> = {
  PROVINCE: 'the province API key',
  REGISTRY: 'the registry service token',
};

/** Throws UNAUTHENTICATED without valid credentials, FORBIDDEN with credentials of another role. */
export function requireCaller(caller: Caller, role: 'PROVINCE' | 'REGISTRY', action: string): void {
  if (caller === role) return;
  const needed = `${action} needs ${roleNames[role]}, sent as "Authorization: Bearer <token>"`;
  if (caller === 'ANONYMOUS') throw unauthenticated(`${needed}; no Authorization header was sent.`);
  if (caller === 'UNRECOGNISED') throw unauthenticated(`${needed}; the credentials sent are not valid.`);
  throw forbidden(`${needed}; the token sent is ${roleNames[caller]}, which may not do this.`);
}
