import type { Lang } from './i18n/lang';
import type { Localized } from './i18n/messages';

/**
 * An error with a status, a stable English code for programs and a message for people: Chinese,
 * and English too when given as a Localized message (i18n/messages.ts), so the answer follows the
 * request's language (SPEC §16). `message` stays the Chinese text, for logs and for tests.
 */
export class HttpError extends Error {
  readonly localized: Localized | null;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string | Localized,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(typeof message === 'string' ? message : message.zh);
    this.name = 'HttpError';
    this.localized = typeof message === 'string' ? null : message;
  }

  /** The message in the request's language (a plain string is already in the one it was made in). */
  messageIn(lang: Lang): string {
    return this.localized ? this.localized[lang] : this.message;
  }
}

export const notFound = (code: string, message: string | Localized) => new HttpError(404, code, message);
export const conflict = (code: string, message: string | Localized) => new HttpError(409, code, message);
