/**
 * The institution registry part of the schema: public institution data,
 * the province's writes, and the gateway's private routing list.
 */
import { requireCaller } from './authorization.js';
import type { Context } from './context.js';
import { findInstitutions } from './db/institutionStore.js';
import { badUserInput } from '../../runtime/graphqlErrors.js';
import { languageCodeProblem } from './formats.js';
import type { Resolvers } from './generated/resolvers.js';
import { readRegistry, registerInstitution, removeInstitution, updateInstitution } from './registry.js';
import { checkedByWriteValidation, URLScalar } from '../../runtime/scalars.js';

export const institutionResolvers: Resolvers = {
  URL: checkedByWriteValidation(URLScalar),

  Query: {
    institutions: async (_root, { filter }, { db, loaders }) => {
      const language = filter?.language ?? undefined;
      const problem = language === undefined ? undefined : languageCodeProblem(language);
      if (problem) throw badUserInput(`filter.language: ${problem}`, 'filter');
      const rows = await findInstitutions(db, {
        types: filter?.types ?? undefined,
        regions: filter?.regions ?? undefined,
        language,
      });
      for (const row of rows) loaders.institution.prime(row.code, row);
      return rows;
    },
    institution: (_root, { code }, { loaders }) => loaders.institution.load(code),
    institutionRegistry: (_root, _args, { db, caller }) => {
      requireCaller(caller, 'REGISTRY', 'institutionRegistry');
      return readRegistry(db);
    },
  },

  Mutation: {
    registerInstitution: (_root, { input }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'registerInstitution');
      return registerInstitution(db, input);
    },
    updateInstitution: (_root, { code, input }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'updateInstitution');
      return updateInstitution(db, code, input);
    },
    removeInstitution: (_root, { code }, { db, caller }) => {
      requireCaller(caller, 'PROVINCE', 'removeInstitution');
      return removeInstitution(db, code);
    },
  },

  Institution: {
    // The representation is any JSON the gateway sends; only a string code can name an institution.
    __resolveReference: (reference: { code?: unknown }, { loaders }: Context) =>
      typeof reference.code === 'string' ? loaders.institution.load(reference.code) : null,
  },
};
