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

// red.9: white text on Mantine's lighter reds is below WCAG AA contrast.
export function ConfirmAction({ label, title, message, onConfirm, icon, color = 'red.9', ...button }: ConfirmActionProps) {
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
      <Button color={color} variant="light" leftSection={icon} {...button} onClick={() => setOpen(true)}>
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
