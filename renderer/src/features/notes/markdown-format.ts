/**
 * The formatting toolbar's edits as pure text operations: each takes the text and the selection
 * and answers the new text and the selection to restore, so the editor stays a plain textarea
 * (undo, spell-check and screen readers keep working) and the edits are testable.
 */
export type FormatKind = 'bold' | 'italic' | 'list' | 'heading' | 'link';

export type Edit = { value: string; start: number; end: number };

function wrap(edit: Edit, before: string, after: string, placeholder: string): Edit {
  const { value, start, end } = edit;
  const selected = value.slice(start, end) || placeholder;
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  return {
    value: next,
    start: start + before.length,
    end: start + before.length + selected.length,
  };
}

/** Prefixes every line the selection touches (a whole line when nothing is selected). */
function prefixLines(edit: Edit, prefix: string): Edit {
  const { value, start, end } = edit;
  const lineStart = value.lastIndexOf('\n', start - 1) + 1;
  const nextBreak = value.indexOf('\n', end);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(lineStart, lineEnd).split('\n');
  const changed = lines.map((line) => (line.startsWith(prefix) ? line : prefix + line)).join('\n');
  return {
    value: value.slice(0, lineStart) + changed + value.slice(lineEnd),
    start: lineStart,
    end: lineStart + changed.length,
  };
}

export function applyFormat(edit: Edit, kind: FormatKind): Edit {
  switch (kind) {
    case 'bold':
      return wrap(edit, '**', '**', 'bold text');
    case 'italic':
      return wrap(edit, '_', '_', 'italic text');
    case 'list':
      return prefixLines(edit, '- ');
    case 'heading':
      return prefixLines(edit, '## ');
    case 'link': {
      const linked = wrap(edit, '[', '](https://)', 'link text');
      // Leave the cursor where the address goes.
      const at = linked.end + 2;
      return { ...linked, start: at, end: at + 'https://'.length };
    }
  }
}
