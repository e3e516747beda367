/** Notifications with an accessible close button; errors stay until read a little longer. */
import { notifications } from '@mantine/notifications';

const closeButtonProps = { 'aria-label': 'Dismiss this message' };

export function notifyDone(title: string, message: string): void {
  notifications.show({ title, message, closeButtonProps });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 10000, closeButtonProps });
}
