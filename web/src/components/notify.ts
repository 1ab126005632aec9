// Toasts: short confirmations of what just happened, and failures that have no field to sit next to.
import { notifications } from '@mantine/notifications';
import { errorMessage } from './States';

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, autoClose: 4000 });
}

export function notifyError(error: unknown, locale: 'ar' | 'en'): void {
  notifications.show({ message: errorMessage(error, locale), color: 'red', withBorder: true, autoClose: 8000 });
}
