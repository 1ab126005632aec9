// Server validation errors next to their fields. The server answers a bad form with RFC 9457 problem+json
// whose `errors` name each field (`memberships[0].role`) with an Arabic and an English message; this shows
// them on a Mantine form, and shows them again in the other language when the user switches.
import type { UseFormReturnType } from '@mantine/form';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type Problem } from '../api/client';
import { useI18n, type Locale } from '../i18n';

/** `memberships[0].role` (the server's spelling) → `memberships.0.role` (Mantine's form path). */
export function formPath(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1');
}

/** Field → message in the given language; a problem that names no field gives none. */
export function fieldErrors(problem: Problem, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem.errors ?? []) out[formPath(e.field)] ??= locale === 'ar' ? e.message_ar : e.message_en;
  if (problem.field && out[formPath(problem.field)] === undefined) {
    const m = locale === 'ar' ? problem.detail_ar : problem.detail_en;
    if (m) out[formPath(problem.field)] = m;
  }
  return out;
}

/**
 * Remembers the last failure of a form's submission. Field errors go on the fields (only those the form
 * has); everything else is returned as `formError` for an alert above the buttons.
 */
export function useServerErrors<T extends Record<string, unknown>>(form: UseFormReturnType<T>) {
  const { locale } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [other, setOther] = useState<unknown>(null);

  useEffect(() => {
    if (!problem) return;
    const errors = fieldErrors(problem, locale);
    const known = Object.fromEntries(
      Object.entries(errors).filter(([path]) => pathExists(form.getValues(), path)),
    );
    form.setErrors(known);
    // form is stable per component; re-run only when the problem or language changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [problem, locale]);

  const capture = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        setProblem(error.problem);
        const errors = fieldErrors(error.problem, 'en');
        const onFields = Object.keys(errors).some((path) => pathExists(form.getValues(), path));
        setOther(onFields ? null : error);
      } else {
        setProblem(null);
        setOther(error);
      }
    },
    [form],
  );
  const clear = useCallback(() => {
    setProblem(null);
    setOther(null);
  }, []);
  return { capture, clear, formError: other };
}

function pathExists(values: unknown, path: string): boolean {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !(part in (cur as object))) return false;
    cur = (cur as Record<string, unknown>)[part];
  }
  return true;
}
