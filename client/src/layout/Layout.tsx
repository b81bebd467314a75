import { Suspense, useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest, isDisplayMode } from '../api/client';
import { useLiveUpdates, type LiveState } from '../api/events';
import { sessionKeys } from '../api/keys';
import { IfRole, loginPath, useSession } from '../auth/session';
import { useI18n } from '../i18n/I18nProvider';
import { PolicyBadges, PolicySwitcher, usePolicy, usePolicyHref } from './policy';
import { z } from 'zod';
import { DataText, Interpolate } from '../ui/Interpolate';

export function LanguageSwitch({ className }: { className?: string }) {
  const { lang, setLang, t } = useI18n();
  return (
    // The visible word is the accessible name (WCAG 2.5.3: a voice user says what they see), in its
    // own language; what it does is the description.
    <button type="button" className={className ?? 'link-button'} lang={lang === 'en' ? 'zh-CN' : 'en'} title={t('lang.label')} onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>
      {t('lang.switch')}
    </button>
  );
}

/** The live indicator: a word and a dot, never colour alone; signed out offers the way back in. */
export function LiveBadge({ state }: { state: LiveState }) {
  const { t } = useI18n();
  const location = useLocation();
  return (
    <span className={`live live-${state}`} role="status" data-testid="live-state">
      <span aria-hidden="true">●</span> {t(`live.${state}`)}
      {state === 'signed-out' && !isDisplayMode() && (
        <Link className="live-action" to={loginPath(location)}>{t('live.signIn')}</Link>
      )}
    </span>
  );
}

/**
 * The navigation and tools behind one button on narrow screens (SPEC §16: the menu collapses).
 * Open and closed by the button (aria-expanded, aria-controls), closed again by Escape or by going
 * to another page; on wide screens the button is hidden and everything shows in the header row.
 */
function useMenu() {
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const [shownAt, setShownAt] = useState(location.key);
  if (shownAt !== location.key) {
    // a new page: the menu that led there closes
    setShownAt(location.key);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o) };
}

/** The frame of every ordinary page: header, navigation by role, language, user. */
export function Layout() {
  const { t } = useI18n();
  const session = useSession();
  const policy = usePolicy();
  const href = usePolicyHref();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const menu = useMenu();
  const menuId = useId();
  const live = useLiveUpdates(true);
  const logout = async () => {
    await apiRequest('/api/session', z.unknown(), { method: 'DELETE' }).catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(sessionKeys.current(), null);
    navigate('/login');
  };
  const link = ({ isActive }: { isActive: boolean }) => (isActive ? 'active' : undefined);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-policy" data-testid="brand-policy">
            {policy.title}
            <PolicyBadges summary={policy.summary} />
          </span>
        </div>
        <LiveBadge state={live} />
        <button type="button" className="menu-button" aria-expanded={menu.open} aria-controls={menuId} onClick={menu.toggle}>
          <span className="menu-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <div id={menuId} className={menu.open ? 'app-menu app-menu-open' : 'app-menu'} data-testid="app-menu">
          <PolicySwitcher />
          <nav aria-label={t('nav.main')}>
            <ul>
              <li><NavLink to={href('/')} end className={link}>{t('nav.ranking')}</NavLink></li>
              <li><NavLink to={href('/industries')} className={link}>{t('nav.industries')}</NavLink></li>
              <li><NavLink to={href('/uploads')} className={link}>{t('nav.uploads')}</NavLink></li>
              <li><NavLink to={href('/subsidies')} className={link}>{t('nav.subsidies')}</NavLink></li>
              <li><NavLink to={href('/awards')} end className={link}>{t('nav.awards')}</NavLink></li>
              <li><NavLink to={href('/screen')} className={link}>{t('nav.screen')}</NavLink></li>
              <IfRole role="leader">
                <li><NavLink to={href('/scenarios')} className={link}>{t('nav.scenarios')}</NavLink></li>
              </IfRole>
              <IfRole role="admin">
                <li><NavLink to={href('/admin')} className={link}>{t('nav.admin')}</NavLink></li>
              </IfRole>
            </ul>
          </nav>
          <div className="header-tools">
            <span className="user" data-testid="current-user">
              <Interpolate template={t('session.user', { role: t(`role.${session.role}`) })} values={{ name: <DataText text={session.displayName} /> }} />
            </span>
            <LanguageSwitch />
            <button type="button" className="link-button" onClick={() => void logout()}>
              {t('session.logout')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
