/** A catalogue subgraph's settings, read and checked from its environment before anything starts. */
import { ConfigError, httpPort, institutionCode, optionalString, url } from '../../runtime/config.js';
import { officialLanguagesOf, type OfficialLanguage } from './criticalInformation.js';
import { optionalPartNamed, type OptionalPart } from '../../runtime/catalogueOptionalParts.js';

function provinceGraphqlUrl(env: Record<string, string | undefined>): (() => string) | undefined {
  if (!env.PROVINCE_GRAPHQL_URL) return undefined;
  const value = url(env, 'PROVINCE_GRAPHQL_URL', ['http:', 'https:']);
  return () => value;
}

export function catalogueSettings(env: Record<string, string | undefined>) {
  return {
    institution: institutionCode(env, 'INSTITUTION_CODE'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    port: httpPort(env, 'PORT', 4101),
    host: optionalString(env, 'HOST'),
    /** The directory's public GraphQL endpoint, where publishing reads the province's OSAP exceptions (osapClaim.ts). */
    provinceGraphqlUrl: provinceGraphqlUrl(env),
    institutionLanguages: institutionLanguages(env, 'INSTITUTION_LANGUAGES'),
    optionalPartsLeftOut: optionalPartsLeftOut(env, 'OPTIONAL_PARTS_LEFT_OUT'),
  };
}

/**
 * Optional parts of the contract the institution does not implement, names
 * separated by commas (`outcomes`; default none): left out of the SDL served.
 */
export function optionalPartsLeftOut(env: Record<string, string | undefined>, name: string): OptionalPart[] {
  const raw = optionalString(env, name);
  if (raw === undefined) return [];
  try {
    return raw.split(',').map((part) => optionalPartNamed(part.trim()));
  } catch (error) {
    throw new ConfigError(name, (error as Error).message);
  }
}

/**
 * The institution's languages of instruction, ISO 639 codes separated by commas
 * (`en`, `fr`, `en,fr`; default `en`). The catalogue cannot ask the framework
 * registry (it runs on its own), so the institution says it here; with `fr`,
 * publishing warns about empty French text.
 */
export function institutionLanguages(env: Record<string, string | undefined>, name: string): OfficialLanguage[] {
  const raw = optionalString(env, name);
  if (raw === undefined) return ['EN'];
  const codes = raw.split(',').map((code) => code.trim().toLowerCase());
  if (codes.some((code) => !/^[a-z]{2,3}$/.test(code))) {
    throw new ConfigError(name, `must be ISO 639 codes separated by commas, e.g. "en,fr", got "${raw}"`);
  }
  return officialLanguagesOf(codes);
}
