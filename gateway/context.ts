import { parseCredential, type Credential } from './credentials.js';

/** Per-request gateway context: the client's credential, parsed once; the data sources decide who receives it. */
export interface GatewayContext {
  credential: Credential;
}

export function gatewayContext(headers: { authorization?: string | string[] }): GatewayContext {
  return { credential: parseCredential(headers.authorization) };
}
