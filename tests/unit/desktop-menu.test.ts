/**
 * The desktop menu (issue 14 item 5), pure: the usual accelerators, every label in the UI language, the window's own
 * keys shown but not registered (the window handles them), and each command item calling its action.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { backupNoticeTitle, menuTemplate } from '../../src-main/menu';

const items = (menu: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  menu.flatMap((item) => [item, ...items((item.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
const byId = (menu: MenuItemConstructorOptions[], id: string) => items(menu).find((item) => item.id === id)!;
const actions = () => ({ newLead: vi.fn(), backupNow: vi.fn(), shortcuts: vi.fn() });

describe('desktop menu', () => {
  it('File → New lead is Ctrl/⌘+Shift+L, not registered (the window’s own shortcut), and sends the command', () => {
    const a = actions();
    const menu = menuTemplate('en', 'win32', a);
    expect(menu.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const newLead = byId(menu, 'newLead');
    expect(newLead).toMatchObject({ label: 'New lead', accelerator: 'CmdOrCtrl+Shift+L', registerAccelerator: false });
    (newLead.click as () => void)();
    (byId(menu, 'backupNow').click as () => void)();
    (byId(menu, 'shortcuts').click as () => void)();
    expect([a.newLead.mock.calls.length, a.backupNow.mock.calls.length, a.shortcuts.mock.calls.length]).toEqual([1, 1, 1]);
    expect(items(menu).map((item) => item.role).filter(Boolean)).toEqual(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'about']);
  });

  it('every label in Chinese; on macOS the app menu comes first and File closes the window', () => {
    const zh = menuTemplate('zh-CN', 'darwin', actions());
    expect(zh.map((item) => item.label)).toEqual(['Tradebook', '文件', '编辑', '视图', '帮助']);
    const labelled = items(zh).filter((item) => item.type !== 'separator' && item.label !== 'Tradebook');
    for (const item of labelled) expect(item.label, JSON.stringify(item.role ?? item.id)).toMatch(/[\u4e00-\u9fff]/);
    expect(byId(zh, 'newLead').label).toBe('新线索');
    expect(items(zh).filter((item) => item.role === 'close')).toHaveLength(1);
    expect(backupNoticeTitle('zh-CN', true)).toBe('备份已保存');
    expect(backupNoticeTitle('en', false)).toBe('The backup was not made');
  });
});
