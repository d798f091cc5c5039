/**
 * The one GraphQL-over-HTTP client: a POST with a deadline, a size cap held
 * while the body streams in, and a strict reading of the answer. Whoever is
 * called (an institution's subgraph, the gateway, a province service) is read
 * as untrusted: anything that is not a GraphQL response object becomes a
 * GraphQLCallError with a code, never an exception from deep inside the HTTP stack.
 *
 * The error's detail never names the URL, so callers can pass it on to a
 * client without giving away an internal address; callers add who was called
 * (InstitutionCallError names the institution).
 */
import http from 'node:http';
import https from 'node:https';
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** An answer that passed the shape check: `data` an object or null, `errors` a list of objects with a message. */
export interface GraphQLAnswer {
  data: Record<string, unknown> | null;
  errors: GraphQLFormattedError[];
  /** The answer's `extensions` when it is an object (search's demand records, demandExtension.ts). */
  extensions?: Record<string, unknown>;
}

export type GraphQLCallFailure = 'UNREACHABLE' | 'TIMEOUT' | 'HTTP_ERROR' | 'MALFORMED_RESPONSE' | 'TOO_LARGE';

export class GraphQLCallError extends Error {
  constructor(
    readonly failure: GraphQLCallFailure,
    /** What happened, without the address: e.g. `no answer within 3000 ms`. */
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'GraphQLCallError';
  }
}

/** Larger answers are refused: no page of the contract comes close. */
export const maxResponseBytes = 20 * 1024 * 1024;

export interface GraphQLCall {
  url: string;
  body: GraphQLRequestBody;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The whole operation's deadline, when the call is part of one. */
  deadline?: AbortSignal;
  /** The size cap, held while the body streams in (default maxResponseBytes). */
  maxBytes?: number;
}

export async function postGraphQL(call: GraphQLCall): Promise<GraphQLAnswer> {
  const deadline = callDeadline(call.timeoutMs, call.deadline);
  let answer: { status: number; text: string };
  try {
    answer = await post(call, deadline.signal, call.maxBytes ?? maxResponseBytes);
  } catch (error) {
    throw toCallError(error, call.timeoutMs, call.deadline);
  } finally {
    deadline.dispose();
  }
  const parsed = parseJson(answer.text);
  // GraphQL-over-HTTP allows 4xx with a GraphQL body; only a body without one is an HTTP failure.
  if (!isResponseShape(parsed)) {
    if (answer.status < 200 || answer.status > 299)
      throw new GraphQLCallError('HTTP_ERROR', `HTTP ${answer.status} without a GraphQL body`);
    throw new GraphQLCallError('MALFORMED_RESPONSE', 'body is not a GraphQL response object');
  }
  return {
    data: (parsed.data as Record<string, unknown> | null | undefined) ?? null,
    errors: (parsed.errors as GraphQLFormattedError[] | undefined) ?? [],
    ...(isObject(parsed.extensions) && { extensions: parsed.extensions }),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The call's own deadline, cut short by the operation's when that comes first.
 * A timer this call holds and clears, not `AbortSignal.any([AbortSignal.timeout(…), …])`:
 * on Node 20 a timeout signal referenced only by `any()` can be garbage-collected
 * before it fires, and then the call waits for the operation's deadline instead
 * (test/resilience/outages.test.ts, "search hangs", caught it under load).
 */
export function callDeadline(
  timeoutMs: number,
  operation: AbortSignal | undefined,
): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError')),
    timeoutMs,
  );
  const onOperationDeadline = () => controller.abort(operation?.reason);
  if (operation?.aborted) onOperationDeadline();
  else operation?.addEventListener('abort', onOperationDeadline, { once: true });
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      operation?.removeEventListener('abort', onOperationDeadline);
    },
  };
}

function toCallError(error: unknown, timeoutMs: number, deadline: AbortSignal | undefined): GraphQLCallError {
  const name = (error as Error | undefined)?.name;
  if (error instanceof ResponseTooLargeError) return new GraphQLCallError('TOO_LARGE', error.message);
  if (name === 'TimeoutError' || name === 'AbortError') {
    const detail = deadline?.aborted ? "no answer before the operation's deadline" : `no answer within ${timeoutMs} ms`;
    return new GraphQLCallError('TIMEOUT', detail);
  }
  // Only the system error code (ECONNREFUSED, ENOTFOUND): the message can carry the address.
  const code = (error as { code?: unknown }).code;
  return new GraphQLCallError('UNREACHABLE', typeof code === 'string' ? code : 'connection failed');
}

/*
 * node:http rather than fetch: this is the gateway's hot path (every subgraph call, every
 * change-feed poll), and fetch's WHATWG streams, request cloning and abort plumbing cost about
 * 3.5 times the CPU of http.request per call (443 against 123 µs, 6,000 calls of a 3 KB answer,
 * 20 at a time, against the same local server, Node 20).
 */
// Kept-alive connections, as fetch keeps them. An idle timeout must be set for Node to honour a server's
// `Keep-Alive: timeout=N` hint (it retires the socket a second early instead of reusing one being closed).
const keepAlive = { keepAlive: true, timeout: 5_000 };
const agents = { 'http:': new http.Agent(keepAlive), 'https:': new https.Agent(keepAlive) };

/**
 * One POST; reads the body chunk by chunk and gives up (destroying the
 * connection) as soon as it passes `limit`, so an answer without
 * content-length, or lying about it, never makes the caller hold more than the cap.
 */
function post(call: GraphQLCall, signal: AbortSignal, limit: number): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(call.url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) return reject(new Error('unsupported protocol'));
    if (signal.aborted) return reject(signal.reason);
    const body = JSON.stringify(call.body);
    const request = client.request(target, {
      method: 'POST',
      agent: agents[target.protocol as keyof typeof agents],
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...call.headers,
        'content-length': Buffer.byteLength(body),
      },
    });
    const fail = (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    request.on('error', fail);
    request.on('response', (response) => {
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > limit) return fail(new ResponseTooLargeError(`response of ${declared} bytes exceeds ${limit}`));
      const chunks: Buffer[] = [];
      let received = 0;
      response.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > limit) fail(new ResponseTooLargeError(`response exceeds ${limit} bytes`));
        else chunks.push(chunk);
      });
      response.on('error', fail);
      response.on('aborted', () => fail(new Error('the connection closed before the answer was complete')));
      response.on('end', () => {
        signal.removeEventListener('abort', onAbort);
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
      });
    });
    request.end(body);
  });
}

class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isResponseShape(value: unknown): value is { data?: unknown; errors?: unknown; extensions?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as { data?: unknown; errors?: unknown };
  const dataOk = data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
  const errorsOk =
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every((e) => typeof e === 'object' && e !== null && typeof e.message === 'string'));
  return dataOk && errorsOk && (data !== undefined || errors !== undefined);
}
