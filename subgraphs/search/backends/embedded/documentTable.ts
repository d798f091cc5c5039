/**
 * The indexed documents, one slot each, with every filterable, facetable and
 * sortable field also held in a typed column (facet values as interned ids),
 * so filters, facet counts and sort keys are tight loops over numbers.
 * Slots of removed documents are reused.
 */
import { qualityMarkers, type QualityMarker, type SearchDocument } from '../../documents/searchDocument.js';
import { dayNumber } from '../../documents/dayNumber.js';
import type { FacetField } from '../../query/searchRequest.js';
import { listFacets, singleFacets, type ListFacet, type SingleFacet } from '../../query/facetFilters.js';
import { ListColumn } from './listColumn.js';
import { ValueDictionary } from './valueDictionary.js';

const none = -1;

export class DocumentTable {
  readonly documents: (SearchDocument | undefined)[] = [];
  private readonly slotsById = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private capacity = 1024;

  readonly dictionaries = Object.fromEntries(
    [...singleFacets, ...listFacets].map((field) => [field, new ValueDictionary()]),
  ) as Record<SingleFacet | ListFacet, ValueDictionary>;

  /** Facet value id per slot, -1 when the document has none. */
  single = Object.fromEntries(singleFacets.map((field) => [field, new Int32Array(this.capacity)])) as Record<
    SingleFacet,
    Int32Array
  >;
  readonly list = Object.fromEntries(listFacets.map((field) => [field, new ListColumn()])) as Record<
    ListFacet,
    ListColumn
  >;
  /** 1 where the document has the quality marker (searchDocument.ts `qualityMarkers`). */
  markers = Object.fromEntries(qualityMarkers.map((field) => [field, new Uint8Array(this.capacity)])) as Record<
    QualityMarker,
    Uint8Array
  >;
  osapEligible = new Uint8Array(this.capacity);
  creditBearing = new Uint8Array(this.capacity);
  sunset = new Uint8Array(this.capacity);
  hours = new Float64Array(this.capacity);
  weeks = new Float64Array(this.capacity);
  /** NaN when unknown. */
  cost = new Float64Array(this.capacity);
  /** Days since 1970-01-01, NaN when there is no upcoming intake. */
  nextStartDay = new Float64Array(this.capacity);
  updatedAtMs = new Float64Array(this.capacity);

  get size(): number {
    return this.slotsById.size;
  }

  slotOf(id: string): number | undefined {
    return this.slotsById.get(id);
  }

  /** Stores the document and returns its slot (the same slot when it replaces one with its id). */
  put(document: SearchDocument): number {
    let slot = this.slotsById.get(document.id);
    if (slot === undefined) {
      slot = this.freeSlots.pop() ?? this.documents.length;
      this.slotsById.set(document.id, slot);
    }
    if (slot >= this.capacity) this.grow(slot);
    this.documents[slot] = document;
    for (const field of singleFacets) {
      const value = document[field];
      this.single[field][slot] = value === null ? none : this.dictionaries[field].idOf(value);
    }
    for (const field of listFacets) {
      // Two spellings of one value count the document once, as in Meilisearch.
      const ids: number[] = [];
      for (const value of document[field]) {
        const id = this.dictionaries[field].idOf(value);
        if (!ids.includes(id)) ids.push(id);
      }
      this.list[field].set(slot, ids);
    }
    for (const field of qualityMarkers) this.markers[field][slot] = document[field] ? 1 : 0;
    this.osapEligible[slot] = document.osapEligible ? 1 : 0;
    this.creditBearing[slot] = document.creditBearing ? 1 : 0;
    this.sunset[slot] = document.status === 'SUNSET' ? 1 : 0;
    this.hours[slot] = document.hours;
    this.weeks[slot] = document.weeks;
    this.cost[slot] = document.cost ?? NaN;
    this.nextStartDay[slot] = document.nextStartDate === null ? NaN : dayNumber(document.nextStartDate);
    this.updatedAtMs[slot] = Date.parse(document.updatedAt);
    return slot;
  }

  /** Forgets the document; returns its former slot. */
  delete(id: string): number | undefined {
    const slot = this.slotsById.get(id);
    if (slot === undefined) return undefined;
    this.slotsById.delete(id);
    this.documents[slot] = undefined;
    for (const field of listFacets) this.list[field].clear(slot);
    this.freeSlots.push(slot);
    return slot;
  }

  /** Slots of every stored document, ascending. */
  liveSlots(): Int32Array {
    const slots = new Int32Array(this.size);
    let n = 0;
    for (let slot = 0; slot < this.documents.length; slot++) if (this.documents[slot]) slots[n++] = slot;
    return slots;
  }

  facetValue(field: FacetField, id: number): string {
    return this.dictionaries[field as SingleFacet | ListFacet].values[id]!;
  }

  private grow(slot: number): void {
    const capacity = Math.max(slot + 1, this.capacity * 2);
    const extend = <T extends Int32Array | Uint8Array | Float64Array>(array: T): T => {
      const next = new (array.constructor as new (length: number) => T)(capacity);
      next.set(array);
      return next;
    };
    for (const field of singleFacets) this.single[field] = extend(this.single[field]);
    for (const field of qualityMarkers) this.markers[field] = extend(this.markers[field]);
    this.osapEligible = extend(this.osapEligible);
    this.creditBearing = extend(this.creditBearing);
    this.sunset = extend(this.sunset);
    this.hours = extend(this.hours);
    this.weeks = extend(this.weeks);
    this.cost = extend(this.cost);
    this.nextStartDay = extend(this.nextStartDay);
    this.updatedAtMs = extend(this.updatedAtMs);
    this.capacity = capacity;
  }
}
