import type { Caller } from './authorization.js';
import type { FrameworkDatabase } from './db/connection.js';
import type { FrameworkLoaders } from './loaders.js';
import type { MicroCredentialCheck } from './recognition/gatewayCheck.js';
import type { LanguageContext } from '../../runtime/language.js';

/** Per request: the database, fresh loaders, who is calling, and the language asked for. */
export interface Context extends LanguageContext {
  db: FrameworkDatabase;
  loaders: FrameworkLoaders;
  caller: Caller;
  /** Set when caller is INSTITUTION: the institution whose recognition key was sent. */
  institution: string | null;
  /** Set when caller is ENDORSER: the endorser whose key was sent. */
  endorser: string | null;
  /** Checks that micro-credentials exist, through the gateway (see recognition/gatewayCheck.ts). */
  checkMicroCredentials: MicroCredentialCheck;
}
