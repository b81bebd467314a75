import { parseFigureKey, type Batch, type IndicatorScheme } from '@scoreboard/shared';
import type { Lang, Translate } from '../../i18n/translate';
import { indicatorName } from '../../policy/wording';

type Indicators = readonly Pick<IndicatorScheme, 'indicatorId' | 'name' | 'nameEn'>[];

/**
 * "450202/output" → 规上工业总产值目标; "450202/8/investment" → 8月工业投资. The key format is
 * shared/src/keys.ts's alone; the names are the policy's indicators.
 */
export function unitKeyLabel(key: string, indicators: Indicators, lang: Lang, t: Translate): string {
  const parsed = parseFigureKey(key.split('/').length === 2 ? 'unit-targets' : 'unit-actuals', key);
  if (parsed?.kind !== 'unit-targets' && parsed?.kind !== 'unit-actuals') return key;
  const indicator = indicators.find((i) => i.indicatorId === parsed.indicatorId);
  const name = indicator ? indicatorName(indicator, lang) : parsed.indicatorId;
  if (parsed.kind === 'unit-targets') return t('unit.batchTarget', { indicator: name });
  const month = t('common.month', { month: parsed.month });
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

/** The tables' order: targets first, then month by month, indicators in the policy's order. */
function byTableOrder(indicators: Indicators) {
  const order = (key: string): [number, number] => {
    const k = parseFigureKey(key.split('/').length === 2 ? 'unit-targets' : 'unit-actuals', key);
    const month = k?.kind === 'unit-actuals' ? k.month : 0;
    const id = k?.kind === 'unit-targets' || k?.kind === 'unit-actuals' ? k.indicatorId : '';
    return [month, indicators.findIndex((i) => i.indicatorId === id)];
  };
  return (a: string, b: string) => {
    const [ma, ia] = order(a);
    const [mb, ib] = order(b);
    return ma - mb || ia - ib;
  };
}

/** The state column's text; `reverted` is the uploads page's own wording, so both pages agree. */
export function describeUnitBatch(batch: Batch, indicators: Indicators, lang: Lang, t: Translate, formatAt: (iso: string) => string): string {
  const state = unitBatchState(batch);
  if (state === 'reverted') return t('uploads.reverted', { by: batch.revertedBy ?? '', at: formatAt(batch.revertedAt ?? '') });
  if (state === 'partly') {
    const keys = [...(batch.unitSupersededKeys ?? [])]
      .sort(byTableOrder(indicators))
      .map((k) => unitKeyLabel(k, indicators, lang, t))
      .join(lang === 'en' ? ', ' : '、');
    return t('unit.batchPartly', { keys });
  }
  return t(state === 'active' ? 'unit.batchActive' : 'unit.batchSuperseded');
}
