/**
 * Who is calling, from the `Authorization: Bearer <token>` header. Two
 * secrets are known: the province's API key (registry writes) and the
 * gateway's registry service token (private routing data). Tokens are
 * compared in constant time (runtime/sameSecret.ts).
 */
import { bearerToken } from '../../runtime/bearerToken.js';
import { sameSecret } from '../../runtime/sameSecret.js';
import { forbidden, unauthenticated } from '../../runtime/graphqlErrors.js';

export interface FrameworkSecrets {
  provinceApiKey: string;
  registryToken: string;
}

/**
 * ANONYMOUS: no Authorization header. UNRECOGNISED: a header, but not a known bearer token.
 * INSTITUTION: a valid recognition key (see recognition/keys.ts); Context.institution names whose.
 * ENDORSER: a valid endorser key (see trustMarks/endorserKeys.ts); Context.endorser names whose.
 */
export type Caller = 'ANONYMOUS' | 'UNRECOGNISED' | 'PROVINCE' | 'REGISTRY' | 'INSTITUTION' | 'ENDORSER';

export function checkSecrets(secrets: FrameworkSecrets): void {
  if (!secrets.provinceApiKey || !secrets.registryToken)
    throw new Error('provinceApiKey and registryToken must not be empty');
  // Each token must identify exactly one role.
  if (secrets.provinceApiKey === secrets.registryToken) throw new Error('provinceApiKey and registryToken must differ');
}

export function identifyCaller(authorization: string | undefined, secrets: FrameworkSecrets): Caller {
  if (authorization === undefined || authorization.trim() === '') return 'ANONYMOUS';
  const token = bearerToken(authorization);
  if (token === undefined) return 'UNRECOGNISED';
  // Both comparisons always run, so timing does not reveal which secret came close.
  const isProvince = sameSecret(token, secrets.provinceApiKey);
  const isRegistry = sameSecret(token, secrets.registryToken);
  if (isProvince) return 'PROVINCE';
  if (isRegistry) return 'REGISTRY';
  return 'UNRECOGNISED';
}

const roleNames: Record<'PROVINCE' | 'REGISTRY' | 'INSTITUTION' | 'ENDORSER', string> = {
  PROVINCE: 'the province API key',
  REGISTRY: 'the registry service token',
  INSTITUTION: "an institution's recognition key",
  ENDORSER: "an endorser's key",
};

/** Throws UNAUTHENTICATED without valid credentials, FORBIDDEN with credentials of another role. */
export function requireCaller(
  caller: Caller,
  role: 'PROVINCE' | 'REGISTRY' | 'INSTITUTION' | 'ENDORSER',
  action: string,
): void {
  if (caller === role) return;
  const needed = `${action} needs ${roleNames[role]}, sent as "Authorization: Bearer <token>"`;
  if (caller === 'ANONYMOUS') throw unauthenticated(`${needed}; no Authorization header was sent.`);
  if (caller === 'UNRECOGNISED') throw unauthenticated(`${needed}; the credentials sent are not valid.`);
  throw forbidden(`${needed}; the token sent is ${roleNames[caller]}, which may not do this.`);
}

/**
 * Throws unless the caller holds `institution`'s recognition key: UNAUTHENTICATED
 * without valid credentials, FORBIDDEN with the province's or registry's token
 * or another institution's key (an institution only ever decides for itself).
 */
export function requireInstitution(
  caller: Caller,
  callerInstitution: string | null,
  institution: string,
  action: string,
): void {
  if (caller === 'INSTITUTION' && callerInstitution === institution) return;
  const needed = `${action} needs ${JSON.stringify(institution)}'s recognition key, sent as "Authorization: Bearer <key>"`;
  if (caller === 'ANONYMOUS') throw unauthenticated(`${needed}; no Authorization header was sent.`);
  if (caller === 'UNRECOGNISED') throw unauthenticated(`${needed}; the credentials sent are not valid.`);
  if (caller === 'INSTITUTION') {
    throw forbidden(
      `${needed}; the key sent is ${JSON.stringify(callerInstitution)}'s, which may not record decisions for another institution.`,
    );
  }
  throw forbidden(`${needed}; the token sent is ${roleNames[caller]}, which may not do this.`);
}
