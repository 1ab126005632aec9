// The frame of every signed-in page: the platform name, the user's organisation and role, the navigation
// their role may use, a search box, the language switch and the user menu. On narrow screens the navigation
// folds away (and the search box with it: the navigation's Search entry stands in).
import { AppShell, Avatar, Burger, Button, Group, Menu, NavLink, ScrollArea, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLanguage, IconLogout, IconSearch, IconSettings } from '@tabler/icons-react';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { lazy, Suspense, useEffect } from 'react';
import { useUpdatePreferences } from '../app/preferences';
import { meQuery, primaryMembership, signOut } from '../auth/session';
import { notifyError } from '../components/notify';
import { useI18n } from '../i18n';
import { visibleNavigation } from './nav';

// The notification bell loads after the page (its own chunk and messages), keeping the first page small.
const NotificationBell = lazy(() => import('../pages/notifications/NotificationBell').then((m) => ({ default: m.NotificationBell })));

export function AppLayout() {
  const { t, pick, locale } = useI18n();
  const { data: me } = useSuspenseQuery(meQuery);
  const [opened, { toggle, close }] = useDisclosure();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const updatePreferences = useUpdatePreferences();
  // "/" puts the cursor in the search box (the header's, or the search page's own), as on many sites.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || (e.target as Element).closest('input,textarea,select,[contenteditable]')) return;
      const box = [...document.querySelectorAll<HTMLInputElement>('[data-search-box]')].find((b) => b.offsetParent);
      if (box) {
        e.preventDefault();
        box.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  if (!me) return null;
  const membership = primaryMembership(me);
  const name = pick(me.user.name_ar, me.user.name_en);
  const sections = visibleNavigation(me.permissions);

  const switchLanguage = () =>
    updatePreferences({ locale: locale === 'ar' ? 'en' : 'ar' }).catch((e) => notifyError(e, locale));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('common.closeMenu') : t('common.openMenu')} />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Group gap={8} wrap="nowrap">
                <img src="/favicon.svg" width={28} height={28} alt="" />
                <Title order={1} size="h4">
                  {t('common.appName')}
                </Title>
              </Group>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {me.permissions.includes('search.read') && !pathname.startsWith('/search') && (
              <form
                role="search"
                aria-label={t('common.searchSite')}
                onSubmit={(e) => {
                  e.preventDefault();
                  const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
                  if (q) void navigate({ to: '/search', search: { q } });
                }}
              >
                <TextInput
                  name="q"
                  type="search"
                  size="xs"
                  w={220}
                  visibleFrom="sm"
                  aria-label={t('common.searchSite')}
                  placeholder={t('common.searchPlaceholder')}
                  leftSection={<IconSearch size={14} aria-hidden />}
                  maxLength={1000}
                  data-search-box
                />
              </form>
            )}
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconLanguage size={16} aria-hidden />}
              onClick={switchLanguage}
              aria-label={t('common.switchLanguageLabel')}
              lang={locale === 'ar' ? 'en' : 'ar'}
            >
              {t('common.switchLanguage')}
            </Button>
            <Suspense fallback={null}>
              <NotificationBell />
            </Suspense>
            <Menu position="bottom-end" width={240}>
              <Menu.Target>
                <UnstyledButton aria-label={name} data-testid="user-menu">
                  <Group gap={8} wrap="nowrap">
                    <Avatar size={32} radius="xl" color="manzuma" name={name} aria-hidden />
                    <Stack gap={0} visibleFrom="md" style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600} truncate maw={220}>
                        {name}
                      </Text>
                      {membership && (
                        <Text size="xs" c="dimmed" truncate maw={220} data-testid="user-role">
                          {t(`common.role.${membership.role}`)} · {pick(membership.organization_name_ar, membership.organization_name_en)}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{me.user.email}</Menu.Label>
                <Menu.Item leftSection={<IconSettings size={16} aria-hidden />} onClick={() => navigate({ to: '/preferences' })}>
                  {t('common.preferences')}
                </Menu.Item>
                <Menu.Item
                  leftSection={<IconLogout size={16} aria-hidden />}
                  color="red"
                  onClick={async () => {
                    await signOut(queryClient);
                    navigate({ to: '/sign-in' });
                  }}
                >
                  {t('common.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('common.appName')}>
        <AppShell.Section grow component={ScrollArea}>
          <nav>
            {sections.map((section, i) => (
              <Stack gap={2} key={section.label ?? i} mb="sm">
                {section.label && (
                  <Text size="xs" fw={700} c="dimmed" px="sm" pt="xs" component="h2">
                    {t(section.label)}
                  </Text>
                )}
                {section.items.map((item) => {
                  // The most specific item wins: /change/saturation is not also "/change".
                  const matches = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));
                  const active = matches(item.to) && !sections.some((s) => s.items.some((o) => o.to.length > item.to.length && o.to.startsWith(item.to) && matches(o.to)));
                  return (
                    <NavLink
                      key={item.to}
                      component={Link}
                      to={item.to}
                      activeOptions={{ exact: true }}
                      label={t(item.label)}
                      leftSection={<item.icon size={18} stroke={1.6} aria-hidden />}
                      active={active}
                      aria-current={active ? 'page' : undefined}
                      onClick={close}
                    />
                  );
                })}
              </Stack>
            ))}
          </nav>
        </AppShell.Section>
        {membership && (
          <AppShell.Section hiddenFrom="md">
            <Text size="xs" c="dimmed">
              {t(`common.role.${membership.role}`)} · {pick(membership.organization_name_ar, membership.organization_name_en)}
            </Text>
          </AppShell.Section>
        )}
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
