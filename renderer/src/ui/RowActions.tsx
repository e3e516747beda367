import { Button, Group, Table } from '@mantine/core';

type EditRemoveProps = {
  what: string;
  onEdit: () => void;
  onRemove: () => void;
  removeLabel?: string;
};

/**
 * Edit and Remove buttons for one item. Each button's accessible name says which item it acts on
 * ("Edit party Xiaomi Corporation"), since "Edit" alone is ambiguous.
 */
export function EditRemoveButtons({
  what,
  onEdit,
  onRemove,
  removeLabel = 'Remove',
}: EditRemoveProps) {
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <Button size="xs" variant="default" onClick={onEdit} aria-label={`Edit ${what}`}>
        Edit
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={onRemove}
        aria-label={`${removeLabel} ${what}`}
      >
        {removeLabel}
      </Button>
    </Group>
  );
}

/** The Edit and Remove buttons at the end of a table row. */
export function RowActions(props: EditRemoveProps) {
  return (
    <Table.Td>
      <EditRemoveButtons {...props} />
    </Table.Td>
  );
}

/** The header cell above RowActions: named for screen readers, blank on screen. */
export function ActionsHeader() {
  return (
    <Table.Th>
      <span className="visually-hidden">Actions</span>
    </Table.Th>
  );
}
