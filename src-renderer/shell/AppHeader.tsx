import { Burger, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

interface AppHeaderProps {
  navbarOpened: boolean;
  onToggleNavbar: () => void;
}

export function AppHeader({ navbarOpened, onToggleNavbar }: AppHeaderProps) {
  const { t } = useTranslation();
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
      <LanguageSwitch />
    </Group>
  );
}
