import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { displaySessionSchema } from '@scoreboard/shared';
import { ApiError, apiRequest, setDisplayMode, UNAUTHORIZED_EVENT } from '../../api/client';
import { useI18n } from '../../i18n/I18nProvider';
import { PolicyProvider } from '../../layout/policy';
import { DisplayContext } from './display';
import ScreenPage from './ScreenPage';
import './screen.css';

// While the server cannot be reached at load (a restart), keep asking: nobody is there to click.
const RETRY_MS = 5_000;

/**
 * The wall screen opened by a display link, /display/<token> (SPEC §16): no password, no session,
 * so no session limit ends it. The token is traded for the display cookie at every load; every
 * request says it is the display's. If the link is revoked the screen says so, and stays there.
 */
export default function DisplayScreen() {
  const { t } = useI18n();
  const { token = '' } = useParams();
  // before any query below leaves: this page's requests are the display's
  useState(() => setDisplayMode(true));
  const [refused, setRefused] = useState(false);
  const session = useQuery({
    queryKey: ['display', token],
    queryFn: () => apiRequest('/api/display/session', displaySessionSchema, { method: 'POST', body: { token }, quiet401: true }),
    retry: (_count, error) => !(error instanceof ApiError && error.status === 401),
    retryDelay: RETRY_MS,
    staleTime: Infinity,
  });
  useEffect(() => {
    // any read refused mid-way (the link revoked): the screen says so instead of a login page
    const onRefused = () => setRefused(true);
    window.addEventListener(UNAUTHORIZED_EVENT, onRefused);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onRefused);
  }, []);

  if (refused || (session.error instanceof ApiError && session.error.status === 401)) {
    return <DisplayMessage title={t('display.revoked')} text={t('display.revokedNote')} testId="display-revoked" />;
  }
  if (!session.data) return <DisplayMessage title={t('live.connecting')} text={session.error?.message ?? ''} testId="display-connecting" />;
  return (
    <DisplayContext.Provider value={session.data}>
      <PolicyProvider>
        <ScreenPage />
      </PolicyProvider>
    </DisplayContext.Provider>
  );
}

/** A whole-screen message on the dark background, readable from the back of the room. */
export function DisplayMessage({ title, text, testId }: { title: string; text: string; testId: string }) {
  return (
    <main className="screen screen-message" id="main" data-testid={testId}>
      <div role="alert">
        <h1>{title}</h1>
        {text && <p>{text}</p>}
      </div>
    </main>
  );
}
