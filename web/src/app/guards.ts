// Route guards: a signed-out visitor goes to sign-in (and comes back after); a signed-in user without the
// page's policy action sees the 403 page at the same address.
import type { QueryClient } from '@tanstack/react-query';
import { redirect } from '@tanstack/react-router';
import type { Me } from '../api/client';
import { can, meQuery } from '../auth/session';

export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

export interface RouterContext {
  queryClient: QueryClient;
}

export async function requireSignIn(queryClient: QueryClient, href: string): Promise<Me> {
  const me = await queryClient.ensureQueryData(meQuery);
  if (!me) throw redirect({ to: '/sign-in', search: { next: href } });
  return me;
}

export function requirePermission(me: Me, action: string): void {
  if (!can(me, action)) throw new ForbiddenError();
}

/** Only same-site paths are followed after sign-in, so a crafted link cannot send the user elsewhere. */
export function safeNext(next: string | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}
