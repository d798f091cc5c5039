/**
 * Optional parts of the catalogue contract: an institution may leave a whole
 * part out and still conform; the directory then shows that part as "not
 * reported" for it. Implementing a part halfway, or differently, still breaks
 * the contract: only the removal of the part's own fields and types is
 * forgiven, never a change to them.
 *
 * Outcomes (schema/catalogue.graphql, "Outcomes"): aggregate outcome reports.
 */
import { BreakingChangeType, type BreakingChange } from 'graphql';

export const outcomesPart = {
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

const optionalFields = new Set(outcomesPart.fields);
const optionalTypes = new Set(outcomesPart.types);

/** Whether a breaking change is only the absence of an optional part's field or type. */
export function isOptionalPartLeftOut(change: BreakingChange): boolean {
  const subject = /^(\S+) was removed\.$/.exec(change.description)?.[1];
  if (subject === undefined) return false;
  if (change.type === BreakingChangeType.FIELD_REMOVED) return optionalFields.has(subject);
  if (change.type === BreakingChangeType.TYPE_REMOVED) return optionalTypes.has(subject);
  return false;
}
