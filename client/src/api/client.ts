import { z } from 'zod';
import { errorResponseSchema } from '@scoreboard/shared';
import { translator, type Lang } from '../i18n/translate';

/**
 * The language the user chose (I18nProvider sets it): every request says it in Accept-Language, so
 * the server's messages come in it too (SPEC §16), and the client's own fallbacks use it.
 */
let language: Lang = 'zh-CN';
export function setRequestLanguage(lang: Lang): void {
  language = lang;
}
export const requestLanguage = (): Lang => language;
const acceptLanguage = () => (language === 'en' ? 'en' : 'zh-CN');

/**
 * A wall screen opened by a display link (/display/<token>) marks every request as its own
 * (x-display: 1), so the server answers it by the display cookie, never by a person's session
 * that may share the browser (SPEC §16).
 */
let displayMode = false;
export function setDisplayMode(on: boolean): void {
  displayMode = on;
}
export const isDisplayMode = (): boolean => displayMode;

/** A refusal from the server, with its stable `code` and the `message` to show, in the chosen language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The whole parsed body, for callers that need more (e.g. the upload errors list). */
  readonly body: unknown;
  constructor(status: number, code: string, message: string, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** Fired on every 401 so the app can send the user to /login, keeping where they were going. */
export const UNAUTHORIZED_EVENT = 'scoreboard:unauthorized';

export function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, body);
  return new ApiError(status, `http_${status}`, translator(language)('api.httpError', { status }), body);
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not announce a 401 (the session probe and the login form handle it themselves). */
  quiet401?: boolean;
}

/**
 * Calls the API and parses the answer with the shared zod schema (api.ts), so a drifted server is
 * caught at the boundary instead of deep in a component.
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage() };
  if (displayMode) headers['x-display'] = '1';
  const init: RequestInit = { method: options.method ?? 'GET', headers, credentials: 'same-origin', signal: options.signal };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', translator(language)('api.network'));
  }
  const body = await readJson(response);
  if (!response.ok) {
    if (response.status === 401 && !options.quiet401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    throw errorFromBody(response.status, body);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, 'unexpected_response', translator(language)('api.unexpected', { what: path, reason: parsed.error.issues[0]?.message ?? '' }), body);
  }
  return parsed.data;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * A multipart POST through XMLHttpRequest, because fetch cannot report upload progress.
 * Resolves with the HTTP status and parsed body; the caller decides which schema fits which status.
 */
export function postFormWithProgress(
  path: string,
  form: FormData,
  onProgress: (p: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', acceptLanguage());
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress({ loaded: e.loaded, total: e.total });
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : null;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status === 401) window.dispatchEvent(new Event(UNAUTHORIZED_EVENT));
      resolve({ status: xhr.status, body });
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network_error', translator(language)('api.uploadNetwork'))));
    xhr.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
