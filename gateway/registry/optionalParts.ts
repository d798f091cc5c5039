/**
 * What of the catalogue contract's optional parts (runtime/catalogueOptionalParts.ts)
 * an institution's SDL leaves out. Leaving a part's fields and types out still
 * conforms; implementing them differently does not: only the removal of the
 * part's own fields and types is forgiven, never a change to them.
 */
import { BreakingChangeType, type BreakingChange } from 'graphql';
import { optionalParts } from '../../runtime/catalogueOptionalParts.js';

const optionalFields = new Set(optionalParts.flatMap((part) => part.fields));
const optionalTypes = new Set(optionalParts.flatMap((part) => part.types));

/** The optional field coordinate or type a breaking change only leaves out; undefined for any other change. */
export function optionalItemLeftOut(change: BreakingChange): string | undefined {
  const subject = /^(\S+) was removed\.$/.exec(change.description)?.[1];
  if (subject === undefined) return undefined;
  if (change.type === BreakingChangeType.FIELD_REMOVED && optionalFields.has(subject)) return subject;
  if (change.type === BreakingChangeType.TYPE_REMOVED && optionalTypes.has(subject)) return subject;
  return undefined;
}
