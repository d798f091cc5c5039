/**
 * Contract 1.1's PublishingProblemCode enum beside the 1.0 `code` string, against the gateway's
 * version machinery (pure, no servers): a 1.0 institution is never asked for the enum field and its
 * answer stays valid, while a 1.1 institution's enum values are held to the contract like any other.
 */
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { answerPlan } from '../../gateway/datasources/answerPlan.js';
import { checkAnswer } from '../../gateway/datasources/checkAnswer.js';
import { withOwnershipProof } from '../../gateway/datasources/ownership.js';
import { loadCatalogueContracts } from '../../gateway/versions/catalogueContracts.js';
import { requestForContract } from '../../gateway/versions/requestForContract.js';
import { publishingProblemCodeValues } from '../../subgraphs/catalogue/generated/enums.js';
import { entryProblemCodes, requestProblemCodes } from '../../subgraphs/catalogue/problemCodes.js';

const contracts = loadCatalogueContracts();
const current = contracts[0]!;
const v10 = contracts.find((contract) => contract.version === '1.0')!;
const publish = `mutation($id: ID!) { publishMicroCredential(id: $id, expectedVersion: 1) {
  problems { code problem path message } } }`;

/** What the gateway sends an institution on `contract` for `publish`, and how it checks the answer. */
function sentTo(contract: typeof current) {
  const request = requestForContract(
    'examplecollege',
    { query: publish, variables: { id: 'examplecollege:a' } },
    contract,
    current.schema,
  );
  const sent = withOwnershipProof(request.query, current.schema);
  const check = (data: object) =>
    checkAnswer(data as Record<string, unknown>, answerPlan(sent.text, sent.document, contract.schema), {
      institution: 'examplecollege',
      variables: request.variables ?? {},
    }).map((error) => error.extensions?.reason);
  return { text: sent.text, check };
}
const problem = { code: 'REQUIRED', path: ['title'], message: 'is required' };

describe('PublishingProblem.problem, the enum beside the string', () => {
  it('is cut from what a 1.0 institution is asked, whose answer with only `code` is valid', () => {
    const { text, check } = sentTo(v10);
    expect(text).not.toMatch(/\bproblem\b(?!s)/);
    expect(text).toContain('code');
    expect(validate(v10.schema, parse(text))).toEqual([]);
    expect(check({ publishMicroCredential: { problems: [problem] } })).toEqual([]);
  });

  it('is asked of a 1.1 institution, held to the enum: a value outside it is discarded as invalid', () => {
    const { text, check } = sentTo(current);
    expect(text).toMatch(/\bproblem\b(?!s)/);
    expect(check({ publishMicroCredential: { problems: [{ ...problem, problem: 'REQUIRED' }] } })).toEqual([]);
    expect(check({ publishMicroCredential: { problems: [{ ...problem, problem: 'NOT_A_CODE' }] } })).not.toEqual([]);
  });

  it('lists exactly the codes the reference catalogue reports (the TypeScript union is generated from it)', () => {
    expect(publishingProblemCodeValues).toEqual(expect.arrayContaining([...entryProblemCodes, ...requestProblemCodes]));
    expect(new Set(publishingProblemCodeValues).size).toBe(publishingProblemCodeValues.length);
  });
});
