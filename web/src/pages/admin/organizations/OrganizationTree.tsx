// The organisation hierarchy as an accessible tree (WAI-ARIA tree pattern): one tab stop, arrow keys move
// through the visible items, the "forward" arrow (right in English, left in Arabic) opens a branch or
// enters it, the "back" arrow closes it or goes to the parent, Home/End jump, Enter or Space selects.
// Children load from the server the first time a branch is opened.
import { Badge, Loader } from '@mantine/core';
import { IconAlertTriangle, IconChevronDown, IconChevronLeft, IconChevronRight, IconPoint } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useI18n } from '../../../i18n';
import { childrenQuery, type Organization } from './api';
import classes from './OrganizationTree.module.css';

interface TreeState {
  selectedId?: number;
  focusedId?: number;
  expanded: ReadonlySet<number>;
  onToggle: (id: number, open: boolean) => void;
  onSelect: (id: number) => void;
}

const TreeContext = createContext<TreeState>({ expanded: new Set(), onToggle: () => undefined, onSelect: () => undefined });

export interface OrganizationTreeProps {
  /** The tree's accessible name. */
  label: string;
  selectedId?: number;
  expanded: ReadonlySet<number>;
  onToggle: (id: number, open: boolean) => void;
  onSelect: (id: number) => void;
}

export function OrganizationTree({ label, selectedId, expanded, onToggle, onSelect }: OrganizationTreeProps) {
  const { locale, dir, t } = useI18n();
  const roots = useQuery(childrenQuery(0, locale));
  const ref = useRef<HTMLUListElement>(null);
  const [focusedId, setFocusedId] = useState<number | undefined>(selectedId);

  // Exactly one item is in the tab order: the focused one; while focus is elsewhere it follows the
  // selection; if it is gone (its branch closed, the list reloaded), the first item takes over.
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const has = (id?: number) => id !== undefined && !!root.querySelector(`[role="treeitem"][data-id="${id}"]`);
    const inside = root.contains(document.activeElement);
    if (!inside && selectedId !== undefined && focusedId !== selectedId && has(selectedId)) {
      setFocusedId(selectedId);
      return;
    }
    if (has(focusedId)) return;
    const first = root.querySelector<HTMLElement>('[role="treeitem"]');
    if (first) setFocusedId(Number(first.dataset.id));
  });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const root = ref.current;
    const item = e.target as HTMLElement;
    if (!root || item.getAttribute('role') !== 'treeitem' || e.altKey || e.ctrlKey || e.metaKey) return;
    const items = Array.from(root.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    const i = items.indexOf(item);
    const id = Number(item.dataset.id);
    const state = item.getAttribute('aria-expanded');
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const focus = (el: Element | null | undefined) => (el as HTMLElement | null | undefined)?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(items[i + 1]);
        break;
      case 'ArrowUp':
        focus(items[i - 1]);
        break;
      case 'Home':
        focus(items[0]);
        break;
      case 'End':
        focus(items[items.length - 1]);
        break;
      case forward:
        if (state === 'false') onToggle(id, true);
        else if (state === 'true') focus(item.querySelector('[role="treeitem"]'));
        break;
      case back:
        if (state === 'true') onToggle(id, false);
        else focus(item.parentElement?.closest('[role="treeitem"]'));
        break;
      case 'Enter':
      case ' ':
        onSelect(id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const onFocus = (e: FocusEvent<HTMLUListElement>) => {
    const el = e.target as HTMLElement;
    if (el.getAttribute('role') === 'treeitem') setFocusedId(Number(el.dataset.id));
  };

  if (roots.error) return <ErrorState error={roots.error} onRetry={() => roots.refetch()} />;
  if (!roots.data) return <LoadingState />;
  if (roots.data.length === 0) return <EmptyState title={t('organizations.emptyTree')} />;

  return (
    <TreeContext.Provider value={{ selectedId, focusedId, expanded, onToggle, onSelect }}>
      <ul role="tree" aria-label={label} ref={ref} className={classes.tree} onKeyDown={onKeyDown} onFocus={onFocus}>
        {roots.data.map((o, i) => (
          <TreeItem key={o.id} org={o} level={1} posinset={i + 1} setsize={roots.data.length} />
        ))}
      </ul>
    </TreeContext.Provider>
  );
}

function TreeItem({ org, level, posinset, setsize }: { org: Organization; level: number; posinset: number; setsize: number }) {
  const { t, pick, locale, dir } = useI18n();
  const { selectedId, focusedId, expanded, onToggle, onSelect } = useContext(TreeContext);
  const open = expanded.has(org.id);
  const children = useQuery({ ...childrenQuery(org.id, locale), enabled: open });
  const leaf = children.data !== undefined && children.data.length === 0;
  const loading = open && children.isFetching && !children.data;
  const selected = selectedId === org.id;
  const Closed = dir === 'rtl' ? IconChevronLeft : IconChevronRight;
  const labelId = `org-tree-label-${org.id}`;

  return (
    <li
      role="treeitem"
      className={classes.item}
      data-id={org.id}
      aria-level={level}
      aria-posinset={posinset}
      aria-setsize={setsize}
      aria-selected={selected}
      aria-expanded={leaf ? undefined : open}
      aria-busy={loading || undefined}
      aria-labelledby={labelId}
      tabIndex={focusedId === org.id ? 0 : -1}
      data-testid={`org-tree-item-${org.id}`}
    >
      <div
        className={classes.row}
        style={{ ['--level' as string]: level - 1 }}
        data-selected={selected || undefined}
        data-inactive={!org.active || undefined}
        onClick={() => onSelect(org.id)}
      >
        <span
          className={classes.toggle}
          data-clickable={!leaf || undefined}
          aria-hidden
          onClick={(e) => {
            if (leaf) return;
            e.stopPropagation();
            onToggle(org.id, !open);
          }}
        >
          {loading ? (
            <Loader size={14} />
          ) : leaf ? (
            <IconPoint size={14} color="var(--mantine-color-gray-5)" />
          ) : open ? (
            <IconChevronDown size={16} />
          ) : (
            <Closed size={16} />
          )}
        </span>
        <span className={classes.label} id={labelId}>
          <span className={classes.name}>{pick(org.name_ar, org.name_en)}</span>
          <Badge size="sm" variant="default" radius="sm" tt="none">
            {t(`common.kind.${org.kind}`)}
          </Badge>
          {!org.active && (
            <Badge size="sm" variant="outline" color="gray" radius="sm" tt="none" c="gray.7">
              {t('organizations.inactive')}
            </Badge>
          )}
          {open && children.error && (
            <Badge
              size="sm"
              variant="light"
              color="red"
              radius="sm"
              tt="none"
              c="red.9"
              leftSection={<IconAlertTriangle size={12} aria-hidden />}
            >
              {t('organizations.childrenFailed')}
            </Badge>
          )}
        </span>
      </div>
      {open && children.data && children.data.length > 0 && (
        <ul role="group" className={classes.group}>
          {children.data.map((c, i) => (
            <TreeItem key={c.id} org={c} level={level + 1} posinset={i + 1} setsize={children.data.length} />
          ))}
        </ul>
      )}
    </li>
  );
}
