// A date input: the browser's own date field (keyboard and screen-reader friendly, no date-picker library),
// with a line under it that reads the chosen date back in the user's calendar and digits, so a user who works
// in Hijri sees "التاريخ: ١٥ جمادى الأولى ١٤٤٨ هـ" for what the field shows in Gregorian.
import { TextInput } from '@mantine/core';
import { useI18n } from '../i18n';

export interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD, or null when empty. */
  value: string | null;
  onChange: (v: string | null) => void;
  description?: string;
  error?: string;
  /** YYYY-MM-DD */
  min?: string;
  /** YYYY-MM-DD */
  max?: string;
  required?: boolean;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function DateField({ label, value, onChange, description, error, min, max, required }: DateFieldProps) {
  const { t, date } = useI18n();
  const shown = value && isoDate.test(value) ? date(value) : '';
  const hint = shown ? t('common.dateHint', { date: shown }) : '';
  return (
    <TextInput
      type="date"
      label={label}
      value={value ?? ''}
      min={min}
      max={max}
      required={required}
      error={error}
      // Incomplete or cleared input reads as '' in every browser: that is "no date".
      onChange={(e) => onChange(e.currentTarget.value || null)}
      description={
        description || hint ? (
          <>
            {description && <span style={{ display: 'block' }}>{description}</span>}
            {hint && <span style={{ display: 'block' }}>{hint}</span>}
          </>
        ) : undefined
      }
      styles={{ input: { maxWidth: '100%' } }}
    />
  );
}
