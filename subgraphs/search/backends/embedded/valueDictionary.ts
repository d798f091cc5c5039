/**
 * Interns the values of one facet field as small integers, so columns hold
 * numbers and facet counting is a pass over typed arrays. Spellings that are
 * the same facet value (query/facetValue.ts) share one id, labelled with the
 * first spelling seen. Values are never forgotten (a value nobody carries any
 * more just counts zero; a rebuild starts a fresh dictionary).
 */
import { facetKey } from '../../query/facetValue.js';

export class ValueDictionary {
  /** The label of each id. */
  readonly values: string[] = [];
  /** Exact spelling → id: the common case skips normalisation. */
  private readonly ids = new Map<string, number>();
  private readonly idsByKey = new Map<string, number>();

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const key = facetKey(value);
      id = this.idsByKey.get(key);
      if (id === undefined) {
        id = this.values.length;
        this.values.push(value);
        this.idsByKey.set(key, id);
      }
      this.ids.set(value, id);
    }
    return id;
  }

  /** Membership table of the ids that are the same facet value as one of `values` (as Meilisearch's `=`). */
  membership(values: readonly string[]): Uint8Array {
    const table = new Uint8Array(Math.max(1, this.values.length));
    for (const value of values) {
      const id = this.idsByKey.get(facetKey(value));
      if (id !== undefined) table[id] = 1;
    }
    return table;
  }
}
