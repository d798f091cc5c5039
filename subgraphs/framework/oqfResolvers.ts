/**
 * The OQF part of the schema: the framework's categories, and the alignment
 * of each micro-credential's workload, computed from the `instructionalHours`
 * the gateway passes in the entity representation.
 */
import { GraphQLError } from 'graphql';
import { badUserInput } from '../../runtime/graphqlErrors.js';
import type { Resolvers } from './generated/resolvers.js';
import { alignToOqf, InvalidHoursError, oqfLevel, oqfLevels } from './oqf.js';
import type { MicroCredentialReference } from './parents.js';

/** An entity representation as sent by the gateway: any JSON, checked before use. */
interface UntrustedReference {
  id?: unknown;
  instructionalHours?: unknown;
}

export const oqfResolvers: Resolvers = {
  Query: {
    oqfLevels: () => [...oqfLevels],
    oqfLevel: (_root, { number }) => oqfLevel(number),
    oqfAlignmentForHours: (_root, { hours }) => {
      try {
        return alignToOqf(hours);
      } catch (error) {
        if (error instanceof InvalidHoursError) throw badUserInput(error.message, 'hours');
        throw error;
      }
    },
  },

  MicroCredential: {
    // Nothing to look up: the representation carries all this subgraph needs.
    // A reference without a usable id is not an entity this subgraph can answer for.
    __resolveReference: (reference: UntrustedReference): MicroCredentialReference | null =>
      typeof reference.id === 'string' && reference.id !== ''
        ? { id: reference.id, instructionalHours: reference.instructionalHours }
        : null,
    oqfAlignment: (microCredential) => {
      try {
        return alignToOqf(microCredential.instructionalHours);
      } catch (error) {
        if (!(error instanceof InvalidHoursError)) throw error;
        // The owning institution sent bad data: fail this entry's alignment only.
        throw new GraphQLError(`Cannot align ${microCredential.id} to the OQF: its ${error.message}.`, {
          extensions: { code: 'INVALID_INSTRUCTIONAL_HOURS', microCredentialId: microCredential.id },
        });
      }
    },
  },
};
