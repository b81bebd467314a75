import type { Awards } from '@scoreboard/shared';
import { formatDateTime } from '../../format/dates';
import type { Translate } from '../../i18n/translate';

/** A finalization over missing data, in words: how many units lacked which month, who, when, and why. */
export function overrideText(o: NonNullable<Awards['incompleteOverride']>, t: Translate): string {
  const months = [...new Set(o.gaps.map((g) => g.month))].map((m) => t('common.month', { month: m })).join('、');
  return t('awards.override.note', { count: o.gaps.length, month: months, by: o.by, date: formatDateTime(o.at), reason: o.reason });
}
