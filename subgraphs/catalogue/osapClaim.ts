/**
 * The OSAP for Micro-credentials rule, enforced when an entry is published.
 *
 * OSAP funds micro-credentials that run under 12 weeks, have 5 to 300
 * instructional hours, carry a CIP code and name at most three NOC codes
 * (2022–23 guidelines, see docs). Claiming `osapEligible` outside these rules
 * blocks publication unless the province has attested an exception: a current
 * OSAP approval of this entry with a `ruleException`, in force today.
 *
 * Why ask the province at publish time: the province's attestation is the
 * only source of an exception, and the institution must not be able to grant
 * itself one (a field in its own entry would be exactly that). The catalogue
 * reads `osapApprovals` from the directory's public GraphQL API
 * (`PROVINCE_GRAPHQL_URL`, normally the gateway), only for entries that break
 * the rule, so ordinary publishing never depends on the province being up.
 * When the approvals cannot be read, the claim is refused (fail closed) with
 * OSAP_EXCEPTION_UNCONFIRMED, which says to retry. This reference catalogue
 * blocks for the institution's own sake; the directory never relies on it:
 * what it shows as OSAP-approved comes from the province's attestation alone.
 */
import { isCipCode } from './formats.js';
import { microCredentialId } from './ids.js';
import type { PublishingProblem } from './parents.js';
import { GraphQLCallError, postGraphQL } from '../../runtime/graphqlClient.js';

/** What the rule reads of an entry. */
export interface OsapClaim {
  osapEligible: boolean;
  durationWeeks: number;
  instructionalHours: number;
  cip: { code: string } | null | undefined;
  occupations: readonly unknown[];
}

/** The province's answer for one entry: only an exception in force lifts the rule. */
export interface OsapException {
  reference: string;
  ruleException: string;
}

/** Exceptions in force by micro-credential id; throws when the province cannot be asked. */
export type OsapExceptionLookup = (ids: readonly string[]) => Promise<Map<string, OsapException>>;

/** Checks this institution's entries about to be published, by slug; resolves with what blocks them. */
export type OsapClaimCheck = (
  entries: ReadonlyArray<{ slug: string; entry: OsapClaim; line?: number }>,
) => Promise<PublishingProblem[]>;

export const osapWeeksBelow = 12;
export const osapHours = { min: 5, max: 300 } as const;
export const osapMaxNocCodes = 3;

/** Where a claimed entry breaks the rule; empty when it does not claim OSAP or meets the rule. Pure. */
export function osapRuleBreaches(entry: OsapClaim): Array<{ path: Array<string | number>; message: string }> {
  if (entry.osapEligible !== true) return [];
  const breaches: Array<{ path: Array<string | number>; message: string }> = [];
  if (!(entry.durationWeeks < osapWeeksBelow))
    breaches.push({
      path: ['durationWeeks'],
      message: `is ${entry.durationWeeks}; OSAP needs under ${osapWeeksBelow} weeks`,
    });
  if (!(entry.instructionalHours >= osapHours.min && entry.instructionalHours <= osapHours.max))
    breaches.push({
      path: ['instructionalHours'],
      message: `is ${entry.instructionalHours}; OSAP needs ${osapHours.min} to ${osapHours.max} hours`,
    });
  if (!entry.cip || !isCipCode(entry.cip.code))
    breaches.push({ path: ['cip', 'code'], message: 'is missing; OSAP needs a CIP code' });
  if (entry.occupations.length > osapMaxNocCodes)
    breaches.push({
      path: ['occupations'],
      message: `names ${entry.occupations.length} NOC codes; OSAP allows at most ${osapMaxNocCodes}`,
    });
  return breaches;
}

export function osapClaimCheck(institution: string, lookup: OsapExceptionLookup): OsapClaimCheck {
  return async (entries) => {
    const breaking = entries.flatMap(({ slug, entry, line }) => {
      const breaches = osapRuleBreaches(entry);
      return breaches.length > 0 ? [{ id: microCredentialId(institution, slug), line, breaches }] : [];
    });
    if (breaking.length === 0) return [];
    let exceptions: Map<string, OsapException>;
    try {
      exceptions = await lookup(breaking.map(({ id }) => id));
    } catch (error) {
      return breaking.map(({ line }) => ({
        code: 'OSAP_EXCEPTION_UNCONFIRMED',
        path: ['osapEligible'],
        ...(line === undefined ? {} : { line }),
        message:
          `claims OSAP eligibility outside the OSAP micro-credential rules, and the province's exceptions could not be read ` +
          `(${(error as Error).message}); nothing was published: try again later, or publish with osapEligible false`,
      }));
    }
    return breaking.flatMap(({ id, line, breaches }) =>
      exceptions.has(id)
        ? []
        : breaches.map((breach) => ({
            code: 'OSAP_RULE_NOT_MET',
            path: breach.path,
            ...(line === undefined ? {} : { line }),
            message: `${breach.message}. osapEligible is claimed, and the province has attested no exception for ${id}: meet the rule, set osapEligible to false, or ask the province for an exception`,
          })),
    );
  };
}

const approvalsQuery = `query OsapExceptions($ids: [ID!]!) {
  osapApprovals(microCredentialIds: $ids) { microCredentialId reference ruleException inForce }
}`;

/**
 * Reads exceptions from the directory's public API at `url()` (undefined: not
 * configured, every lookup fails). Bounded in time and size; the answer is
 * checked, never trusted: only the ids asked for count.
 */
export function provinceOsapExceptions(url: () => string | undefined, timeoutMs = 5_000): OsapExceptionLookup {
  return async (ids) => {
    const endpoint = url();
    if (!endpoint) throw new Error('this catalogue has no PROVINCE_GRAPHQL_URL to read them from');
    const asked = new Set(ids);
    const answer = await postGraphQL({
      url: endpoint,
      body: { query: approvalsQuery, variables: { ids: [...asked] } },
      timeoutMs,
      maxBytes: 1_000_000,
    }).catch((error: unknown) => {
      const detail = error instanceof GraphQLCallError ? `${error.failure}: ${error.detail}` : 'no answer';
      throw new Error(`the directory did not answer (${detail})`);
    });
    const approvals = answer.data?.osapApprovals;
    if (!Array.isArray(approvals)) throw new Error('the directory answered without approvals');
    const exceptions = new Map<string, OsapException>();
    for (const approval of approvals as Array<Record<string, unknown>>) {
      const { microCredentialId: id, reference, ruleException, inForce } = approval ?? {};
      if (
        typeof id === 'string' &&
        asked.has(id) &&
        inForce === true &&
        typeof ruleException === 'string' &&
        typeof reference === 'string'
      )
        exceptions.set(id, { reference, ruleException });
    }
    return exceptions;
  };
}
