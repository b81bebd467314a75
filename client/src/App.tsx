import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireSession } from './auth/session';
import { Layout } from './layout/Layout';
import { PolicyProvider } from './layout/policy';
import { useI18n } from './i18n/I18nProvider';
import { RankingPage } from './features/ranking/RankingPage';

// The ranking is the landing page and ships in the first chunk; every other page is split off.
const IndustriesPage = lazy(() => import('./features/industries/IndustriesPage'));
const UnitPage = lazy(() => import('./features/units/UnitPage'));
const UploadsPage = lazy(() => import('./features/uploads/UploadsPage'));
const SubsidiesPage = lazy(() => import('./features/subsidies/SubsidiesPage'));
const AwardsPage = lazy(() => import('./features/awards/AwardsPage'));
const AwardsPrintPage = lazy(() => import('./features/awards/AwardsPrintPage'));
const ScreenPage = lazy(() => import('./features/screen/ScreenPage'));
const LoginPage = lazy(() => import('./features/login/LoginPage'));
const AdminPage = lazy(() => import('./features/admin/AdminPage'));
const ScenariosPage = lazy(() => import('./features/scenarios/ScenariosPage'));
const DisplayScreen = lazy(() => import('./features/screen/DisplayScreen'));

function Loading() {
  const { t } = useI18n();
  return <p className="loading">{t('common.loading')}</p>;
}

function Protected({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <PolicyProvider>{children}</PolicyProvider>
    </RequireSession>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <h1>{t('notFound.title')}</h1>;
}

export function App() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* Plain pages without the navigation frame: the A4 print view and the wall screen. */}
        <Route path="/awards/print" element={<Protected><AwardsPrintPage /></Protected>} />
        <Route path="/screen" element={<Protected><ScreenPage /></Protected>} />
        {/* A meeting room's wall screen on a display link: no session (SPEC §16). */}
        <Route path="/display/:token" element={<DisplayScreen />} />
        <Route element={<Protected><Layout /></Protected>}>
          <Route index element={<RankingPage />} />
          <Route path="/industries" element={<IndustriesPage />} />
          <Route path="/units/:unitId" element={<UnitPage />} />
          <Route path="/uploads" element={<UploadsPage />} />
          <Route path="/subsidies" element={<SubsidiesPage />} />
          <Route path="/awards" element={<AwardsPage />} />
          <Route path="/admin" element={<AdminPage />} />
          <Route path="/scenarios" element={<ScenariosPage />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
