// The notification queries and changes the bell and the notifications page share.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/client';
import { loadMessages } from '../../i18n';

export type Notice = Schemas['Notification'];
export type Digest = Schemas['Digest'];

/** The bell polls this every minute: one indexed count, cheap for the server. */
export const unreadQuery = queryOptions({
  queryKey: ['notifications', 'unread'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/notifications/unread-count')),
  refetchInterval: 60_000,
  refetchOnWindowFocus: true,
});

export const recentQuery = queryOptions({
  queryKey: ['notifications', 'recent'] as const,
  queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { 'page[size]': '8' } } })),
});

/** The bell lives in the header of every page: its messages load with it, not with a route. */
export const messagesQuery = queryOptions({
  queryKey: ['messages', 'notifications'] as const,
  queryFn: async () => {
    await loadMessages('notifications');
    return true;
  },
  staleTime: Infinity,
});

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id: String(id) } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
}
