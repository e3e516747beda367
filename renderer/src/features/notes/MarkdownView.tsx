import { Typography } from '@mantine/core';
import { useMemo, type MouseEvent } from 'react';
import { host } from '../../host/host';
import { notifyError } from '../../ui/notify';
import { renderMarkdown } from './markdown';

/**
 * Rendered Markdown. A click on a link never navigates the app window: https links go to the
 * host (the system browser on the desktop), anything else is refused with a message.
 */
export function MarkdownView({ markdown }: { markdown: string }) {
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const link = (event.target as Element).closest('a');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (!/^https:\/\//i.test(href)) {
      notifyError('Link not opened', `Casefile only opens secure web links (https): ${href}`);
      return;
    }
    host.openExternal({ url: href }).catch((error: unknown) => {
      notifyError('Link not opened', error instanceof Error ? error.message : String(error));
    });
  }

  return (
    <Typography>
      {/* Sanitised by renderMarkdown; clicks are only intercepted, keyboard users activate links as usual. */}
      {/* oxlint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions */}
      <div className="cf-markdown" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
