import { Text } from '@mantine/core';
import type { SnippetSegment } from '../../../../shared/search/snippet';

/**
 * A snippet as text nodes with the matches in <mark>: nothing in it can become markup. `inline`
 * draws it as a plain span styled like the paragraph (search.css), for places that hold only
 * phrasing content (a palette's result is a button) and redraw often.
 */
export function SnippetText({
  segments,
  inline = false,
}: {
  segments: SnippetSegment[];
  inline?: boolean;
}) {
  if (segments.length === 0) return null;
  const marked = segments.map((segment, index) =>
    segment.mark ? (
      <mark key={index}>{segment.text}</mark>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
  if (inline) return <span className="cf-snippet cf-snippet-inline">{marked}</span>;
  return (
    <Text size="sm" c="dimmed" className="cf-snippet">
      {marked}
    </Text>
  );
}
