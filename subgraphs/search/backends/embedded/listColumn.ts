/**
 * A list-valued column (skills, languages...) stored flat: each slot's value
 * ids are a run in one shared pool, so counting facets over thousands of
 * slots walks contiguous memory instead of one small array per document.
 * Replaced runs are left behind and reclaimed by compaction when the pool
 * fills up.
 */
export class ListColumn {
  start = new Int32Array(1024);
  length = new Int32Array(1024);
  pool = new Int32Array(4096);
  private used = 0;
  private live = 0;

  set(slot: number, ids: readonly number[]): void {
    if (slot >= this.start.length) this.growSlots(slot);
    this.live += ids.length - this.length[slot]!;
    if (this.used + ids.length > this.pool.length) this.makeRoom(ids.length);
    this.start[slot] = this.used;
    this.length[slot] = ids.length;
    for (const id of ids) this.pool[this.used++] = id;
  }

  clear(slot: number): void {
    if (slot >= this.start.length) return;
    this.live -= this.length[slot]!;
    this.length[slot] = 0;
  }

  values(slot: number): Int32Array {
    return this.pool.subarray(this.start[slot]!, this.start[slot]! + this.length[slot]!);
  }

  private makeRoom(needed: number): void {
    const size = Math.max(this.pool.length, (this.live + needed) * 2);
    const pool = new Int32Array(size);
    let used = 0;
    for (let slot = 0; slot < this.start.length; slot++) {
      const length = this.length[slot]!;
      if (length === 0) continue;
      pool.set(this.pool.subarray(this.start[slot]!, this.start[slot]! + length), used);
      this.start[slot] = used;
      used += length;
    }
    this.pool = pool;
    this.used = used;
  }

  private growSlots(slot: number): void {
    const capacity = Math.max(slot + 1, this.start.length * 2);
    const start = new Int32Array(capacity);
    start.set(this.start);
    const length = new Int32Array(capacity);
    length.set(this.length);
    this.start = start;
    this.length = length;
  }
}
