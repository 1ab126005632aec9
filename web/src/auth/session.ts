// The signed-in user. `meQuery` is the one source of truth: null when no one is signed in.
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, networkProblem, setCsrfToken, unwrap, type Me, type Role } from '../api/client';

export const meQuery = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async (): Promise<Me | null> => {
    let r;
    try {
      r = await api.GET('/api/v1/me');
    } catch {
      throw new ApiError(networkProblem());
    }
    if (r.response.status === 401) {
      setCsrfToken(null);
      return null;
    }
    if (!r.data) throw new ApiError(r.error ?? networkProblem(r.response.status));
    setCsrfToken(r.data.csrf_token);
    return r.data;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** True when the signed-in user may call the policy action (the server's /me lists them). */
export function can(me: Me | null | undefined, action: string): boolean {
  return !!me && me.permissions.includes(action);
}

/** Every role, most senior first (the order of navigation, filters and charts). */
export const roles: readonly Role[] = [
  'platform_admin',
  'program_office',
  'entity_coordinator',
  'change_team_head',
  'practice_owner',
  'contributor',
  'assessor',
  'viewer',
];

/** The membership to show in the header: the most senior role the user holds. */
export function primaryMembership(me: Me) {
  const ms = [...me.user.memberships];
  ms.sort((a, b) => roles.indexOf(a.role) - roles.indexOf(b.role));
  return ms[0];
}

/**
 * Forgets everything cached for the previous user but keeps the `me` query itself, so components watching it
 * (the preferences, the layout) see the new user at once. `queryClient.clear()` would detach them.
 */
export function resetSession(queryClient: QueryClient, me: Me | null): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQuery.queryKey[0] });
  queryClient.setQueryData(meQuery.queryKey, me);
}

export async function signIn(queryClient: QueryClient, email: string, password: string): Promise<Me> {
  const me = await unwrap<Me>(api.POST('/api/v1/auth/login', { body: { email, password } }));
  setCsrfToken(me.csrf_token);
  resetSession(queryClient, me);
  return me;
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  await api.POST('/api/v1/auth/logout').catch(() => undefined);
  setCsrfToken(null);
  resetSession(queryClient, null);
}
