import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildContextMenuTemplate, type ContextMenuTarget } from './context-menu';

vi.mock('electron', () => ({ clipboard: {}, Menu: {} }));

const allowed = {
  canUndo: true,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canSelectAll: true,
  canDelete: true,
  canEditRichly: false,
};

const nothing: ContextMenuTarget = {
  isEditable: false,
  editFlags: allowed,
  misspelledWord: '',
  dictionarySuggestions: [],
  linkURL: '',
  selectionText: '',
};

function setUp(target: Partial<ContextMenuTarget>) {
  const actions = {
    replaceMisspelling: vi.fn<(word: string) => void>(),
    addToDictionary: vi.fn<(word: string) => void>(),
    copyText: vi.fn<(text: string) => void>(),
  };
  const template = buildContextMenuTemplate({ ...nothing, ...target }, actions);
  const named = (name: string) =>
    template.find((item) => item.label === name || item.role === name) as
      MenuItemConstructorOptions | undefined;
  const click = (name: string) => (named(name)?.click as (() => void) | undefined)?.();
  const shown = template
    .filter((item) => item.type !== 'separator')
    .map((item) => item.label ?? item.role);
  return { actions, template, named, click, shown };
}

describe('the right-click menu', () => {
  it('offers editing in a field, each item enabled as the field allows', () => {
    const { shown, named } = setUp({ isEditable: true });
    expect(shown).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    expect(named('undo')?.enabled).toBe(true);
    expect(named('redo')?.enabled).toBe(false);
  });

  it('puts spelling suggestions and "Add to dictionary" first for a misspelled word', () => {
    const { shown, click, actions } = setUp({
      isEditable: true,
      misspelledWord: 'licence',
      dictionarySuggestions: ['license', 'licensee'],
    });
    expect(shown.slice(0, 3)).toEqual(['license', 'licensee', 'Add to dictionary']);
    click('license');
    expect(actions.replaceMisspelling).toHaveBeenCalledWith('license');
    click('Add to dictionary');
    expect(actions.addToDictionary).toHaveBeenCalledWith('licence');
  });

  it('says so when the spell checker has no suggestion', () => {
    const { named } = setUp({ isEditable: true, misspelledWord: 'Xiaomi' });
    expect(named('No spelling suggestions')?.enabled).toBe(false);
  });

  it('copies a link, and offers nothing that would open it', () => {
    const { shown, click, actions } = setUp({ linkURL: 'https://example.com/judgment' });
    expect(shown).toEqual(['Copy link']);
    click('Copy link');
    expect(actions.copyText).toHaveBeenCalledWith('https://example.com/judgment');
  });

  it('offers copy for selected text elsewhere, and nothing at all for a plain click', () => {
    expect(setUp({ selectionText: 'cross-licence' }).shown).toEqual(['copy']);
    expect(setUp({}).template).toEqual([]);
  });
});
