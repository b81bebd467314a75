import type { Translate } from '../i18n/translate';

/**
 * Who did it, for display. The server itself acts as "system" (the first admin account, the demo
 * figures: server/src/services/demo.ts); an English word in a Chinese table reads as a bug, so it
 * is shown in the reader's language. Real user names are shown as they are.
 */
export function actorName(username: string, t: Translate): string {
  return username === 'system' ? t('common.system') : username;
}
