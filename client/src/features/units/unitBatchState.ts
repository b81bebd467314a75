import type { Batch } from '@scoreboard/shared';
import type { Lang, Translate } from '../../i18n/translate';

// The unit page's own wording. Kept beside the page because the shared dictionaries (i18n/zh.ts,
// en.ts) belong to another part of the tree; move these there when convenient.
const MESSAGES = {
  'zh-CN': {
    figures: '本单位数据',
    target: '{indicator}目标',
    active: '有效',
    partly: '部分有效：{keys}已被后续批次替代',
    superseded: '已全部被后续批次替代',
  },
  en: {
    figures: 'Figures of this unit',
    target: '{indicator} target',
    active: 'In force',
    partly: 'Partly in force: {keys} replaced by later batches',
    superseded: 'Fully replaced by later batches',
  },
} as const satisfies Record<Lang, Record<string, string>>;
export type UnitBatchMessage = keyof (typeof MESSAGES)['zh-CN'];

export function unitBatchText(lang: Lang, key: UnitBatchMessage, vars: Record<string, string> = {}): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

/** "450202/output" → 规上工业总产值目标; "450202/8/investment" → 8月工业投资 (keys: shared/src/keys.ts). */
export function unitKeyLabel(key: string, lang: Lang, t: Translate): string {
  const parts = key.split('/');
  const indicator = parts.at(-1);
  if (indicator !== 'output' && indicator !== 'investment') return key;
  const name = t(`indicator.${indicator}`);
  if (parts.length === 2) return unitBatchText(lang, 'target', { indicator: name });
  const month = t('common.month', { month: parts[1] ?? '' });
  return lang === 'en' ? `${month} ${name}` : `${month}${name}`;
}

export type UnitBatchState = 'reverted' | 'active' | 'partly' | 'superseded';

/**
 * Whether a batch still decides this unit's figures (SPEC.md §8: the latest batch in force wins key
 * by key; a reverted batch decides nothing).
 */
export function unitBatchState(batch: Pick<Batch, 'revertedAt' | 'unitKeys' | 'unitSupersededKeys'>): UnitBatchState {
  if (batch.revertedAt) return 'reverted';
  const superseded = batch.unitSupersededKeys?.length ?? 0;
  if (superseded === 0) return 'active';
  return batch.unitKeys !== null && superseded >= batch.unitKeys ? 'superseded' : 'partly';
}

// The tables' order: targets first, then month by month, output before investment.
const INDICATOR_ORDER = ['output', 'investment'];
function keyOrder(key: string): [number, number] {
  const parts = key.split('/');
  return [parts.length === 3 ? Number(parts[1]) : 0, INDICATOR_ORDER.indexOf(parts.at(-1) ?? '')];
}
const byTableOrder = (a: string, b: string) => {
  const [ma, ia] = keyOrder(a);
  const [mb, ib] = keyOrder(b);
  return ma - mb || ia - ib;
};

/** The state column's text; `reverted` is the uploads page's own wording, so both pages agree. */
export function describeUnitBatch(batch: Batch, lang: Lang, t: Translate, formatAt: (iso: string) => string): string {
  const state = unitBatchState(batch);
  if (state === 'reverted') return t('uploads.reverted', { by: batch.revertedBy ?? '', at: formatAt(batch.revertedAt ?? '') });
  if (state === 'partly') {
    const keys = [...(batch.unitSupersededKeys ?? [])].sort(byTableOrder).map((k) => unitKeyLabel(k, lang, t)).join(lang === 'en' ? ', ' : '、');
    return unitBatchText(lang, 'partly', { keys });
  }
  return unitBatchText(lang, state);
}
