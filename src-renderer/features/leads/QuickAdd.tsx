import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { useQuickAddStore } from './quick-add-store';

const QuickAddDialog = lazy(() => import('./QuickAddDialog').then((module) => ({ default: module.QuickAddDialog })));

/** The shortcut that opens quick-add from any page (in a field too), and the dialog, loaded on first use. */
export function QuickAdd() {
  const { opened, open, close } = useQuickAddStore();
  const [used, setUsed] = useState(opened);
  if (opened && !used) setUsed(true);
  // An empty ignore list: the shortcut works while typing in a field of any page.
  useHotkeys([['mod+shift+L', open]], []);
  if (!used) return null;
  return (
    <Suspense fallback={null}>
      <QuickAddDialog opened={opened} onClose={close} />
    </Suspense>
  );
}
