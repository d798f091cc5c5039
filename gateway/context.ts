/** Per-request gateway context: only what is forwarded to subgraphs. */
export interface GatewayContext {
  /** The client's Authorization header, passed on unchanged; the gateway itself trusts no client. */
  authorization?: string;
}
