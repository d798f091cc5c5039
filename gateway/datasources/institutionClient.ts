/**
 * One GraphQL POST to one institution's catalogue subgraph, with a deadline
 * and a strict reading of the answer. Institutions run their own servers, so
 * the answer is untrusted: anything that is not a GraphQL response object
 * becomes an InstitutionCallError naming the institution, never an exception
 * that could spoil another institution's data.
 */
import http from 'node:http';
import https from 'node:https';
import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLRequestBody {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

export interface InstitutionAnswer {
  data: Record<string, unknown> | null;
  errors: GraphQLFormattedError[];
}

export type InstitutionFailure =
  | 'UNKNOWN_INSTITUTION'
  | 'NOT_CONFORMING'
  | 'UNREACHABLE'
  /** Skipped without a call: it failed recently and has not answered a health probe since. */
  | 'DOWN'
  | 'TIMEOUT'
  /** A write got no answer in time: it may or may not have been applied. Says nothing about the institution's health. */
  | 'WRITE_OUTCOME_UNKNOWN'
  | 'HTTP_ERROR'
  | 'MALFORMED_RESPONSE'
  | 'TOO_LARGE';

export class InstitutionCallError extends Error {
  constructor(
    readonly institution: string,
    readonly failure: InstitutionFailure,
    /** What happened, without the institution's name: e.g. `no answer within 3000 ms`. */
    readonly detail: string,
  ) {
    super(`Institution "${institution}" ${describe(failure)}: ${detail}`);
    this.name = 'InstitutionCallError';
  }
}

function describe(failure: InstitutionFailure): string {
  switch (failure) {
    case 'UNKNOWN_INSTITUTION':
      return 'is not in the provincial registry';
    case 'NOT_CONFORMING':
      return 'is refused because its subgraph does not conform to the catalogue contract';
    case 'UNREACHABLE':
      return 'is unreachable';
    case 'DOWN':
      return 'is down';
    case 'TIMEOUT':
      return 'did not answer in time';
    case 'WRITE_OUTCOME_UNKNOWN':
      return 'did not confirm the write in time; its outcome is unknown, check before retrying';
    case 'HTTP_ERROR':
      return 'answered with an HTTP error';
    case 'MALFORMED_RESPONSE':
      return 'answered with something that is not a GraphQL response';
    case 'TOO_LARGE':
      return 'answered with more than the gateway accepts';
  }
}

/** Larger answers are refused: no page of the contract comes close. */
export const maxResponseBytes = 20 * 1024 * 1024;

export async function callInstitution(options: {
  institution: string;
  url: string;
  body: GraphQLRequestBody;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** The whole operation's deadline, when the call is part of one. */
  deadline?: AbortSignal;
  /** The size cap, held while the body streams in. */
  maxBytes?: number;
}): Promise<InstitutionAnswer> {
  const { institution } = options;
  let answer: { status: number; text: string };
  try {
    answer = await post(
      options.url,
      JSON.stringify(options.body),
      options.headers,
      callSignal(options.timeoutMs, options.deadline),
      options.maxBytes ?? maxResponseBytes,
    );
  } catch (error) {
    throw toCallError(institution, error, options.timeoutMs, options.deadline);
  }
  const parsed = parseJson(answer.text);
  // GraphQL-over-HTTP allows 4xx with a GraphQL body; only a body without one is an HTTP failure.
  if (!isResponseShape(parsed)) {
    if (answer.status < 200 || answer.status > 299)
      throw new InstitutionCallError(institution, 'HTTP_ERROR', `status ${answer.status}`);
    throw new InstitutionCallError(institution, 'MALFORMED_RESPONSE', 'body is not a GraphQL response object');
  }
  return {
    data: (parsed.data as Record<string, unknown> | null | undefined) ?? null,
    errors: (parsed.errors as GraphQLFormattedError[] | undefined) ?? [],
  };
}

/** The call's own deadline, cut short by the operation's when that comes first. */
export function callSignal(timeoutMs: number, deadline: AbortSignal | undefined): AbortSignal {
  const own = AbortSignal.timeout(timeoutMs);
  return deadline ? AbortSignal.any([own, deadline]) : own;
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
 * content-length, or lying about it, never makes the gateway hold more than the cap.
 */
function post(
  url: string,
  body: string,
  headers: Record<string, string> | undefined,
  signal: AbortSignal,
  limit: number,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) return reject(new Error(`unsupported protocol ${target.protocol}`));
    const aborted = () => new DOMException('the call was aborted', 'AbortError');
    if (signal.aborted) return reject(aborted());
    const request = client.request(target, {
      method: 'POST',
      agent: agents[target.protocol as keyof typeof agents],
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...headers,
        'content-length': Buffer.byteLength(body),
      },
    });
    const fail = (error: unknown) => {
      signal.removeEventListener('abort', onAbort);
      request.destroy();
      reject(error);
    };
    const onAbort = () => fail(aborted());
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

function toCallError(
  institution: string,
  error: unknown,
  timeoutMs: number,
  deadline: AbortSignal | undefined,
): InstitutionCallError {
  const name = (error as Error | undefined)?.name;
  if (error instanceof ResponseTooLargeError) return new InstitutionCallError(institution, 'TOO_LARGE', error.message);
  if (name === 'TimeoutError' || name === 'AbortError') {
    const detail = deadline?.aborted ? "no answer before the operation's deadline" : `no answer within ${timeoutMs} ms`;
    return new InstitutionCallError(institution, 'TIMEOUT', detail);
  }
  const code = (error as { code?: string; cause?: { code?: string } }).code;
  return new InstitutionCallError(institution, 'UNREACHABLE', code ?? (error as Error).message);
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

function isResponseShape(value: unknown): value is { data?: unknown; errors?: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { data, errors } = value as { data?: unknown; errors?: unknown };
  const dataOk = data === undefined || data === null || (typeof data === 'object' && !Array.isArray(data));
  const errorsOk =
    errors === undefined ||
    (Array.isArray(errors) &&
      errors.every((e) => typeof e === 'object' && e !== null && typeof e.message === 'string'));
  return dataOk && errorsOk && (data !== undefined || errors !== undefined);
}
