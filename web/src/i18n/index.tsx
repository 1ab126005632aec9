// Messages and formatting. Messages are ICU MessageFormat (plural rules per language: Arabic has six forms),
// kept per area in i18n/{ar,en}/<area>.json and looked up as "<area>.<key>". Dates follow the user's calendar
// (Gregorian or Hijri Umm al-Qura) and numbers the user's digits (Arabic-Indic or Latin).
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export type Locale = 'ar' | 'en';
export type Calendar = 'gregorian' | 'hijri';
export type Digits = 'arab' | 'latn';

export interface Preferences {
  locale: Locale;
  calendar: Calendar;
  digits: Digits;
}

type Catalog = Record<string, string>;
type Messages = Record<string, string>;

// common and auth are needed by the first page; every other area's messages load with its pages
// (`loadMessages('users')` in the route's loader), so the first page's JavaScript stays small.
const firstPage = import.meta.glob<Messages>('./{ar,en}/{common,auth}.json', { eager: true, import: 'default' });
const later = import.meta.glob<Messages>(['./{ar,en}/*.json', '!./{ar,en}/{common,auth}.json'], { import: 'default' });

export const catalogs: Record<Locale, Catalog> = { ar: {}, en: {} };

function add(path: string, messages: Messages): void {
  const m = /\.\/(ar|en)\/([^/]+)\.json$/.exec(path);
  if (!m) return;
  const catalog = catalogs[m[1] as Locale];
  for (const [k, v] of Object.entries(messages)) catalog[`${m[2]}.${k}`] = v;
}

for (const [path, messages] of Object.entries(firstPage)) add(path, messages);

const loaded = new Set<string>();

/** Loads the Arabic and English messages of the given areas (i18n/{ar,en}/<area>.json), once. */
export async function loadMessages(...areas: string[]): Promise<void> {
  const wanted = areas.filter((a) => !loaded.has(a));
  await Promise.all(
    wanted.flatMap((area) =>
      (['ar', 'en'] as const).map(async (locale) => {
        const path = `./${locale}/${area}.json`;
        const load = later[path];
        if (!load) throw new Error(`no messages for area ${area} in ${locale}`);
        add(path, await load());
      }),
    ),
  );
  for (const a of wanted) loaded.add(a);
}

/** The BCP 47 tag for a preference set: always names the calendar and digits, as `ar` alone now means Gregorian. */
export function localeTag(p: Preferences): string {
  const ca = p.calendar === 'hijri' ? 'islamic-umalqura' : 'gregory';
  return `${p.locale === 'ar' ? 'ar-OM' : 'en-GB'}-u-ca-${ca}-nu-${p.digits}`;
}

export const defaultPreferences: Preferences = { locale: 'ar', calendar: 'gregorian', digits: 'arab' };

export type MessageValues = Record<string, string | number | Date | null | undefined>;

export interface I18n extends Preferences {
  dir: 'rtl' | 'ltr';
  tag: string;
  /** The message for `key` ("area.key") with ICU arguments filled in; the key itself if it is missing. */
  t: (key: string, values?: MessageValues) => string;
  /** Picks the Arabic or English member of a bilingual record. */
  pick: (ar: string | null | undefined, en: string | null | undefined) => string;
  date: (iso: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  number: (n: number) => string;
}

const cache = new Map<string, IntlMessageFormat>();

export function makeI18n(p: Preferences): I18n {
  const tag = localeTag(p);
  const dateFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'Asia/Muscat' });
  const dateTimeFmt = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Muscat' });
  const numberFmt = new Intl.NumberFormat(tag);
  const catalog = catalogs[p.locale];
  const parse = (iso: string) => new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) || iso.length <= 10 ? iso : `${iso}Z`);
  return {
    ...p,
    dir: p.locale === 'ar' ? 'rtl' : 'ltr',
    tag,
    t(key, values) {
      const source = catalog[key];
      if (source === undefined) return key;
      if (!values) return source;
      const id = `${tag}\u0000${key}`;
      let fmt = cache.get(id);
      if (!fmt) {
        fmt = new IntlMessageFormat(source, tag);
        cache.set(id, fmt);
      }
      return String(fmt.format(values as Record<string, string | number | Date>));
    },
    pick: (ar, en) => (p.locale === 'ar' ? ar || en : en || ar) ?? '',
    date: (iso) => (iso ? dateFmt.format(parse(iso)) : ''),
    dateTime: (iso) => (iso ? dateTimeFmt.format(parse(iso)) : ''),
    number: (n) => numberFmt.format(n),
  };
}

const I18nContext = createContext<I18n>(makeI18n(defaultPreferences));

export function I18nProvider({ preferences, children }: { preferences: Preferences; children: ReactNode }) {
  const value = useMemo(
    () => makeI18n(preferences),
    [preferences.locale, preferences.calendar, preferences.digits],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
