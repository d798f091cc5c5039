import { parseCredential, type Credential } from './credentials.js';
import { negotiateLanguage, type Language } from '../runtime/language.js';

/** Per-request gateway context: the client's credential, parsed once (the data sources decide who receives it), and the operation's deadline. */
export interface GatewayContext {
  credential: Credential;
  /** Aborts when the whole operation's deadline passes (set once the operation is parsed, see deadlines.ts). */
  deadline?: AbortSignal;
  /** From `Accept-Language`, negotiated once: forwarded to every subgraph, and part of the response cache key. */
  language: Language;
  /** Institutions that answered on an earlier catalogue contract version, and that version (gateway/versions/). */
  olderContracts?: Map<string, string>;
}

export function gatewayContext(headers: {
  authorization?: string | string[];
  'accept-language'?: string | string[];
}): GatewayContext {
  return {
    credential: parseCredential(headers.authorization),
    language: negotiateLanguage(headers['accept-language']),
  };
}
