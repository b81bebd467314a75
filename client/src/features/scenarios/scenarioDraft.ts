import type { Policy } from '@scoreboard/shared';

/**
 * The scenario being edited on /scenarios is a whole policy document (SPEC §14). Inputs write
 * what the person typed into it: a decimal setting keeps the text itself (the policy schema reads
 * "0.25" exactly; a binary float would not), a whole-万元 setting becomes a number when it is
 * one. Anything else goes to the server as typed, and the 422 names the path of each bad field —
 * the page shows that message beside the field, so no rule is checked twice in two languages.
 */
export type Draft = Policy;
export type Path = readonly (string | number)[];

/** A copy of `doc` with the value at `path` replaced; the original is left as it was. */
export function setAt<T>(doc: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = [...doc] as unknown[];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const obj = (doc ?? {}) as Record<string, unknown>;
  return { ...obj, [head!]: setAt(obj[head as string], rest, value) } as T;
}

/** The value at `path`, or undefined. */
export function getAt(doc: unknown, path: Path): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** "countyAward.indicators.0.bonusPerPoint": the key the server's 422 details use. */
export const pathKey = (path: Path): string => path.join('.');

/** What a setting shows in its input. */
export function settingText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** A decimal setting (points, rates): the text itself, trimmed. */
export const decimalInput = (text: string): string => text.trim();

/** A whole-万元 setting: a number when the text is a whole number; blank → null where allowed. */
export function integerInput(text: string, nullable: boolean): number | string | null {
  const trimmed = text.trim();
  if (nullable && trimmed === '') return null;
  return /^\d{1,15}$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The problems of a 422 `invalid_policy` answer, by path. */
export function errorsByPath(body: unknown): Map<string, string> {
  const details = (body as { details?: unknown } | null)?.details;
  const out = new Map<string, string>();
  if (!Array.isArray(details)) return out;
  for (const d of details as { path?: unknown; message?: unknown }[]) {
    if (typeof d.path === 'string' && typeof d.message === 'string') out.set(d.path, d.message);
  }
  return out;
}

/** The list with the item at `index` moved one place up (-1) or down (1). */
export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}
