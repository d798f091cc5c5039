/**
 * Who may write. Public reads need nothing; every write and every owner-only
 * read needs an API key of this institution (Authorization: Bearer <key>),
 * and must name this institution, by `institution` argument or id prefix.
 * Another institution's key is simply unknown here (keys live in each
 * institution's own database), so it can never act for this institution.
 */
import { GraphQLError } from 'graphql';
import type { Context } from './context.js';
import type { ApiKeyCaller } from './db/apiKeys.js';
import { isSlug } from './formats.js';

/** Resolves the caller's key once per request. */
export async function requireCaller(context: Context): Promise<ApiKeyCaller> {
  const caller = await context.caller();
  if (!caller) {
    throw new GraphQLError(
      `This needs an API key of institution "${context.institution}": send "Authorization: Bearer <key>". ` +
        'The key was missing, unknown here, or revoked.',
      { extensions: { code: 'UNAUTHENTICATED' } },
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
    throw new GraphQLError(`"${id}" is not a micro-credential id like "${context.institution}:data-analytics".`, {
      extensions: { code: 'BAD_USER_INPUT', argument: 'id' },
    });
  }
  return { caller, slug };
}

/** The bearer token of an Authorization header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}

function notOurs(context: Context, what: string): GraphQLError {
  return new GraphQLError(
    `This catalogue acts for institution "${context.institution}" only; ${what} belongs to another.`,
    {
      extensions: { code: 'FORBIDDEN' },
    },
  );
}
