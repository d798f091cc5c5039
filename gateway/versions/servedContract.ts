/**
 * A contract version as one institution serves it: the version's schema
 * without the optional-part fields and types its SDL leaves out
 * (runtime/catalogueOptionalParts.ts). Requests are cut down to this schema
 * (requestForContract), so an institution that does not report outcomes is
 * never asked `MicroCredential.outcomes`: the client gets null for it, as the
 * contract says ("not reported"), instead of an error. Its answers are held to
 * it too.
 *
 * One object per (version, items left out), shared by every institution that
 * serves the same: the rewritten operations are cached per schema object
 * (downgradeOperation.ts), so they are cached per version and parts as well.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { optionalPartOf, withoutContractItems } from '../../runtime/catalogueOptionalParts.js';
import type { CatalogueContract } from './catalogueContracts.js';

const served = new WeakMap<CatalogueContract, Map<string, CatalogueContract>>();
/** The combinations are few in practice; a hostile institution cycling through them cannot grow this without limit. */
const maxPerVersion = 32;

/** `contract` without `leftOut` (optional field coordinates and type names); `contract` itself when nothing is left out. */
export function servedContract(contract: CatalogueContract, leftOut: readonly string[]): CatalogueContract {
  if (leftOut.length === 0) return contract;
  const items = [...new Set(leftOut)].sort();
  const key = items.join(' ');
  let known = served.get(contract);
  if (!known) {
    known = new Map();
    served.set(contract, known);
  }
  let result = known.get(key);
  if (!result) {
    if (known.size >= maxPerVersion) known.clear();
    const typeDefs = withoutContractItems(contract.typeDefs, items);
    const partsLeftOut = [...new Set(items.map((item) => optionalPartOf(item)?.name ?? item))].sort();
    result = { version: contract.version, typeDefs, schema: buildSubgraphSchema({ typeDefs }), partsLeftOut };
    known.set(key, result);
  }
  return result;
}

/** `1.1`, or `1.1 without the optional outcomes part`: how messages and logs name what an institution serves. */
export function describeServedContract(contract: CatalogueContract): string {
  const parts = contract.partsLeftOut ?? [];
  if (parts.length === 0) return contract.version;
  const names = parts.join(' and ');
  return `${contract.version} without the optional ${names} part${parts.length > 1 ? 's' : ''}`;
}
