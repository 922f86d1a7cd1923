import { common as t } from '../i18n/common.ts';

/** An answer of the API that is not a success: its Chinese message and, when known, the field at fault. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The form field the server named, if any (details.field, or the first schema issue's field). */
  get field(): string | undefined {
    const field = this.details.field;
    if (typeof field === 'string') return field;
    const issues = this.details.issues;
    if (Array.isArray(issues)) {
      // The server names a nested field as "a.b"; a form names it by its first part.
      const named = (issues[0] as { field?: unknown } | undefined)?.field;
      if (typeof named === 'string' && named) return named.split('.')[0];
    }
    return undefined;
  }

  /** The message of the first schema issue alone (without the summary of every issue). */
  get fieldMessage(): string {
    const issues = this.details.issues;
    const first = Array.isArray(issues) ? (issues[0] as { message?: unknown } | undefined) : undefined;
    return typeof first?.message === 'string' ? first.message : this.message;
  }
}

let csrfToken: string | undefined;

/** Remembers the session's CSRF token (from login or /api/me); every write sends it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Query parameters: undefined values are left out. */
export type Query = Record<string, string | number | boolean | undefined | null>;

/** A path with its query string. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
    ?.error;
  if (error?.message)
    return new ApiError(response.status, error.code ?? 'ERROR', error.message, error.details);
  return new ApiError(response.status, 'HTTP', t.serverError(response.status));
}

/** Sends a request to the API and returns its JSON (undefined for 204); throws ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', t.networkError);
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (response.status === 401) window.dispatchEvent(new CustomEvent('duban:unauthenticated'));
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

/** GET with a query. */
export const apiGet = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));

/**
 * Sends a multipart form with upload progress (0..1) — fetch cannot report upload progress, so this
 * uses XMLHttpRequest. Throws ApiError like api().
 */
export function apiUpload<T>(
  path: string,
  form: FormData,
  onProgress?: (share: number) => void,
  method = 'POST',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, path);
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', t.networkError));
    request.onload = () => {
      const response = new Response(request.status === 204 ? null : request.responseText, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? '' },
      });
      if (!response.ok) {
        if (response.status === 401) window.dispatchEvent(new CustomEvent('duban:unauthenticated'));
        toApiError(response).then(reject, reject);
        return;
      }
      if (response.status === 204) resolve(undefined as T);
      else response.json().then((json) => resolve(json as T), reject);
    };
    request.send(form);
  });
}
