/**
 * Routes the root fields of a catalogue fetch to the institutions they name.
 * Every catalogue root field takes either an `institution` code or a
 * micro-credential `id` whose prefix is the institution. Fields for different
 * institutions are split into separate operations, sent in parallel, and
 * merged back by response key.
 */
import { Kind, type FieldNode, type GraphQLFormattedError, type ValueNode } from 'graphql';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { isInstitutionCode } from '../../runtime/config.js';
import { InstitutionCallError, type GraphQLRequestBody } from './institutionClient.js';
import { institutionOfMicroCredentialId } from '../../runtime/microCredentialId.js';
import type { AskInstitution } from './routeEntitiesByInstitution.js';
import { fromInstitution, institutionFailure, unroutable } from './shardErrors.js';
import { operationForFields, parseOperation } from './splitOperation.js';

export async function routeRootFieldsByInstitution(
  body: GraphQLRequestBody,
  ask: AskInstitution,
): Promise<GatewayGraphQLResponse> {
  const { document, operation } = parseOperation(body.query);
  const variables = body.variables ?? {};
  const data: Record<string, unknown> = {};
  const errors: GraphQLFormattedError[] = [];
  const fieldsByInstitution = new Map<string, FieldNode[]>();

  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) {
      errors.push(unroutable('Fragments at the root of a catalogue fetch cannot be routed.', []));
      continue;
    }
    const key = (selection.alias ?? selection.name).value;
    if (selection.name.value === '__typename') {
      data[key] = operation.operation === 'mutation' ? 'Mutation' : 'Query';
      continue;
    }
    const institution = routingInstitution(selection, variables);
    if (!institution) {
      data[key] = null;
      errors.push(
        unroutable(`"${selection.name.value}" needs an institution code or a micro-credential id like "humber:slug".`, [
          key,
        ]),
      );
      continue;
    }
    fieldsByInstitution.set(institution, [...(fieldsByInstitution.get(institution) ?? []), selection]);
  }

  await Promise.all(
    [...fieldsByInstitution].map(async ([institution, fields]) => {
      const keys = fields.map((field) => (field.alias ?? field.name).value);
      const { query, variableNames } = operationForFields(document, operation, fields);
      const ownVariables = Object.fromEntries(
        variableNames.filter((n) => n in variables).map((n) => [n, variables[n]]),
      );
      try {
        const answer = await ask(institution, { query, variables: ownVariables, operationName: body.operationName });
        for (const key of keys) data[key] = answer.data?.[key] ?? null;
        errors.push(...answer.errors.map((error) => fromInstitution(error, institution, error.path)));
      } catch (error) {
        if (!(error instanceof InstitutionCallError)) throw error;
        for (const key of keys) {
          data[key] = null;
          errors.push(institutionFailure(error, [key]));
        }
      }
    }),
  );
  return errors.length ? { data, errors } : { data };
}

/** The institution a root field is about: its `institution` argument, else the prefix of its `id`. */
function routingInstitution(field: FieldNode, variables: Record<string, unknown>): string | undefined {
  const argument = (name: string) => {
    const node = field.arguments?.find((a) => a.name.value === name)?.value;
    return node ? argumentValue(node, variables) : undefined;
  };
  const institution = argument('institution');
  if (typeof institution === 'string') return isInstitutionCode(institution) ? institution : undefined;
  const id = argument('id');
  const owner = typeof id === 'string' ? institutionOfMicroCredentialId(id) : undefined;
  return owner && isInstitutionCode(owner) ? owner : undefined;
}

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  return undefined;
}
