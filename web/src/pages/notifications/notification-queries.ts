import type { NotificationList } from '@shared/notifications.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet } from '../../api/client.ts';

/** Query keys of the notification area (everything under ['notifications'] refreshes together). */
export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean, page: number) => ['notifications', 'list', unreadOnly, page] as const,
};

/** The unread count, refreshed every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => apiGet<{ unread: number }>('/api/notifications/unread-count'),
    refetchInterval: 60_000,
  });
}

/** A page of one's notifications. */
export function useNotifications(unreadOnly: boolean, page: number, pageSize: number) {
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly, page),
    queryFn: () =>
      apiGet<NotificationList>('/api/notifications', {
        ...(unreadOnly ? { unread: 'true' } : {}),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
  });
}

/** Marks one notification, or all, read; refreshes the lists and the count. */
export function useMarkRead() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: notificationKeys.all });
  return {
    one: useMutation({
      mutationFn: (id: number) => api('POST', `/api/notifications/${id}/read`),
      onSuccess: refresh,
    }),
    all: useMutation({ mutationFn: () => api('POST', '/api/notifications/read-all'), onSuccess: refresh }),
  };
}
