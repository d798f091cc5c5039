/**
 * Interns the values of one facet field as small integers, so columns hold
 * numbers and facet counting is a pass over typed arrays. Values are never
 * forgotten (a value nobody carries any more just counts zero).
 */
export class ValueDictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly idsByLowerCase = new Map<string, number[]>();

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
      const lower = value.toLowerCase();
      this.idsByLowerCase.set(lower, [...(this.idsByLowerCase.get(lower) ?? []), id]);
    }
    return id;
  }

  /** Membership table of the ids whose value equals one of `values`, ignoring case (as Meilisearch's `=`). */
  membership(values: readonly string[]): Uint8Array {
    const table = new Uint8Array(Math.max(1, this.values.length));
    for (const value of values) {
      for (const id of this.idsByLowerCase.get(value.toLowerCase()) ?? []) table[id] = 1;
    }
    return table;
  }
}
