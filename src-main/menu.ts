/**
 * The desktop app's menu (issue 14 item 5), in the UI language, with the usual accelerators: New lead
 * (Ctrl/⌘+Shift+L) and Back up now, the edit roles (undo, cut, copy, paste…), zoom and full screen, and the list of
 * keyboard shortcuts. The window's own shortcuts stay the one place keys are handled: the menu shows their keys
 * without registering them (`registerAccelerator: false`) and a click sends the window the same command.
 * Pure: main.ts builds the Electron menu from it and rebuilds it when the language changes.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from './contract/messages';

export interface MenuActions {
  newLead(): void;
  backupNow(): void;
  shortcuts(): void;
}

const LABELS = {
  en: {
    file: 'File',
    newLead: 'New lead',
    backupNow: 'Back up now',
    quit: 'Quit Tradebook',
    close: 'Close window',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    view: 'View',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    fullScreen: 'Full screen',
    help: 'Help',
    shortcuts: 'Keyboard shortcuts',
    about: 'About Tradebook',
    hide: 'Hide Tradebook',
    hideOthers: 'Hide others',
    showAll: 'Show all',
    backupDone: 'Backup saved',
    backupFailed: 'The backup was not made',
  },
  'zh-CN': {
    file: '文件',
    newLead: '新线索',
    backupNow: '立即备份',
    quit: '退出 Tradebook',
    close: '关闭窗口',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    help: '帮助',
    shortcuts: '快捷键',
    about: '关于 Tradebook',
    hide: '隐藏 Tradebook',
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    backupDone: '备份已保存',
    backupFailed: '备份未完成',
  },
} as const satisfies Record<Language, Record<string, string>>;

export function menuTemplate(language: Language, platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const l = LABELS[language];
  const mac = platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Tradebook',
          submenu: [
            { role: 'about', label: l.about },
            { type: 'separator' },
            { role: 'hide', label: l.hide },
            { role: 'hideOthers', label: l.hideOthers },
            { role: 'unhide', label: l.showAll },
            { type: 'separator' },
            { role: 'quit', label: l.quit },
          ],
        },
      ]
    : [];
  return [
    ...appMenu,
    {
      label: l.file,
      submenu: [
        { id: 'newLead', label: l.newLead, accelerator: 'CmdOrCtrl+Shift+L', registerAccelerator: false, click: () => actions.newLead() },
        { id: 'backupNow', label: l.backupNow, click: () => actions.backupNow() },
        { type: 'separator' },
        mac ? { role: 'close', label: l.close } : { role: 'quit', label: l.quit },
      ],
    },
    {
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      label: l.view,
      submenu: [
        { role: 'resetZoom', label: l.resetZoom },
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullScreen },
      ],
    },
    {
      label: l.help,
      submenu: [
        { id: 'shortcuts', label: l.shortcuts, accelerator: 'Shift+/', registerAccelerator: false, click: () => actions.shortcuts() },
        ...(mac ? [] : [{ role: 'about' as const, label: l.about }]),
      ],
    },
  ];
}

/** The title of the notice after "Back up now" (its body is the backup's file, or the error's own message). */
export function backupNoticeTitle(language: Language, ok: boolean): string {
  return ok ? LABELS[language].backupDone : LABELS[language].backupFailed;
}
