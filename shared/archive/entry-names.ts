/**
 * Names taken from an archive go into messages a person reads, so they are made printable and
 * kept short: control characters (NUL, newlines) become “�” and a long name keeps its beginning
 * and its end with an ellipsis in the middle, so a 5,000-character name never pushes the rest of
 * the message (what is wrong, “Nothing was changed.”) out of sight.
 */
const MAX_SHOWN = 80;

export function shownName(name: string, max = MAX_SHOWN): string {
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what is replaced.
  const printable = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');
  const characters = Array.from(printable);
  if (characters.length <= max) return printable;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${characters.slice(0, head).join('')}…${characters.slice(-tail).join('')}`;
}
