const dayMs = 86_400_000;

/**
 * A calendar date (`YYYY-MM-DD`) as whole days since 1970-01-01 UTC: how both search backends store
 * and compare `nextStartDate`, so a date range filters the same way in the embedded engine and in
 * Meilisearch (whose filters compare numbers, not dates).
 */
export function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}
