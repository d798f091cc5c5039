/**
 * The errors the sharded catalogue adds to a response. Each names the
 * institution it concerns (`extensions.institution`) so a client can tell
 * whose data is missing while everyone else's is intact.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { InstitutionCallError } from './institutionClient.js';

type Path = ReadonlyArray<string | number>;

export function institutionFailure(error: InstitutionCallError, path: Path): GraphQLFormattedError {
  const code =
    error.failure === 'UNKNOWN_INSTITUTION'
      ? 'UNKNOWN_INSTITUTION'
      : error.failure === 'NOT_CONFORMING'
        ? 'INSTITUTION_NOT_CONFORMING'
        : error.failure === 'WRITE_OUTCOME_UNKNOWN' || error.failure === 'CONTRACT_VERSION_UNSUPPORTED'
          ? error.failure
          : 'INSTITUTION_UNAVAILABLE';
  return {
    message: error.message,
    path,
    extensions: { code, institution: error.institution, reason: error.failure },
  };
}

export function unroutable(message: string, path: Path): GraphQLFormattedError {
  return { message, path, extensions: { code: 'UNROUTABLE_REQUEST' } };
}

/** An error an institution reported, moved to `path` and labelled with the institution. */
export function fromInstitution(
  error: GraphQLFormattedError,
  institution: string,
  path: Path | undefined,
): GraphQLFormattedError {
  return {
    message: typeof error.message === 'string' ? error.message : 'Unknown error',
    ...(path ? { path } : {}),
    extensions: { ...(isPlainObject(error.extensions) ? error.extensions : {}), institution },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
