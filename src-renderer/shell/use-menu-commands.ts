import { useEffect } from 'react';
import { useQuickAddStore } from '../features/leads/quick-add-store';

/** The event the shortcuts overlay opens on (the desktop menu's Help → Keyboard shortcuts). */
export const SHORTCUTS_EVENT = 'tradebook:shortcuts';

let listening = false;

/**
 * The desktop menu's commands (src-main/menu.ts, through the preload's `onCommand`): New lead opens quick-add, Help →
 * Keyboard shortcuts the overlay — the same as their keys. Web mode has no menu: nothing to listen to.
 */
export function useMenuCommands(): void {
  useEffect(() => {
    const bridge = window.tradebook;
    if (listening || !bridge?.onCommand) return;
    listening = true; // the preload has no way to stop listening: once per page
    bridge.onCommand((command) => {
      if (command === 'newLead') useQuickAddStore.getState().open();
      else if (command === 'shortcuts') window.dispatchEvent(new Event(SHORTCUTS_EVENT));
    });
  }, []);
}
