import { GraphQLError } from 'graphql';

/** One thing wrong with an input, named by its path, e.g. `input.website`. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Every problem with an input at once, so the caller can fix them in one go.
 * `code` is BAD_USER_INPUT unless one problem needs a different kind of fix
 * (e.g. INSTITUTION_ALREADY_REGISTERED: use updateInstitution instead).
 */
export function inputRefused(problems: InputProblem[], code = 'BAD_USER_INPUT'): GraphQLError {
  const listed = problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new GraphQLError(`The input has ${count}, nothing was written: ${listed}`, {
    extensions: { code, problems },
  });
}
