// The one way the app talks to the server: a typed client generated from /api/v1/openapi.json
// (openapi-typescript writes schema.d.ts; scripts/check-api-types.sh keeps it current).
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type FieldProblem = NonNullable<Problem['errors']>[number];
export type Me = Schemas['Me'];
export type Role = Schemas['MembershipView']['role'];

/** A request the server refused: the RFC 9457 problem it sent, in both languages. */
export class ApiError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail_en ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | null = null;
let onSessionLost: (() => void) | null = null;

/** The session's CSRF token, sent as X-CSRF-Token on every change (the server refuses changes without it). */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

/** Called when the server answers 401 to a signed-in request: the session expired or was ended elsewhere. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfHeaders(method: string): Record<string, string> {
  return !safeMethods.has(method.toUpperCase()) && csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

const session: Middleware = {
  onRequest({ request }) {
    for (const [k, v] of Object.entries(csrfHeaders(request.method))) request.headers.set(k, v);
    return request;
  },
  onResponse({ request, response }) {
    const signingIn = new URL(request.url).pathname === '/api/v1/auth/login';
    if (response.status === 401 && !signingIn && csrfToken !== null) onSessionLost?.();
    return response;
  },
};

// Keys such as page[size] and filter[role] go on the wire as written: the server reads them by name.
// An array repeats its key (search's type=practice&type=study).
function querySerializer(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const x of Array.isArray(v) ? v : [v]) if (x !== undefined && x !== null && x !== '') params.append(k, String(x));
  }
  return params.toString();
}

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin', querySerializer });
api.use(session);

/** A problem for failures that never reached the server's error handler (network down, a proxy's HTML page). */
export function networkProblem(status = 0): Problem {
  return {
    type: 'about:blank',
    title: 'Network error',
    status,
    detail_ar: 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال ثم أعد المحاولة.',
    detail_en: 'The server could not be reached. Check the connection and try again.',
  };
}

function asProblem(error: unknown, status: number): Problem {
  if (error && typeof error === 'object' && 'status' in error && 'title' in error) return error as Problem;
  return networkProblem(status);
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws ApiError with the server's problem.
 * `await unwrap(api.GET('/api/v1/users', { params: { query } }))`
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(networkProblem());
  }
  if (!result.response.ok) throw new ApiError(asProblem(result.error, result.response.status));
  return result.data as T;
}
