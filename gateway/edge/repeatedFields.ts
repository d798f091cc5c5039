/**
 * Refuses a selection set that asks for the same response key more than
 * `maxRepeats` times (`{ total total total … }`), counting fields reached
 * through fragments at the same level, as GraphQL merges them.
 *
 * Hand-written because graphql-armor has no such limit, and graphql-js's own
 * OverlappingFieldsCanBeMerged rule compares every pair of fields with one
 * response key: 4,000 repeated `total` fields made validation and query
 * planning run for ~10 s. This check is linear (each fragment's top level is
 * counted once) and runs before graphql-js's rules.
 */
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext } from 'graphql';

export interface RepeatedFieldsOptions {
  maxRepeats: number;
  onRefused(error: GraphQLError): void;
}

export function repeatedFieldsRule(options: RepeatedFieldsOptions) {
  return (context: ValidationContext): ASTVisitor => {
    const fragmentKeys = new Map<string, Map<string, number>>();

    /** Response keys of a selection set's own level, with fragments at that level folded in. */
    const keysOf = (set: SelectionSetNode, counts = new Map<string, number>()): Map<string, number> => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          keysOf(selection.selectionSet, counts);
        } else {
          for (const [key, count] of keysOfFragment(selection.name.value))
            counts.set(key, (counts.get(key) ?? 0) + count);
        }
      }
      return counts;
    };

    const keysOfFragment = (name: string): Map<string, number> => {
      const known = fragmentKeys.get(name);
      if (known) return known;
      fragmentKeys.set(name, new Map()); // a cycle is refused later by validation
      const fragment = context.getFragment(name);
      const counts = fragment ? keysOf(fragment.selectionSet) : new Map<string, number>();
      fragmentKeys.set(name, counts);
      return counts;
    };

    const check = (set: SelectionSetNode): boolean => {
      for (const [key, count] of keysOf(set)) {
        if (count > options.maxRepeats) {
          options.onRefused(
            new GraphQLError(
              `"${key}" is selected ${count} times at one level; at most ${options.maxRepeats} are accepted. Select each field once.`,
              { extensions: { code: 'TOO_MANY_REPEATED_FIELDS', field: key, count, limit: options.maxRepeats } },
            ),
          );
          return false;
        }
      }
      return true;
    };

    let refused = false;
    return {
      SelectionSet: (set: SelectionSetNode) => {
        if (refused) return false;
        refused = !check(set);
        return undefined;
      },
    };
  };
}
