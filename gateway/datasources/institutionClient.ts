/**
 * One GraphQL POST to one institution's catalogue subgraph, with a deadline
 * and a strict reading of the answer. Institutions run their own servers, so
 * the answer is untrusted: anything that is not a GraphQL response object
 * becomes an InstitutionCallError naming the institution, never an exception
 * that could spoil another institution's data.
 */
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
  | 'TOO_LARGE'
  /** Not sent: the request carries what the institution's contract version lacks (gateway/versions/). */
  | 'CONTRACT_VERSION_UNSUPPORTED';

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
    case 'CONTRACT_VERSION_UNSUPPORTED':
      return 'serves an earlier catalogue contract version that cannot carry this request';
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
  const signal = callSignal(options.timeoutMs, options.deadline);
  const fail = (error: unknown) => toCallError(institution, error, options.timeoutMs, options.deadline);
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(options.body),
      signal,
    });
  } catch (error) {
    throw fail(error);
  }
  let text: string;
  try {
    text = await readLimited(response, options.maxBytes ?? maxResponseBytes);
  } catch (error) {
    throw fail(error);
  }
  const parsed = parseJson(text);
  // GraphQL-over-HTTP allows 4xx with a GraphQL body; only a body without one is an HTTP failure.
  if (!isResponseShape(parsed)) {
    if (!response.ok) throw new InstitutionCallError(institution, 'HTTP_ERROR', `status ${response.status}`);
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
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return new InstitutionCallError(institution, 'UNREACHABLE', cause ?? (error as Error).message);
}

/**
 * Reads the body chunk by chunk and gives up (cancelling the stream) as soon as
 * it passes `limit`, so an answer without content-length, or lying about it,
 * never makes the gateway hold more than the cap.
 */
async function readLimited(response: Response, limit: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(`response of ${declared} bytes exceeds ${limit}`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > limit) {
      await reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(`response exceeds ${limit} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
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
