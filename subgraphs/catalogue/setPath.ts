/**
 * Sets a value deep in a plain object, making the objects on the way: how a CSV import turns a
 * column (`assessment.summativeDescriptionFr`, `satisfaction.respondents`) into the nested input the
 * GraphQL import would have received.
 */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}
