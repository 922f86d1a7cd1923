import { Button, Result, Spin } from 'antd';
import { useEffect } from 'react';
import {
  createBrowserRouter,
  Navigate,
  Outlet,
  RouterProvider,
  useLocation,
  useNavigate,
} from 'react-router';
import { can, useMe } from '../api/session.ts';
import { ApiErrorAlert } from '../components/ApiErrorAlert.tsx';
import { common as t } from '../i18n/common.ts';
import { AppLayout } from './AppLayout.tsx';
import { lazyPage } from './area.ts';
import { areas } from './areas/index.ts';

/** Lets only signed-in users through; others go to the login page and come back afterwards. */
function RequireLogin() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    // Any 401 (an expired session) sends the user to log in, keeping where they were.
    const onUnauthenticated = () => {
      void me.refetch().then((result) => {
        if (!result.data)
          navigate('/login', { replace: true, state: { from: location.pathname + location.search } });
      });
    };
    window.addEventListener('duban:unauthenticated', onUnauthenticated);
    return () => window.removeEventListener('duban:unauthenticated', onUnauthenticated);
  }, [me, navigate, location]);
  if (me.isPending) return <Spin fullscreen tip={t.loading} />;
  if (me.isError) return <ApiErrorAlert error={me.error} style={{ margin: 48 }} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  // A login still missing a step (second factor, enrolment, expired password) finishes it first.
  if (me.data.pending)
    return <Navigate to="/login/step" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}

/** The first page after login: those who report (and review nothing) start at their to-do list, everyone else at the plans. */
function Home() {
  const me = useMe();
  if (!me.data) return null;
  const clerk = can(me.data, 'reports.submit') && !can(me.data, 'reports.review');
  return <Navigate to={clerk ? '/workbench' : '/plans'} replace />;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t.notFoundPage}
      subTitle={t.notFoundHint}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t.goHome}
        </Button>
      }
    />
  );
}

const router = createBrowserRouter([
  { path: '/login', ...lazyPage(() => import('../pages/account/LoginPage.tsx')) },
  { path: '/login/step', ...lazyPage(() => import('../pages/account/LoginStepPage.tsx')) },
  { path: '/setup', ...lazyPage(() => import('../pages/account/SetupPage.tsx')) },
  {
    element: <RequireLogin />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <Home /> },
          { path: 'account/password', ...lazyPage(() => import('../pages/account/PasswordPage.tsx')) },
          ...areas.flatMap((area) => area.routes),
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);

/** The web app's pages. */
export function App() {
  return <RouterProvider router={router} />;
}
