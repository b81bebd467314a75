import type { IndustryStatus } from '@scoreboard/shared';
import { useI18n } from '../i18n/I18nProvider';

const SYMBOL: Record<IndustryStatus, string> = {
  met: '✔',
  on_track: '↗',
  not_met: '✖',
  behind: '↘',
  no_target: '·',
  no_data: '?',
};

/** A status with its word and a symbol: colour is never the only signal. */
export function StatusChip({ status }: { status: IndustryStatus }) {
  const { t } = useI18n();
  return (
    <span className={`chip status-${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
}
