import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A button that asks first, inline (no window.confirm): the question, then 确认 / 取消, both
 * reachable by keyboard; focus moves to 取消 so Enter twice does not confirm by accident.
 */
export function ConfirmButton(props: {
  label: ReactNode;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  className?: string;
  danger?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancelRef.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={props.className ?? 'button'} disabled={props.disabled} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={props.question}>
      <span className="confirm-question">{props.question}</span>
      <button
        type="button"
        className={props.danger ? 'button button-danger' : 'button button-primary'}
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        {t('common.confirm')}
      </button>
      <button type="button" className="button" ref={cancelRef} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
