import { ActionIcon, Group, Input, Tabs, Textarea, Tooltip } from '@mantine/core';
import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { applyFormat, type Edit, type FormatKind } from './markdown-format';
import { MarkdownView } from './MarkdownView';

type Props = {
  label: string;
  value?: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  description?: string;
};

const tools: { kind: FormatKind; label: string; text: string; shortcut?: string }[] = [
  { kind: 'bold', label: 'Bold', text: 'B', shortcut: 'Ctrl+B' },
  { kind: 'italic', label: 'Italic', text: 'I', shortcut: 'Ctrl+I' },
  { kind: 'heading', label: 'Heading', text: 'H' },
  { kind: 'list', label: 'Bulleted list', text: '•' },
  { kind: 'link', label: 'Link', text: '🔗' },
];

/**
 * A Markdown editor that is a plain textarea underneath (undo, spell-check and screen readers
 * keep working), with a small toolbar, Ctrl/Cmd+B and Ctrl/Cmd+I, and a Preview tab that shows
 * the note exactly as it will be displayed.
 */
export function MarkdownEditor({ label, value = '', onChange, onBlur, error, description }: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const restore = useRef<{ start: number; end: number } | null>(null);
  const [tab, setTab] = useState<string | null>('write');
  const fieldId = useId();

  // React resets the caret when it writes the new value; put the selection back afterwards.
  useLayoutEffect(() => {
    const selection = restore.current;
    if (selection && textarea.current) {
      textarea.current.focus();
      textarea.current.setSelectionRange(selection.start, selection.end);
      restore.current = null;
    }
  });

  function format(kind: FormatKind) {
    const element = textarea.current;
    if (!element) return;
    const edit: Edit = {
      value: element.value,
      start: element.selectionStart,
      end: element.selectionEnd,
    };
    const next = applyFormat(edit, kind);
    restore.current = { start: next.start, end: next.end };
    onChange(next.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      event.preventDefault();
      format(key === 'b' ? 'bold' : 'italic');
    }
  }

  return (
    <Input.Wrapper
      label={label}
      description={description}
      error={error}
      id={fieldId}
      errorProps={{ id: `${fieldId}-error` }}
    >
      <Tabs value={tab} onChange={setTab} keepMounted={false} mt={4}>
        <Tabs.List aria-label={`${label}: write or preview`}>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Group gap={4} mb={4} role="toolbar" aria-label="Formatting">
            {tools.map((tool) => (
              <Tooltip
                key={tool.kind}
                label={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
              >
                <ActionIcon
                  variant="default"
                  aria-label={tool.label}
                  onClick={() => format(tool.kind)}
                  fw={tool.kind === 'bold' ? 700 : undefined}
                  fs={tool.kind === 'italic' ? 'italic' : undefined}
                >
                  {tool.text}
                </ActionIcon>
              </Tooltip>
            ))}
          </Group>
          <Textarea
            ref={textarea}
            id={fieldId}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${fieldId}-error` : undefined}
            value={value}
            onChange={(event) => onChange(event.currentTarget.value)}
            onKeyDown={onKeyDown}
            onBlur={onBlur}
            autosize
            minRows={6}
            maxRows={20}
            error={Boolean(error)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {value.trim() ? (
            <MarkdownView markdown={value} />
          ) : (
            <Input.Description>Nothing written yet.</Input.Description>
          )}
        </Tabs.Panel>
      </Tabs>
    </Input.Wrapper>
  );
}
