import { div, fromNumber, rat, toFixed } from '@scoreboard/shared';

/**
 * Display formatting for figures the API sends as JSON numbers. The text is produced from the
 * decimal the number was written as (exact rational arithmetic), so 102.005 never becomes "102.00"
 * through a binary float; the UI never rounds money itself, it only shows what the server computed.
 */

const DASH = '—';

function groupThousands(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [whole = '0', frac] = body.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac !== undefined ? '.' + frac : '');
}

/** 61200 → "61,200"; 6123.5 with 2 decimals → "6,123.50". */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return groupThousands(toFixed(fromNumber(value), decimals));
}

/** Money in 万元: "61,200" with up to two decimals kept when present (6123.5 → "6,123.5"). */
export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const fixed = toFixed(fromNumber(value), 2).replace(/\.?0+$/, '');
  return groupThousands(fixed);
}

/** 万元 → 亿元 with two decimals: 20000 → "2.00亿元". */
export function formatYi(wan: number | null | undefined): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return DASH;
  return groupThousands(toFixed(div(fromNumber(wan), rat(10000n)), 2)) + '亿元';
}

/**
 * 万元 amounts: below 1 亿 in 万元, from 1 亿 in 亿元. In English in millions of yuan, exactly
 * (1 万元 = 10,000 yuan, so 1,200 万元 → "12.00 million yuan").
 */
export function formatMoneyWan(wan: number | null | undefined, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return DASH;
  if (lang === 'en') return `${groupThousands(toFixed(div(fromNumber(wan), rat(100n)), 2))} million yuan`;
  return Math.abs(wan) >= 10000 ? formatYi(wan) : `${formatWan(wan)}万元`;
}

/** Rates as officials write them: 102 → "102.00%". */
export function formatPct(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return groupThousands(toFixed(fromNumber(value), decimals)) + '%';
}

/** A growth rate with its sign: 8.5 → "+8.50%", -3 → "-3.00%". */
export function formatSignedPct(value: number | null | undefined, decimals = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const text = formatPct(value, decimals);
  return value > 0 ? `+${text}` : text;
}

/** Yuan strings from the API ("237000.00") with thousands separators: "237,000.00". */
export function formatYuan(yuan: string): string {
  return /^-?\d+\.\d{2}$/.test(yuan) ? groupThousands(yuan) : yuan;
}

/** Any decimal string from the API ("34186.62", "300000", "3") with thousands separators, digits as given. */
export function formatDecimalText(text: string): string {
  return /^-?\d+(\.\d+)?$/.test(text) ? groupThousands(text) : text;
}
