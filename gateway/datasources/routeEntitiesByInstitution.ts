/**
 * Splits one `_entities` fetch by the institution in each representation's
 * key, asks the owners in parallel, and rebuilds the answer in the original
 * order and length. An institution that fails loses only its own items; what
 * each item may contain was already checked against its representation
 * (checkAnswer).
 */
import type { GraphQLFormattedError } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { InstitutionCallError, type GraphQLRequestBody, type InstitutionAnswer } from './institutionClient.js';
import { institutionOfRepresentation } from './ownership.js';
import { fromInstitution, institutionFailure, unroutable } from './shardErrors.js';

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
        for (const index of indices) errors.push(institutionFailure(error, ['_entities', index]));
        return;
      }
      const answered = answer.data?._entities;
      if (!Array.isArray(answered) || answered.length !== indices.length) {
        const problem = new InstitutionCallError(
          institution,
          'MALFORMED_RESPONSE',
          `expected ${indices.length} entities, got ${Array.isArray(answered) ? answered.length : 'none'}`,
        );
        for (const index of indices) errors.push(institutionFailure(problem, ['_entities', index]));
        errors.push(...answer.errors.map((error) => fromInstitution(error, institution, undefined)));
        return;
      }
      indices.forEach((index, position) => {
        entities[index] = answered[position];
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
