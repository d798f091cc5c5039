/**
 * A catalogue request as an institution on an earlier contract version, or one
 * leaving an optional part out, can receive it (downgradeOperation.ts), or a
 * refusal naming what it lacks: CONTRACT_VERSION_UNSUPPORTED, for that
 * institution's part of the answer only. A request to an institution serving
 * the whole current version goes as it is.
 */
import type { GraphQLSchema } from 'graphql';
import {
  InstitutionCallError,
  type GraphQLRequestBody,
  type InstitutionAnswer,
} from '../datasources/institutionClient.js';
import type { CatalogueContract } from './catalogueContracts.js';
import { downgradeOperation, downgradeVariables } from './downgradeOperation.js';
import { describeServedContract } from './servedContract.js';

/** Enough reasons to fix the request; the rest are counted. */
const reportedReasons = 5;

export function requestForContract(
  institution: string,
  body: GraphQLRequestBody,
  contract: CatalogueContract,
  current: GraphQLSchema,
): GraphQLRequestBody {
  if (contract.schema === current) return body;
  const downgrade = downgradeOperation(body.query, current, contract.schema);
  if (downgrade.kind === 'UNSUPPORTED') throw unsupported(institution, contract, downgrade.reasons);
  const variables = downgradeVariables(body.variables ?? {}, downgrade.variablesToCheck, current, contract.schema);
  if (variables.kind === 'UNSUPPORTED') throw unsupported(institution, contract, variables.reasons);
  return { ...body, query: downgrade.query, variables: variables.variables };
}

/**
 * Request errors that mean the institution's schema is not the version the
 * gateway validated the request against (a rollback without downtime, say):
 * no data, and errors without an application code (graphql-js validation
 * errors have none; Apollo Server marks them GRAPHQL_VALIDATION_FAILED).
 * An UNAUTHENTICATED or FORBIDDEN refusal says nothing about the schema.
 */
export function refusedAsInvalid(answer: InstitutionAnswer): boolean {
  return (
    answer.data === null &&
    answer.errors.length > 0 &&
    answer.errors.every((error) => {
      const code = error.extensions?.code;
      return code === undefined || code === 'GRAPHQL_VALIDATION_FAILED';
    })
  );
}

function unsupported(institution: string, contract: CatalogueContract, reasons: readonly string[]) {
  const more = reasons.length > reportedReasons ? `; and ${reasons.length - reportedReasons} more` : '';
  return new InstitutionCallError(
    institution,
    'CONTRACT_VERSION_UNSUPPORTED',
    `it serves catalogue contract ${describeServedContract(contract)}, which lacks what this request sends (${reasons.slice(0, reportedReasons).join('; ')}${more}); nothing was sent`,
  );
}
