// A button for a destructive or irreversible action (disable a user, revoke a token): it asks first, in a
// dialog that names what will happen, and keeps focus inside until the user answers.
import { Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

interface ConfirmActionProps extends Omit<ButtonProps, 'onClick'> {
  /** The button's label, also the dialog's confirm button. */
  label: string;
  title: string;
  message: ReactNode;
  onConfirm: () => Promise<unknown> | void;
  icon?: ReactNode;
}

// Filled red.9 with white text (5.4:1, WCAG AA) unless the caller says otherwise. Not Mantine's "light" variant:
// under Mantine 9 a light button with a shaded colour ("red.9") paints that shade as its background and the
// colour's light text on it, an unreadable label. A caller's own colour must keep white text at 4.5:1 or more
// (a shade 9 red or the theme's "manzuma"; Mantine's plain "green" does not).
export function ConfirmAction({ label, title, message, onConfirm, icon, color = 'red.9', variant = 'filled', ...button }: ConfirmActionProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button color={color} variant={variant} leftSection={icon} {...button} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Stack>
          <Text size="sm">{message}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color={color} loading={busy} onClick={confirm}>
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
