/**
 * When two facet values are the same value. Institutions type labels by hand
 * ("Data analysis", "data Analysis"), so both backends treat values that
 * differ only in case, Unicode compatibility form or surrounding spaces as
 * one: one facet entry counting every spelling, and a filter on any spelling
 * matching them all. This is Meilisearch's own rule (`normalize_facet`:
 * NFKD of the trimmed value, lower-cased; meilisearch/meilisearch:
 * crates/milli/src/lib.rs, v1.50.0), which it applies to facet distributions
 * (crates/milli/src/search/facet/facet_distribution.rs) and to `=`/`IN`
 * filters (crates/milli/src/search/facet/filter/index_filter.rs). Accents are
 * kept ("École" ≠ "Ecole"): NFKD separates them but does not drop them.
 *
 * The label shown for a merged value is one of its spellings as an
 * institution wrote it; which one is not specified (Meilisearch shows the
 * spelling of the first matching document it stored).
 */
export function facetKey(value: string): string {
  return value.trim().normalize('NFKD').toLowerCase();
}
