/**
 * Optional parts of the catalogue contract: an institution may leave a whole
 * part out and still conform; the directory then shows that part as "not
 * reported" for it. Shared by the gateway (which learns from an institution's
 * SDL what it left out, gateway/registry/optionalParts.ts, and asks it only for
 * the rest) and the reference catalogue (which can be run without a part).
 *
 * Outcomes (schema/catalogue.graphql, "Outcomes"): aggregate outcome reports.
 */
import { Kind, type DefinitionNode, type DocumentNode, type FieldDefinitionNode } from 'graphql';

export interface OptionalPart {
  readonly name: string;
  /** `Type.field` coordinates. */
  readonly fields: readonly string[];
  readonly types: readonly string[];
}

export const outcomesPart: OptionalPart = {
  name: 'outcomes',
  fields: ['Query.outcomeReports', 'Mutation.reportOutcomes', 'Mutation.importOutcomes', 'MicroCredential.outcomes'],
  types: [
    'OutcomeReportPage',
    'OutcomeReportPayload',
    'OutcomeReport',
    'ReportingPeriod',
    'OutcomeProvenance',
    'SatisfactionOutcome',
    'FollowUpOutcome',
    'OutcomeSource',
    'OutcomeCell',
    'OutcomeReportInput',
    'ReportingPeriodInput',
    'OutcomeProvenanceInput',
    'SatisfactionOutcomeInput',
    'FollowUpOutcomeInput',
  ],
};

export const optionalParts: readonly OptionalPart[] = [outcomesPart];

/** The part a field coordinate or type name belongs to, if it is optional. */
export function optionalPartOf(item: string): OptionalPart | undefined {
  return optionalParts.find((part) => part.fields.includes(item) || part.types.includes(item));
}

/** The part named `name`; a clear error for a name that is no optional part (a setting's typo, say). */
export function optionalPartNamed(name: string): OptionalPart {
  const part = optionalParts.find((candidate) => candidate.name === name);
  if (!part) {
    const known = optionalParts.map((candidate) => candidate.name).join(', ');
    throw new Error(`"${name}" is not an optional part of the catalogue contract (known: ${known})`);
  }
  return part;
}

/**
 * `typeDefs` without the given fields (`Type.field`) and types: the SDL an
 * institution serves when it leaves those out. A type extension left with
 * nothing (the part's `extend type Query { … }`) goes too.
 */
export function withoutContractItems(typeDefs: DocumentNode, leftOut: readonly string[]): DocumentNode {
  if (leftOut.length === 0) return typeDefs;
  const items = new Set(leftOut);
  const definitions = typeDefs.definitions.flatMap((definition): DefinitionNode[] => {
    if (!('name' in definition) || !definition.name) return [definition];
    const typeName = definition.name.value;
    if (items.has(typeName)) return [];
    if (!('fields' in definition) || !definition.fields) return [definition];
    const fields = (definition.fields as readonly FieldDefinitionNode[]).filter(
      (field) => !items.has(`${typeName}.${field.name.value}`),
    );
    if (fields.length === definition.fields.length) return [definition];
    const isEmptyExtension =
      definition.kind === Kind.OBJECT_TYPE_EXTENSION &&
      fields.length === 0 &&
      !definition.directives?.length &&
      !definition.interfaces?.length;
    return isEmptyExtension ? [] : [{ ...definition, fields } as DefinitionNode];
  });
  // Without `loc`: its source text is the whole contract, and a schema cached by source text
  // (runtime/startSubgraph.ts) would be the whole contract again.
  return { kind: typeDefs.kind, definitions };
}

/** `typeDefs` without the named parts. */
export function withoutOptionalParts(typeDefs: DocumentNode, parts: readonly OptionalPart[]): DocumentNode {
  return withoutContractItems(
    typeDefs,
    parts.flatMap((part) => [...part.fields, ...part.types]),
  );
}
