/**
 * The right-click menu. Electron shows none by default, so without this a counsel could not paste
 * into a field with the mouse or take a spelling suggestion. Built from the `context-menu` event's
 * own description of what was clicked: in a field, undo/redo, cut/copy/paste, select all and the
 * spelling suggestions; on a link, copying it (links open only through the app's own policy); on
 * selected text elsewhere, copy. Nothing else, and never "Inspect element".
 */
import { clipboard, Menu } from 'electron';
import type { ContextMenuParams, MenuItemConstructorOptions, WebContents } from 'electron';

export type ContextMenuTarget = Pick<
  ContextMenuParams,
  | 'isEditable'
  | 'editFlags'
  | 'misspelledWord'
  | 'dictionarySuggestions'
  | 'linkURL'
  | 'selectionText'
>;

export type ContextMenuActions = {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  copyText(text: string): void;
};

export function buildContextMenuTemplate(
  target: ContextMenuTarget,
  actions: ContextMenuActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  const separate = () => {
    if (items.length > 0 && items.at(-1)?.type !== 'separator') items.push({ type: 'separator' });
  };

  if (target.isEditable) {
    if (target.misspelledWord !== '') {
      for (const suggestion of target.dictionarySuggestions.slice(0, 5)) {
        items.push({ label: suggestion, click: () => actions.replaceMisspelling(suggestion) });
      }
      if (target.dictionarySuggestions.length === 0) {
        items.push({ label: 'No spelling suggestions', enabled: false });
      }
      items.push({
        label: 'Add to dictionary',
        click: () => actions.addToDictionary(target.misspelledWord),
      });
      separate();
    }
    const flags = target.editFlags;
    items.push(
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      { type: 'separator' },
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', enabled: flags.canSelectAll },
    );
    return items;
  }

  if (target.linkURL !== '') {
    items.push({ label: 'Copy link', click: () => actions.copyText(target.linkURL) });
  }
  if (target.selectionText.trim() !== '') {
    separate();
    items.push({ role: 'copy' });
  }
  return items;
}

/** Shows the menu on right-click in `contents`. */
export function installContextMenu(contents: WebContents) {
  contents.on('context-menu', (_event, params) => {
    const template = buildContextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => {
        contents.session.addWordToSpellCheckerDictionary(word);
      },
      copyText: (text) => clipboard.writeText(text),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup();
  });
}
