/**
 * The JSON-LD contexts and JSON Schema the exports are written against, by
 * the URL documents name them with, and the vendored copy of each (see
 * SOURCES.md for where every file comes from). Nothing here is fetched at run
 * or test time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ctdlContextUrl = 'https://credreg.net/ctdl/schema/context/json';
export const openBadgesContextUrl = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const schemaOrgContextUrl = 'https://schema.org';

/** Every URL a document may name as its context, with the vendored file that answers for it. */
const contextFiles: Record<string, string> = {
  [ctdlContextUrl]: 'ctdl-context.json',
  'http://credreg.net/ctdl/schema/context/json': 'ctdl-context.json',
  [openBadgesContextUrl]: 'ob-v3p0-context-3.0.3.json',
  [schemaOrgContextUrl]: 'schemaorg-context-30.0.jsonld',
  'https://schema.org/': 'schemaorg-context-30.0.jsonld',
  'http://schema.org': 'schemaorg-context-30.0.jsonld',
  'http://schema.org/': 'schemaorg-context-30.0.jsonld',
  'https://schema.org/docs/jsonldcontext.jsonld': 'schemaorg-context-30.0.jsonld',
};

export const openBadgesSchemaFile = 'ob-v3p0-achievementcredential-schema.json';

export function readVocabulary(file: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'));
}

/** The vendored context document for `url`, or undefined for any URL that is not vendored. */
export function vendoredContext(url: string): unknown {
  const file = contextFiles[url];
  return file === undefined ? undefined : readVocabulary(file);
}
