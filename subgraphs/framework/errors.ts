import { GraphQLError } from 'graphql';
import type { Problem } from '../../runtime/checker.js';
import { fieldName } from '../../runtime/problemPath.js';
import type { FrameworkProblemCode } from './problemCodes.js';

/** One thing wrong with a framework write input (runtime/checker.ts), e.g. `['input', 'website']`, INVALID_URL. */
export type InputProblem = Problem<FrameworkProblemCode>;

/**
 * Every problem with an input at once, so the caller can fix them in one go.
 * Each item of `extensions.problems` has `field` (the path as text, e.g.
 * `input.languages[2]`), `path` (the same as an array), `code` and `message`.
 * The error's `code` is BAD_USER_INPUT unless one problem needs a different
 * kind of fix (e.g. INSTITUTION_ALREADY_REGISTERED: use updateInstitution instead).
 */
export function inputRefused(problems: readonly InputProblem[], code = 'BAD_USER_INPUT'): GraphQLError {
  const listed = problems.map((problem) => `${fieldName(problem.path)} ${problem.message}`).join('; ');
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  return new GraphQLError(`The input has ${count}, nothing was written: ${listed}`, {
    extensions: {
      code,
      problems: problems.map(({ path, code, message }) => ({ field: fieldName(path), path, code, message })),
    },
  });
}
