import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLogin } from '../../api/mutations';
import { useSessionQuery } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { LanguageSwitch } from '../../layout/Layout';

/** Only same-site paths: `next` comes from the URL and must not send the user elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSessionQuery();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: () => navigate(next, { replace: true }) });
  };
  const error = login.error;
  return (
    <main className="login" id="main">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="login-head">
          <h1 id="login-title">{t('app.title')}</h1>
          <LanguageSwitch />
        </div>
        <h2>{t('login.title')}</h2>
        <div className="field field-block">
          <label htmlFor="username">{t('login.username')}</label>
          <input id="username" name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} />
        </div>
        <div className="field field-block">
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        {error && (
          <p role="alert" className="notice notice-error">
            {error instanceof ApiError && error.status === 401 ? t('login.failed') : error.message}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={login.isPending}>{t('login.submit')}</button>
      </form>
    </main>
  );
}
