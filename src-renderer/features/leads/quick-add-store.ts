import { create } from 'zustand';

/** Whether the quick-add dialog is open: the shortcut and the header's button open it from any page. */
export const useQuickAddStore = create<{ opened: boolean; open(): void; close(): void }>()((set) => ({
  opened: false,
  open: () => set({ opened: true }),
  close: () => set({ opened: false }),
}));
