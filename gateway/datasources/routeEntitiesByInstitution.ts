/**
 * Splits one `_entities` fetch by the institution in each representation's
 * key, asks the owners in parallel, and rebuilds the answer in the original
 * order and length. An institution that fails, or answers for something it
 * was not asked about, loses only its own items.
 */
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { InstitutionCallError, type GraphQLRequestBody, type InstitutionAnswer } from './institutionClient.js';
import {
  claimedKey,
  institutionOfRepresentation,
  keyOfRepresentation,
  stripAndFindForeignEntities,
} from './ownership.js';
import { fromInstitution, impersonation, institutionFailure, unroutable } from './shardErrors.js';

export type AskInstitution = (institution: string, body: GraphQLRequestBody) => Promise<InstitutionAnswer>;

export async function routeEntitiesByInstitution(
  body: GraphQLRequestBody & { variables: { representations: unknown[] } },
  ask: AskInstitution,
): Promise<GatewayGraphQLResponse> {
  const { representations } = body.variables;
  const entities: unknown[] = representations.map(() => null);
  const errors: GraphQLFormattedError[] = [];

  const indicesByInstitution = new Map<string, number[]>();
  representations.forEach((representation, index) => {
    const institution = institutionOfRepresentation(representation);
    if (!institution) {
      errors.push(
        unroutable('This reference carries no institution in its key, so no catalogue owns it.', ['_entities', index]),
      );
      return;
    }
    indicesByInstitution.set(institution, [...(indicesByInstitution.get(institution) ?? []), index]);
  });

  await Promise.all(
    [...indicesByInstitution].map(async ([institution, indices]) => {
      const variables = { ...body.variables, representations: indices.map((i) => representations[i]) };
      let answer: InstitutionAnswer;
      try {
        answer = await ask(institution, { ...body, variables });
      } catch (error) {
        if (!(error instanceof InstitutionCallError)) throw error;
        indices.forEach((index) => errors.push(institutionFailure(error, ['_entities', index])));
        return;
      }
      const answered = answer.data?._entities;
      if (!Array.isArray(answered) || answered.length !== indices.length) {
        const problem = new InstitutionCallError(
          institution,
          'MALFORMED_RESPONSE',
          `expected ${indices.length} entities, got ${Array.isArray(answered) ? answered.length : 'none'}`,
        );
        indices.forEach((index) => errors.push(institutionFailure(problem, ['_entities', index])));
        errors.push(...answer.errors.map((error) => fromInstitution(error, institution, undefined)));
        return;
      }
      indices.forEach((index, position) => {
        const result = acceptEntity(answered[position], representations[index] as Record<string, unknown>, institution);
        if (result.error) errors.push(result.error(['_entities', index]));
        else entities[index] = result.entity;
      });
      for (const error of answer.errors) {
        const [head, position, ...rest] = error.path ?? [];
        const index = head === '_entities' && typeof position === 'number' ? indices[position] : undefined;
        errors.push(
          fromInstitution(error, institution, index === undefined ? undefined : ['_entities', index, ...rest]),
        );
      }
    }),
  );
  return errors.length ? { data: { _entities: entities }, errors } : { data: { _entities: entities } };
}

type Accepted =
  | { entity: unknown; error?: undefined }
  | { error: (path: Array<string | number>) => GraphQLFormattedError };

function acceptEntity(item: unknown, representation: Record<string, unknown>, institution: string): Accepted {
  if (item === null) return { entity: null };
  if (typeof item !== 'object' || Array.isArray(item)) {
    const problem = new InstitutionCallError(institution, 'MALFORMED_RESPONSE', 'an entity is not an object');
    return { error: (path) => institutionFailure(problem, path) };
  }
  const claimed = claimedKey(item);
  const foreign = stripAndFindForeignEntities(item, institution);
  const expected = keyOfRepresentation(representation);
  if (claimed?.key !== expected || claimed?.typename !== representation.__typename) {
    return {
      error: (path) =>
        impersonation(
          institution,
          `${claimed?.typename ?? 'an entity'} "${claimed?.key ?? '?'}" instead of "${expected}"`,
          path,
        ),
    };
  }
  if (foreign.length > 0) {
    return { error: (path) => impersonation(institution, `${foreign[0]!.typename} "${foreign[0]!.key}"`, path) };
  }
  return { entity: item };
}
