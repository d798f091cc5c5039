/**
 * Who may write. Public reads need nothing; every write and every owner-only
 * read needs an API key of this institution (Authorization: Bearer <key>),
 * and must name this institution, by `institution` argument or id prefix.
 * Another institution's key is simply unknown here (keys live in each
 * institution's own database), so it can never act for this institution.
 */
import type { GraphQLError } from 'graphql';
import { badUserInput, forbidden, unauthenticated } from '../../runtime/graphqlErrors.js';
import type { Context } from './context.js';
import type { ApiKeyCaller } from './db/apiKeys.js';
import { isSlug } from './formats.js';

/** Resolves the caller's key once per request. */
export async function requireCaller(context: Context): Promise<ApiKeyCaller> {
  const caller = await context.caller();
  if (!caller) {
    throw unauthenticated(
      `This needs an API key of institution "${context.institution}": send "Authorization: Bearer <key>". ` +
        'The key was missing, unknown here, or revoked.',
    );
  }
  return caller;
}

/** Refuses an `institution` argument other than this catalogue's own. */
export async function requireOwnInstitution(context: Context, institution: string): Promise<ApiKeyCaller> {
  const caller = await requireCaller(context);
  if (institution !== context.institution) throw notOurs(context, `institution "${institution}"`);
  return caller;
}

/** The slug of an id this catalogue owns; refuses ids of other institutions. */
export async function requireOwnId(context: Context, id: string): Promise<{ caller: ApiKeyCaller; slug: string }> {
  const caller = await requireCaller(context);
  const prefix = `${context.institution}:`;
  if (!id.startsWith(prefix)) throw notOurs(context, `id "${id}"`);
  const slug = id.slice(prefix.length);
  if (!isSlug(slug)) {
    throw badUserInput(`"${id}" is not a micro-credential id like "${context.institution}:data-analytics".`, 'id');
  }
  return { caller, slug };
}

function notOurs(context: Context, what: string): GraphQLError {
  return forbidden(`This catalogue acts for institution "${context.institution}" only; ${what} belongs to another.`);
}
