/**
 * Offline validation of the exports: JSON-LD expansion with the vendored
 * contexts only (any other URL fails the load), in safe mode so a term that
 * does not expand (dropped or relative) is an error, then a check that every
 * expanded property and type is in the format's vocabularies; OB3 against
 * 1EdTech's JSON Schema; CTDL against the Registry's minimum data policy.
 */
import { Ajv2019, type ValidateFunction } from 'ajv/dist/2019.js';
import ajvFormats from 'ajv-formats';
import jsonld from 'jsonld';
import { ctidPattern } from '../../../gateway/linkedData/ctid.js';
import {
  openBadgesSchemaFile,
  readVocabulary,
  vendoredContext,
} from '../../../gateway/linkedData/vocabularies/index.js';

const documentLoader = async (url: string) => {
  const document = vendoredContext(url);
  if (document === undefined) throw new Error(`not vendored, refused offline: ${url}`);
  return { contextUrl: undefined, documentUrl: url, document };
};

export async function expandOffline(document: object): Promise<object[]> {
  return (await jsonld.expand(
    document as jsonld.JsonLdDocument,
    {
      documentLoader: documentLoader as never,
      safe: true,
    } as jsonld.Options.Expand,
  )) as object[];
}

export const vocabularies = {
  ctdl: ['https://purl.org/ctdl/terms/', 'http://schema.org/'],
  ob3: [
    'https://purl.imsglobal.org/spec/vc/ob/vocab.html#',
    'https://schema.org/',
    'https://www.w3.org/2018/credentials#',
  ],
  schema: ['http://schema.org/'],
} as const;

/** Every property and type IRI in an expanded document that is outside `namespaces`. */
export function termsOutside(expanded: unknown, namespaces: readonly string[]): string[] {
  const outside = new Set<string>();
  const inVocabulary = (iri: string) => namespaces.some((namespace) => iri.startsWith(namespace));
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === '@type' && !('@value' in value)) {
        for (const type of [child].flat()) if (!inVocabulary(String(type))) outside.add(`@type ${type}`);
      } else if (!key.startsWith('@') && !inVocabulary(key)) outside.add(key);
      if (key !== '@value') visit(child);
    }
  };
  visit(expanded);
  return [...outside];
}

let achievementSchema: ValidateFunction | undefined;

/** Ajv errors of `achievement` against the official OB3 schema's Achievement definition (empty when valid). */
export function openBadgesAchievementErrors(achievement: unknown): unknown[] {
  if (!achievementSchema) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    // The schema's formats (date-time, uri, …) are part of what a wallet checks: without these ajv ignores them.
    // ajv-formats is CommonJS with an ES-style default export: under NodeNext its default is the module object.
    ajvFormats.default(ajv);
    const schema = readVocabulary(openBadgesSchemaFile) as { $id: string };
    ajv.addSchema(schema);
    achievementSchema = ajv.getSchema(`${schema.$id}#/$defs/Achievement`);
    if (!achievementSchema) throw new Error('the vendored OB3 schema has no Achievement definition');
  }
  const validate = achievementSchema;
  return validate(achievement) ? [] : (validate.errors ?? []);
}

/**
 * Credential Engine's minimum data policy for a credential: type, CTID,
 * name, description, subject webpage, language, status, and an owning or
 * offering organization that itself has CTID, name, description, subject
 * webpage, agent type and sector. Returns what is missing.
 */
export function ctdlMinimumDataProblems(document: { '@graph': Array<Record<string, unknown>> }): string[] {
  const [credential, ...others] = document['@graph'];
  const problems: string[] = [];
  const need = (node: Record<string, unknown>, property: string, label: string) => {
    const value = node[property];
    const empty =
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);
    if (empty) problems.push(`${label}: ${property}`);
  };
  if (credential?.['@type'] !== 'ceterms:MicroCredential') problems.push('credential: @type ceterms:MicroCredential');
  for (const property of [
    'ceterms:ctid',
    'ceterms:name',
    'ceterms:description',
    'ceterms:subjectWebpage',
    'ceterms:inLanguage',
    'ceterms:credentialStatusType',
  ]) {
    need(credential!, property, 'credential');
  }
  if (!ctidPattern.test(String(credential?.['ceterms:ctid']))) problems.push('credential: ctid is not ce-<UUID>');
  const owners = [credential?.['ceterms:ownedBy'], credential?.['ceterms:offeredBy']].flat().filter(Boolean);
  if (owners.length === 0) problems.push('credential: ceterms:ownedBy or ceterms:offeredBy');
  for (const owner of owners) {
    const organization = others.find((node) => node['@id'] === owner);
    if (!organization) {
      problems.push(`organization ${owner} is not described in the graph`);
      continue;
    }
    for (const property of [
      'ceterms:ctid',
      'ceterms:name',
      'ceterms:description',
      'ceterms:subjectWebpage',
      'ceterms:agentType',
      'ceterms:agentSectorType',
    ]) {
      need(organization, property, 'organization');
    }
  }
  for (const node of others.filter((node) => node['@type'] === 'ceterms:TransferValueProfile')) {
    for (const property of [
      'ceterms:ctid',
      'ceterms:name',
      'ceterms:description',
      'ceterms:ownedBy',
      'ceterms:subjectWebpage',
      'ceterms:transferValue',
    ]) {
      need(node, property, `transfer value ${node['@id']}`);
    }
  }
  return problems;
}
