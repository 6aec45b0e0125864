import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useIdlePreload } from '../../hooks/use-idle-preload';
import { useQuickAddStore } from './quick-add-store';

// The dialog's biggest part is the phone-number metadata: it is fetched while the page is idle.
const loadDialog = () => import('./QuickAddDialog');
const QuickAddDialog = lazy(() => loadDialog().then((module) => ({ default: module.QuickAddDialog })));

/** The shortcut that opens quick-add from any page (in a field too), and the dialog, mounted closed once fetched. */
export function QuickAdd() {
  const { opened, open, close } = useQuickAddStore();
  const [used, setUsed] = useState(opened);
  if (opened && !used) setUsed(true);
  const preloaded = useIdlePreload(loadDialog);
  // An empty ignore list: the shortcut works while typing in a field of any page.
  useHotkeys([['mod+shift+L', open]], []);
  if (!used && !preloaded) return null;
  return (
    <Suspense fallback={null}>
      <QuickAddDialog opened={opened} onClose={close} />
    </Suspense>
  );
}
