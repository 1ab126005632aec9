// The user's language, calendar and digits: from their account when signed in (PATCH /me keeps them per user),
// otherwise from this browser, so the sign-in page opens in the language last used here.
import { useDirection } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, unwrap, type Me, type Schemas } from '../api/client';
import { meQuery } from '../auth/session';
import { defaultPreferences, I18nProvider, type Preferences } from '../i18n';

const storageKey = 'manzuma.preferences';

function stored(): Preferences {
  try {
    const raw = localStorage.getItem(storageKey);
    if (raw) return { ...defaultPreferences, ...(JSON.parse(raw) as Partial<Preferences>) };
  } catch {
    /* a private window or a corrupt value: fall back to Arabic */
  }
  return defaultPreferences;
}

function remember(p: Preferences): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(p));
  } catch {
    /* storage may be unavailable; the account still keeps the choice */
  }
}

type Update = (change: Partial<Preferences>) => Promise<void>;
const UpdateContext = createContext<Update>(async () => undefined);

/** Changes the language, calendar or digits: saved to the account when signed in, and to this browser. */
export function useUpdatePreferences(): Update {
  return useContext(UpdateContext);
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data: me } = useQuery(meQuery);
  const [local, setLocal] = useState<Preferences>(stored);
  const prefs = useMemo<Preferences>(
    () => (me ? { locale: me.user.locale, calendar: me.user.calendar, digits: me.user.digits } : local),
    [me, local],
  );

  const update = useCallback<Update>(
    async (change) => {
      const next = { ...prefs, ...change };
      setLocal(next);
      remember(next);
      if (!me) return;
      // The choice shows at once and is then saved. A `me` answer still in flight would land after it and put the
      // old language back, so it is cancelled first; one that starts while the change is being saved may still
      // carry the old language, so `me` is fetched again once the change is saved.
      await queryClient.cancelQueries({ queryKey: meQuery.queryKey });
      const before = queryClient.getQueryData<Me | null>(meQuery.queryKey);
      queryClient.setQueryData<Me | null>(meQuery.queryKey, (old) =>
        old ? { ...old, user: { ...old.user, ...change } } : old,
      );
      try {
        const user = await unwrap<Schemas['User']>(api.PATCH('/api/v1/me', { body: change }));
        queryClient.setQueryData<Me | null>(meQuery.queryKey, (old) => (old ? { ...old, user } : old));
      } catch (e) {
        queryClient.setQueryData<Me | null>(meQuery.queryKey, before);
        throw e;
      }
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
    [me, prefs, queryClient],
  );

  // <html lang dir> and Mantine's direction follow the language; the choice is kept for the next sign-in page.
  const { setDirection } = useDirection();
  useEffect(() => {
    const dir = prefs.locale === 'ar' ? 'rtl' : 'ltr';
    document.documentElement.lang = prefs.locale;
    document.documentElement.dir = dir;
    setDirection(dir);
    remember(prefs);
  }, [prefs, setDirection]);

  return (
    <UpdateContext.Provider value={update}>
      <I18nProvider preferences={prefs}>{children}</I18nProvider>
    </UpdateContext.Provider>
  );
}
