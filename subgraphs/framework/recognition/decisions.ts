/**
 * The decisions in force on a given day, as a graph of links between
 * learning items: each equivalency decision is one link, and each pair of
 * members of a common-core entry is a link both ways. Withdrawn or expired
 * decisions, and decisions under an agreement that is not in force, are left
 * out, so nothing downstream (recognitions, inference, pathways) can lean on them.
 */
import type { FrameworkDatabase } from '../db/connection.js';
import {
  findAgreementsByIds,
  listCommonCoreEntries,
  listCommonCoreMembers,
  listEquivalencies,
} from '../db/recognitionStore.js';
import type { AgreementRow, CommonCoreEntryRow, EquivalencyRow } from '../db/recognitionSchema.js';
import { itemKey, type DecidedLink, type LearningItemRef } from './model.js';

export interface DecisionGraph {
  asOf: string;
  links: DecidedLink[];
  /** Links whose `from` is the item, by item key. */
  outgoing: Map<string, DecidedLink[]>;
  /** Links whose `for` is the item, by item key. */
  incoming: Map<string, DecidedLink[]>;
  /** Common-core entries a micro-credential belongs to, with when it was mapped. */
  membershipsOf: Map<string, Array<{ entry: CommonCoreEntryRow; mappedAt: Date }>>;
  membersOf: Map<string, string[]>;
}

export function agreementInForce(agreement: AgreementRow, asOf: string): boolean {
  return (
    agreement.status === 'ACTIVE' &&
    agreement.dateEffective <= asOf &&
    (agreement.expirationDate === null || asOf <= agreement.expirationDate)
  );
}

export function equivalencyInForce(
  equivalency: EquivalencyRow,
  agreement: AgreementRow | null | undefined,
  asOf: string,
): boolean {
  if (equivalency.status !== 'ACTIVE' || equivalency.startDate > asOf) return false;
  if (equivalency.endDate !== null && asOf > equivalency.endDate) return false;
  if (equivalency.agreementId === null) return true;
  return agreement != null && agreementInForce(agreement, asOf);
}

export function fromItem(row: EquivalencyRow): LearningItemRef {
  return { kind: row.fromKind, ref: row.fromRef, title: row.fromTitle };
}

export function forItem(row: EquivalencyRow): LearningItemRef {
  return { kind: row.forKind, ref: row.forRef, title: row.forTitle };
}

export function microCredentialItem(id: string): LearningItemRef {
  return { kind: 'MICRO_CREDENTIAL', ref: id, title: null };
}

export async function loadDecisionGraph(db: FrameworkDatabase, asOf: string): Promise<DecisionGraph> {
  const [entries, members, equivalencyRows] = await Promise.all([
    listCommonCoreEntries(db),
    listCommonCoreMembers(db),
    listEquivalencies(db),
  ]);
  const agreementIds = [...new Set(equivalencyRows.flatMap((row) => (row.agreementId ? [row.agreementId] : [])))];
  const agreementsById = new Map((await findAgreementsByIds(db, agreementIds)).map((row) => [row.id, row]));
  return buildDecisionGraph(asOf, entries, members, equivalencyRows, agreementsById);
}

export function buildDecisionGraph(
  asOf: string,
  entries: CommonCoreEntryRow[],
  members: Array<{ entryCode: string; microCredentialId: string; mappedAt: Date }>,
  equivalencyRows: EquivalencyRow[],
  agreementsById: Map<string, AgreementRow>,
): DecisionGraph {
  const graph: DecisionGraph = {
    asOf,
    links: [],
    outgoing: new Map(),
    incoming: new Map(),
    membershipsOf: new Map(),
    membersOf: new Map(),
  };
  const add = (link: DecidedLink) => {
    graph.links.push(link);
    push(graph.outgoing, itemKey(link.from), link);
    push(graph.incoming, itemKey(link.for), link);
  };
  for (const row of equivalencyRows) {
    const agreement = row.agreementId ? agreementsById.get(row.agreementId) : null;
    if (equivalencyInForce(row, agreement, asOf))
      add({ basis: 'AGREEMENT', from: fromItem(row), for: forItem(row), equivalency: row });
  }
  const entriesByCode = new Map(entries.map((entry) => [entry.code, entry]));
  for (const member of members) {
    const entry = entriesByCode.get(member.entryCode);
    if (!entry) continue;
    push(graph.membersOf, entry.code, member.microCredentialId);
    push(graph.membershipsOf, member.microCredentialId, { entry, mappedAt: member.mappedAt });
  }
  for (const [code, ids] of graph.membersOf) {
    const entry = entriesByCode.get(code)!;
    for (const a of ids) {
      for (const b of ids) {
        if (a !== b) add({ basis: 'COMMON_CORE', from: microCredentialItem(a), for: microCredentialItem(b), entry });
      }
    }
  }
  return graph;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
