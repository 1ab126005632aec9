// "Export" for a server-side list: CSV or Excel of every row that matches the table's current search, filters
// and sort (not only the page on screen). The server's GET <list>/export applies the list's own permissions
// and scope; the browser downloads the file with the session cookie.
import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useI18n } from '../i18n';

/** The export URL of a list: the list's query without paging, plus the format. */
export function exportUrl(path: string, query: Record<string, string | number | undefined>, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format });
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === '' || k.startsWith('page[')) continue;
    params.append(k, String(v));
  }
  return `${path}/export?${params.toString()}`;
}

export function ExportMenu({ path, query }: { path: string; query: Record<string, string | number | undefined> }) {
  const { t } = useI18n();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={18} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          {t('common.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={exportUrl(path, query, 'xlsx')} download>
          {t('common.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(path, query, 'csv')} download>
          {t('common.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
