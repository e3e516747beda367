import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'wouter';
import { formatPartialDate } from '../../../../shared/domain/partial-date';
import { noteKind, privilege } from '../../../../shared/domain/vocabulary';
import { itemElementId } from '../timeline/focus-request';
import { MarkdownView } from './MarkdownView';
import { formatAmount, type NoteView } from './note-queries';
import { EditRemoveButtons } from '../../ui/RowActions';

export function noteName(note: NoteView): string {
  return `${note.title || noteKind.labels[note.kind]}, ${formatPartialDate(note.date) || 'date not given'}`;
}

/** Memoised: a long Notes tab redraws its list whenever it measures a card (NoteList.tsx). */
export const NoteCard = memo(function NoteCard({
  note,
  onEdit,
  onDelete,
}: {
  note: NoteView;
  onEdit: (note: NoteView) => void;
  onDelete: (note: NoteView) => void;
}) {
  const name = noteName(note);
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      id={itemElementId(note.id)}
      tabIndex={-1}
      aria-label={`Note: ${name}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="start">
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{formatPartialDate(note.date) || 'Date not given'}</Text>
              <Badge variant="light" styles={{ label: { color: 'var(--mantine-color-text)' } }}>
                {noteKind.labels[note.kind]}
              </Badge>
              {note.recordsResolution && (
                <Anchor component={Link} href={`/disputes/${note.disputeId}/resolution`}>
                  Records the resolution
                </Anchor>
              )}
            </Group>
            {note.title && (
              <Title order={3} size="h4">
                {note.title}
              </Title>
            )}
          </Stack>
          <EditRemoveButtons
            what={`note ${name}`}
            onEdit={() => onEdit(note)}
            onRemove={() => onDelete(note)}
            removeLabel="Delete"
          />
        </Group>
        {(note.participants || note.amount !== null) && (
          <Group gap="lg">
            {note.participants && <Text size="sm">Who took part: {note.participants}</Text>}
            {note.amount !== null && (
              <Text size="sm">Amount: {formatAmount(note.amount, note.currency)}</Text>
            )}
          </Group>
        )}
        {note.body && <MarkdownView markdown={note.body} />}
        {note.documents.length > 0 && (
          <Text size="sm">
            Documents:{' '}
            {note.documents.map((d, i) => (
              <span key={d.id}>
                {i > 0 && ', '}
                <Anchor component={Link} href={`/disputes/${note.disputeId}/documents`}>
                  {d.title}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {privilege.labels[note.privilege]}
        </Text>
      </Stack>
    </Paper>
  );
});
