import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryDefaults } from '../api/query-client.ts';
import { meKey } from '../api/session.ts';
import { type TestRole, userOf } from '../test-support/users.ts';
import { visibleMenu } from './AppLayout.tsx';
import { areas } from './areas/index.ts';

/** The API as the server answers an administrator; every call is recorded. */
function stubApi() {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      const body = url.startsWith('/api/users')
        ? {
            users: [
              {
                id: 2,
                username: 'bangongshi',
                displayName: '办公室',
                roles: ['department'],
                unitName: '办公室',
                leaderName: null,
                disabled: false,
                createdAt: '2024-05-20T03:00:00.000Z',
              },
            ],
          }
        : {};
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    }),
  );
  return calls;
}

// Lazy routes render nothing until their module is loaded.
const NothingYet = () => null;

/** The app's pages under the signed-in user, at one address. */
function renderPage(role: TestRole, path: string) {
  const client = new QueryClient({ defaultOptions: queryDefaults });
  client.setQueryData(meKey, userOf(role));
  const routes = [{ path: '/', HydrateFallback: NothingYet, children: areas.flatMap((a) => a.routes) }];
  const router = createMemoryRouter(routes, {
    initialEntries: [path],
  });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
}

describe('用户与角色 by role', () => {
  afterEach(() => vi.unstubAllGlobals());

  for (const role of ['department', 'school', 'leader', 'viewer', 'supervisor'] as const) {
    it(`shows a ${role} user no 添加用户 and no account actions, and asks the API nothing`, async () => {
      const calls = stubApi();
      renderPage(role, '/users');
      expect(await screen.findByText('没有权限查看此页', {}, { timeout: 5000 })).toBeTruthy();
      expect(screen.queryByText('添加用户')).toBeNull();
      expect(screen.queryByText('重置密码')).toBeNull();
      expect(calls.filter((url) => url.startsWith('/api/users'))).toEqual([]);
    });
  }

  it('shows an administrator the accounts with 添加用户', async () => {
    stubApi();
    renderPage('admin', '/users');
    // The page's module loads on first visit, which takes a while in jsdom.
    expect(await screen.findByText('bangongshi', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: /添加用户/ })).toBeTruthy();
    expect(screen.queryByText('没有权限查看此页')).toBeNull();
  });
});

describe('menu by ability', () => {
  const paths = (role: TestRole) => visibleMenu(userOf(role)).map((entry) => entry.path);
  const adminOnly = ['/users', '/settings', '/jobs', '/settings/notifications'];

  it('gives a department user its work and nothing to administer', () => {
    expect(paths('department')).toEqual([
      '/workbench',
      '/notifications',
      '/plans',
      '/supervision/notices',
      '/findings',
      '/evaluation',
      '/tokens',
      '/account/two-factor',
    ]);
    // A school also fills the bureau's data collection rounds (一表通).
    const school = paths('department');
    school.splice(1, 0, '/balance/fill');
    expect(paths('school')).toEqual(school);
  });

  it('gives a leader review, supervision and the figures, no administration', () => {
    const leader = paths('leader');
    for (const path of ['/workbench', '/review', '/supervision', '/dashboard', '/bulletins', '/compare'])
      expect(leader).toContain(path);
    for (const path of [...adminOnly, '/import', '/directory', '/calendar', '/reminders'])
      expect(leader).not.toContain(path);
  });

  it('gives a viewer reading only', () => {
    expect(paths('viewer')).toEqual([
      '/notifications',
      '/plans',
      '/compare',
      '/findings',
      '/bulletins',
      '/balance',
      '/dashboard',
      '/evaluation',
      '/tokens',
      '/account/two-factor',
    ]);
  });

  it('keeps administration for administrators and importing for supervisors', () => {
    for (const path of adminOnly) {
      expect(paths('admin')).toContain(path);
      expect(paths('supervisor')).not.toContain(path);
    }
    expect(paths('supervisor')).toContain('/import');
    expect(paths('admin')).not.toContain('/import');
  });

  it('shows the three administrators (三员分立) no business pages', () => {
    const business = [
      '/workbench',
      '/plans',
      '/review',
      '/dashboard',
      '/bulletins',
      '/evaluation',
      '/findings',
    ];
    for (const role of ['admin', 'security_admin', 'auditor'] as const) {
      for (const path of [...business, '/import', '/supervision', '/compare', '/reminders'])
        expect(paths(role)).not.toContain(path);
    }
    expect(paths('security_admin')).toEqual([
      '/notifications',
      '/security/policy',
      '/security/locks',
      '/tokens',
      '/account/two-factor',
    ]);
    expect(paths('auditor')).toEqual(['/notifications', '/audit', '/tokens', '/account/two-factor']);
  });
});
