import {
  DownOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  SettingOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Spin } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client.ts';
import { canAny, type Me, useCurrentUser } from '../api/session.ts';
import { common as t } from '../i18n/common.ts';
import type { MenuEntry } from './area.ts';
import { areas } from './areas/index.ts';
import { HeaderExtras } from './HeaderExtras.tsx';
import { useMenuBadges } from './menu-badges.ts';

/** The menu entries the user may see (by the abilities the server grants), in order. */
export function visibleMenu(me: Me): MenuEntry[] {
  return areas
    .flatMap((area) => area.menu)
    .filter((entry) => !entry.abilities || canAny(me, entry.abilities))
    .sort((a, b) => a.order - b.order);
}

/** The signed-in frame: side menu (a drawer on a phone), header with the user's menu, the page. */
export function AppLayout() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const entries = useMemo(() => visibleMenu(me), [me]);
  const badges = useMenuBadges(entries);
  const selected = entries
    .map((e) => e.path)
    .filter((path) => location.pathname === path || location.pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];

  const logout = async () => {
    try {
      await api('DELETE', '/api/session');
    } finally {
      // A fresh page load forgets everything of this user: cached answers, the CSRF token, and the
      // page the login guard would otherwise send the next person back to.
      window.location.assign('/login?out=1');
    }
  };

  const menuItem = (entry: MenuEntry) => ({
    key: entry.path,
    icon: entry.icon,
    label: (
      <span className="menu-label">
        {entry.label}
        {entry.badge && badges[entry.badge] ? (
          <Badge count={badges[entry.badge]} size="small" style={{ marginInlineStart: 8 }} />
        ) : null}
      </span>
    ),
  });
  const system = entries.filter((entry) => entry.group === 'system');
  const [openKeys, setOpenKeys] = useState<string[]>(() =>
    system.some((e) => location.pathname.startsWith(e.path)) ? ['system'] : [],
  );

  const menu = (
    <Menu
      openKeys={openKeys}
      onOpenChange={setOpenKeys}
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      items={[
        ...entries.filter((entry) => !entry.group).map(menuItem),
        ...(system.length > 0
          ? [
              {
                key: 'system',
                icon: <SettingOutlined />,
                label: t.menu.system,
                children: system.map(menuItem),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={220}
          title={t.appName}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider width={196} theme="light" className="app-sider">
          <div className="app-logo">
            <span className="app-logo-mark">督</span>
            <span>{t.appName}</span>
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              aria-label="菜单"
            />
          ) : (
            <span className="app-org">{me.organization?.name ?? t.appTitle}</span>
          )}
          <span className="app-header-right">
            <HeaderExtras />
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <LockOutlined />, label: t.account.changePassword },
                  { key: 'logout', icon: <LogoutOutlined />, label: t.account.logout },
                ],
                onClick: ({ key }) => {
                  if (key === 'password') navigate('/account/password');
                  else void logout();
                },
              }}
            >
              <Button type="text" data-testid="user-menu">
                <UserOutlined />
                {me.user.displayName}
                <span className="app-roles">
                  {me.unit ? `${me.unit.name} · ` : ''}
                  {me.roles.map((role) => t.account.roles[role] ?? role).join('、')}
                </span>
                <DownOutlined />
              </Button>
            </Dropdown>
          </span>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<Spin style={{ margin: 48 }} tip={t.loading} />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
