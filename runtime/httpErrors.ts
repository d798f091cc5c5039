/**
 * Errors answered by the HTTP layer itself (before or instead of GraphQL),
 * shaped like GraphQL errors so clients handle one format: JSON with a code,
 * never Express's HTML page with a stack trace and server paths, whatever
 * NODE_ENV says.
 */
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

export function sendGraphQLError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/** body-parser's error types (https://github.com/expressjs/body-parser#errors), as client-facing codes. */
const bodyErrors: Record<string, { status: number; code: string; message: string }> = {
  'entity.parse.failed': { status: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'The request body encoding is not supported.',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_CHARSET',
    message: 'The request body charset is not supported; send UTF-8.',
  },
  'request.aborted': {
    status: 400,
    code: 'REQUEST_ABORTED',
    message: 'The request was aborted before its body arrived.',
  },
  'request.size.invalid': {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The request body is shorter or longer than its Content-Length.',
  },
};

export const jsonErrorHandler: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  const known = bodyErrors[(error as { type?: string })?.type ?? ''];
  if (known) return sendGraphQLError(res, known.status, known.code, known.message);
  const status = (error as { status?: number })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return sendGraphQLError(res, status, 'BAD_REQUEST', 'The request could not be read.');
  }
  console.error('unhandled HTTP error:', error);
  sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
};

export const jsonNotFound: RequestHandler = (req, res) => {
  sendGraphQLError(
    res,
    404,
    'NOT_FOUND',
    `Nothing is served at ${req.method} ${req.path.slice(0, 200)}; GraphQL is at /graphql.`,
  );
};
