import type { OfficialLanguage } from './criticalInformation.js';
import type { CatalogueDatabase } from './db/connection.js';
import type { ApiKeyCaller } from './db/apiKeys.js';
import type { CatalogueLoaders } from './loaders.js';
import type { LanguageContext } from '../../runtime/language.js';
import type { OsapClaimCheck } from './osapClaim.js';

/** Per request: which institution this subgraph serves, its database, fresh loaders, who is calling, and the language asked for. */
export interface Context extends LanguageContext {
  institution: string;
  /** The institution's official languages (setting INSTITUTION_LANGUAGES): with FR, empty French text is a warning. */
  institutionLanguages: readonly OfficialLanguage[];
  db: CatalogueDatabase;
  loaders: CatalogueLoaders;
  /** The API key the request presented, checked once on first use; null when none or not valid here. */
  caller(): Promise<ApiKeyCaller | null>;
  /** The OSAP rule at publish, with the province's exceptions (osapClaim.ts). */
  checkOsapClaims: OsapClaimCheck;
}
