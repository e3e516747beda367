/** Notifications with an accessible close button; errors stay until read a little longer. */
import { notifications } from '@mantine/notifications';

const closeButtonProps = { 'aria-label': 'Dismiss this message' };

export function notifyDone(title: string, message: string): void {
  notifications.show({ title, message, closeButtonProps });
}

export function notifyError(title: string, message: string): void {
  notifications.show({ color: 'red', title, message, autoClose: 10000, closeButtonProps });
}

/**
 * What was brought in line with today's rules on the way in (a restore, an import), one line
 * each; it stays until dismissed, since the person should read it.
 */
export function notifyRepairs(repairs: string[]): void {
  const shown = repairs.slice(0, 8);
  const more = repairs.length - shown.length;
  notifications.show({
    color: 'yellow',
    title: 'Brought in line with each dispute’s outcome',
    message: [
      ...shown,
      ...(more > 0 ? [`… and ${more} more (see each dispute’s history)`] : []),
    ].join('\n'),
    autoClose: false,
    style: { whiteSpace: 'pre-line' },
    closeButtonProps,
  });
}
