/**
 * Where in an input a problem is: field names and list positions from the
 * top, e.g. `['occupations', 0, 'nocCode']` or `['input', 'languages', 2]`.
 * Clients receive the array as it is, so they can point at the field without
 * parsing a string; `fieldName` is the same place for people to read.
 */
export type Path = ReadonlyArray<string | number>;

/** `['occupations', 0, 'nocCode']` → `occupations[0].nocCode`. */
export function fieldName(path: Path): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
