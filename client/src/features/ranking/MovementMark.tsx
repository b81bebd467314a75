import { useI18n } from '../../i18n/I18nProvider';
import type { Movement } from './rankMovement';

/** ▲n / ▼n / 持平 / 新进 / — as text, with the words for screen readers: never colour alone. */
export function MovementMark({ movement }: { movement: Movement }) {
  const { t } = useI18n();
  if (!movement) return <>—</>;
  if (movement.kind === 'same') return <span className="movement-same">{t('ranking.same')}</span>;
  if (movement.kind === 'new') return <span>{t('ranking.new')}</span>;
  const up = movement.kind === 'up';
  const words = t(up ? 'ranking.up' : 'ranking.down', { n: movement.places });
  return (
    <span className={up ? 'movement-up' : 'movement-down'} title={words}>
      <span aria-hidden="true">{up ? '▲' : '▼'}{movement.places}</span>
      <span className="sr-only">{words}</span>
    </span>
  );
}
