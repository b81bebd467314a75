import type { FastifyRequest } from 'fastify';

/** The two languages the product speaks (SPEC §1, §16): Chinese by default, English on request. */
export type Lang = 'zh' | 'en';

/**
 * `Accept-Language: en…` → English; anything else, or none → Chinese, the product's language.
 * Only the first (preferred) tag counts, as browsers put the user's choice first; the dashboard
 * sends exactly its chosen language. The same rule as the upload reader's (ingest, issue 13).
 */
export function languageOf(acceptLanguage: string | string[] | undefined): Lang {
  const first = (Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage)?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

/** `?lang=en` / `?lang=zh-CN` on the URL, or null when absent or not one of ours. */
function explicitLang(url: string): Lang | null {
  const at = url.indexOf('?');
  if (at < 0) return null;
  const value = new URLSearchParams(url.slice(at + 1)).get('lang')?.trim().toLowerCase();
  if (!value) return null;
  if (value.startsWith('en')) return 'en';
  if (value.startsWith('zh')) return 'zh';
  return null;
}

/**
 * The language of a request's answer: an explicit `?lang=` first (a download link cannot set a
 * header, e.g. awards.xlsx), else Accept-Language (the dashboard sends its chosen language on every
 * request). Read from the raw URL, so a route's querystring schema need not know about `lang`.
 */
export function requestLang(request: Pick<FastifyRequest, 'url' | 'headers'>): Lang {
  return explicitLang(request.url) ?? languageOf(request.headers['accept-language']);
}
