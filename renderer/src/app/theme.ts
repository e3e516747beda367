import {
  Badge,
  createTheme,
  Loader,
  Modal,
  Notification,
  Table,
  type CSSVariablesResolver,
} from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white button text above the 4.5:1 contrast WCAG AA asks for.
  primaryShade: { light: 8, dark: 7 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  respectReducedMotion: true,
  components: {
    // Mantine's close buttons are icons without a name; screen readers need one.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    // A badge carries a state ("Stayed", "Overdue"): it takes the width its word needs and never
    // ends in an ellipsis. Mantine's default lets a flex parent squeeze it and clips the label.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    Table: Table.extend({ classNames: { table: 'cf-table' } }),
    // A loader is a span named by its aria-label ("Loading your case files"); a name needs a
    // role to be read out (axe: aria-prohibited-attr). It is an indeterminate progress bar.
    Loader: Loader.extend({ defaultProps: { role: 'progressbar' } }),
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss this message' } },
    }),
  },
});

/** Mantine's default "dimmed" grey is too faint to read (3.3:1); this one passes AA. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057' },
  dark: { '--mantine-color-dimmed': t.colors.dark[1] ?? '#b8b8b8' },
});
