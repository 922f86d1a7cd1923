import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddUserModal } from './AddUserModal.tsx';
import { checkNewUser } from './user-form.ts';

function renderModal() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <AddUserModal open onClose={() => {}} />
      </AntApp>
    </QueryClientProvider>,
  );
}

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function chooseRole(name: string) {
  const select = screen.getByLabelText('角色');
  fireEvent.mouseDown(select);
  const option = await screen.findByTitle(name);
  fireEvent.click(option);
}

function submit() {
  fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
}

describe('add-user form', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the shared schema message for a username with bad characters', async () => {
    renderModal();
    fill('用户名', 'zhang san!');
    fill('初始密码', 'renshi-2024-ok');
    submit();
    expect(await screen.findByText('用户名只能包含字母、数字、汉字以及 . _ -')).toBeTruthy();
  });

  it('asks for the unit of a 股室 user before sending anything', async () => {
    const sent = vi.spyOn(globalThis, 'fetch');
    renderModal();
    fill('用户名', 'zhangsan');
    fill('初始密码', 'renshi-2024-ok');
    await chooseRole('股室');
    expect(await screen.findByLabelText('所属单位')).toBeTruthy();
    submit();
    expect(await screen.findByText('股室和学校用户必须指定所属单位（股室或学校）。')).toBeTruthy();
    await waitFor(() =>
      expect(sent.mock.calls.some(([, init]) => (init as RequestInit | undefined)?.method === 'POST')).toBe(
        false,
      ),
    );
  });
});

describe('checkNewUser', () => {
  it('drops a unit the roles do not need and passes a valid account', () => {
    const result = checkNewUser({
      username: 'chenll',
      password: 'leader-2024-ok',
      roles: ['leader'],
      unit: '办公室',
      leader: '陈玲玲',
    });
    expect(result).toEqual({
      ok: true,
      body: { username: 'chenll', password: 'leader-2024-ok', roles: ['leader'], leader: '陈玲玲' },
    });
  });

  it('names the field at fault in Chinese', () => {
    const result = checkNewUser({ username: 'x', password: 'p', roles: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.name).sort()).toEqual(['roles', 'username']);
  });
});
