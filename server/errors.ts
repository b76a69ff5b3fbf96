import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { IndexUnavailableError } from './workers/worker-answerer.js';

export interface ErrorIssue {
  path: string;
  message: string;
}

/** The one error body shape every route returns. */
export interface ErrorBody {
  error: string;
  message: string;
  requestId: string;
  issues?: ErrorIssue[];
}

/** An error whose message is safe and useful to show to the client. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly issues?: ErrorIssue[],
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options);
    this.name = 'HttpError';
    this.headers = options?.headers;
  }
  readonly headers?: Record<string, string>;
}

export function zodIssues(error: ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: readableIssue(i) }));
}

function readableIssue(issue: ZodError['issues'][number]): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
  return issue.message;
}

/** Parses with a zod schema, turning failure into a 400 whose message lists every issue. */
export function parseOr400<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error);
  throw new HttpError(400, `Invalid ${what}: ${issues.map((i) => (i.path === '(body)' ? i.message : `${i.path}: ${i.message}`)).join('; ')}`, issues);
}

function body(request: FastifyRequest, statusCode: number, message: string, issues?: ErrorIssue[]): ErrorBody {
  return {
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    requestId: String(request.id),
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

/** Rewords fastify's own client errors so a person reading the body knows what to fix. */
function fastifyMessage(error: FastifyError, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `Request body is too large: the limit is ${bodyLimit} bytes`;
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return `Request body is not valid JSON: ${error.message}`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `Unsupported content type: send the body as application/json`;
    default:
      return error.message;
  }
}

export interface ErrorHandlerOptions {
  bodyLimit: number;
  /**
   * Answers a browser's request for a page that does not exist (GET or HEAD, outside /api/,
   * asking for HTML) with the web UI's not-found page; API clients keep the JSON body.
   */
  notFoundPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply>;
}

function wantsPage(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !request.url.startsWith('/api/') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

export function registerErrorHandlers(app: FastifyInstance, options: ErrorHandlerOptions): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError | Error, request, reply: FastifyReply) => {
    if (error instanceof ZodError) {
      const issues = zodIssues(error);
      return reply.status(400).send(body(request, 400, `Invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues));
    }
    if (error instanceof IndexUnavailableError) {
      request.log.error({ err: error }, 'index unavailable');
      reply.header('retry-after', '5');
      return reply.status(503).send(body(request, 503, 'The knowledge index is being rebuilt after a fault; try again in a few seconds'));
    }
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers);
      if (error.statusCode >= 500) request.log.error({ err: error }, 'request failed');
      // Our own messages are safe to show (503 "not loaded yet"); a plain 500 never says more.
      return reply.status(error.statusCode).send(body(request, error.statusCode, error.statusCode === 500 ? 'Internal Server Error' : error.message, error.issues));
    }
    const status = (error as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      request.log.info({ code: (error as FastifyError).code, status }, error.message);
      return reply.status(status).send(body(request, status, fastifyMessage(error as FastifyError, request.routeOptions.bodyLimit ?? options.bodyLimit)));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(body(request, 500, 'Internal Server Error'));
  });

  app.setNotFoundHandler((request, reply) => {
    if (options.notFoundPage && wantsPage(request)) return options.notFoundPage(request, reply);
    reply.status(404).send(body(request, 404, `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
