import { Burger, Button, Group, Kbd, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuickAddStore } from '../features/leads/quick-add-store';
import { LanguageSwitch } from './LanguageSwitch';
import { ShortcutsHelp } from './ShortcutsHelp';

interface AppHeaderProps {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ navbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
  const openQuickAdd = useQuickAddStore((state) => state.open);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navbarOpened} onClick={onToggleNavbar} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
        <Title order={1} size="h3" data-testid="app-name">
          {t('app.name')}
        </Title>
        <Text c="dimmed" size="sm" visibleFrom="md">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        <Button
          size="sm"
          onClick={openQuickAdd}
          aria-label={t('leads.openLabel')}
          aria-keyshortcuts="Control+Shift+L Meta+Shift+L"
          rightSection={<Kbd size="xs" visibleFrom="md">{t('leads.shortcut')}</Kbd>}
          data-testid="quick-add-open"
        >
          {t('leads.open')}
        </Button>
        <ShortcutsHelp />
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
