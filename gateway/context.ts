/** Per-request gateway context: only what is forwarded to subgraphs, and the operation's deadline. */
export interface GatewayContext {
  /** The client's Authorization header, passed on unchanged; the gateway itself trusts no client. */
  authorization?: string;
  /** Aborts when the whole operation's deadline passes (set once the operation is parsed, see deadlines.ts). */
  deadline?: AbortSignal;
}
