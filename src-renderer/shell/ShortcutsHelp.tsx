import { Button, Group, Kbd, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS_EVENT } from './use-menu-commands';

/** Keys typed into these are text, not shortcuts. */
const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

interface Shortcut {
  keys: string[][];
  what: string;
}

function Keys({ keys, or }: { keys: string[][]; or: string }) {
  const parts: ReactNode[] = [];
  keys.forEach((combo, i) => {
    if (i > 0) parts.push(<Text key={`or-${i}`} span size="sm" mx={4}>{or}</Text>);
    combo.forEach((key, j) => {
      if (j > 0) parts.push(<Text key={`plus-${i}-${j}`} span size="sm" mx={2}>+</Text>);
      parts.push(<Kbd key={`${i}-${j}`}>{key}</Kbd>);
    });
  });
  return <span>{parts}</span>;
}

function Section({ title, shortcuts, or }: { title: string; shortcuts: Shortcut[]; or: string }) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <Table verticalSpacing={4} withRowBorders={false}>
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.what}>
              <Table.Td w={220}>
                <Keys keys={s.keys} or={or} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.what}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * Every keyboard shortcut of the app in one overlay: "?" (outside a field) or the header's button opens it. The
 * board's keys are todo-keys.ts's; the others are the pages' own (Accounts "/" and N, an account's O and E).
 */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (TYPING.has(target.tagName) || target.isContentEditable)) return;
      event.preventDefault();
      setOpened(true);
    };
    const onMenu = () => setOpened(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(SHORTCUTS_EVENT, onMenu);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(SHORTCUTS_EVENT, onMenu);
    };
  }, []);
  const k = (key: string) => t(`shortcuts.keys.${key}` as 'shortcuts.keys.help');
  const or = t('shortcuts.or');
  return (
    <>
      <Button variant="default" size="sm" onClick={() => setOpened(true)} aria-label={t('shortcuts.openLabel')} aria-keyshortcuts="?" data-testid="shortcuts-open">
        ?
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('shortcuts.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="shortcuts">
        <Stack gap="md">
          <Section or={or} title={t('shortcuts.anywhere')} shortcuts={[
            { keys: [['Ctrl', 'Shift', 'L'], ['⌘', 'Shift', 'L']], what: k('newLead') },
            { keys: [['?']], what: k('help') },
          ]} />
          <Section or={or} title={t('shortcuts.accounts')} shortcuts={[
            { keys: [['/'], ['Ctrl', 'K']], what: k('search') },
            { keys: [['N']], what: k('addAccount') },
          ]} />
          <Section or={or} title={t('shortcuts.account')} shortcuts={[
            { keys: [['F2']], what: k('editAccount') },
            { keys: [['C']], what: k('addContact') },
            { keys: [['O']], what: k('addOrder') },
            { keys: [['E']], what: k('explain') },
            { keys: [['Esc'], ['Alt', '←']], what: k('back') },
          ]} />
          <Section or={or} title={t('shortcuts.board')} shortcuts={[
            { keys: [['J'], ['K']], what: k('move') },
            { keys: [['Home'], ['End']], what: k('firstLast') },
            { keys: [['X'], ['Enter']], what: k('done') },
            { keys: [['S']], what: k('snooze') },
            { keys: [['R']], what: k('reschedule') },
            { keys: [['O']], what: k('openRecord') },
            { keys: [['U'], ['Ctrl', 'Z']], what: k('undo') },
          ]} />
          <Group justify="flex-end">
            <Button onClick={() => setOpened(false)} data-testid="shortcuts-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
