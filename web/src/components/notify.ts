// Toasts: short confirmations of what just happened, and failures that have no field to sit next to.
import { notifications } from '@mantine/notifications';
import { errorMessage } from './States';

// Toasts are shown from event handlers, outside React's tree of messages: the page's language names the close button.
function closeButtonProps() {
  return { 'aria-label': document.documentElement.lang === 'en' ? 'Close' : 'إغلاق' };
}

export function notifySuccess(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true, autoClose: 4000, closeButtonProps: closeButtonProps() });
}

export function notifyError(error: unknown, locale: 'ar' | 'en'): void {
  notifications.show({
    message: errorMessage(error, locale),
    color: 'red',
    withBorder: true,
    autoClose: 8000,
    closeButtonProps: closeButtonProps(),
  });
}
