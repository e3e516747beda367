/**
 * A note's Markdown as a person reads it, for the index and for snippets: the markup characters
 * that only format ("## ", "**", "> ", list bullets, link targets) go, the words and the
 * punctuation that belongs to them ("2:26-cv-00123", "co-operation") stay.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|~~|\*|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|\s)_(\S[^\n]*?\S|\S)_(?=\s|$|[.,;:!?])/g, '$1$2')
    .replace(/^\s*([-*_])(?:\s*\1){2,}\s*$/gm, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
