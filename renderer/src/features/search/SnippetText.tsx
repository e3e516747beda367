import { Text } from '@mantine/core';
import type { SnippetSegment } from '../../../../shared/search/snippet';

/** A snippet as text nodes with the matches in <mark>: nothing in it can become markup. */
export function SnippetText({ segments }: { segments: SnippetSegment[] }) {
  if (segments.length === 0) return null;
  return (
    <Text size="sm" c="dimmed" className="cf-snippet">
      {segments.map((segment, index) =>
        segment.mark ? (
          <mark key={index}>{segment.text}</mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </Text>
  );
}
