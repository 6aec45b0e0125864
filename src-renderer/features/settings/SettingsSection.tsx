import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSection } from './use-settings-section';

/** A card of settings with its own Save / Undo changes; Ctrl+Enter (⌘+Enter) inside it saves it. */
export function SectionCard({ id, title, section, children }: { id: string; title: string; section: SettingsSection; children: ReactNode }) {
  const { t } = useTranslation();
  const { status } = section;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={`settings-${id}-title`}
      data-testid={`settings-section-${id}`}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void section.save();
        }
      }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id={`settings-${id}-title`}>
          {title}
        </Title>
        {children}
        <Group gap="sm">
          <Button onClick={() => void section.save()} loading={section.saving} disabled={!section.dirty} data-testid={`settings-save-${id}`}>
            {t('settings.save')}
          </Button>
          <Button variant="default" onClick={section.reset} disabled={!section.dirty} data-testid={`settings-reset-${id}`}>
            {t('settings.reset')}
          </Button>
          <Text size="sm" role="status" aria-live="polite" c={status && status.kind !== 'saved' ? 'red.8' : 'teal.8'} data-testid={`settings-status-${id}`} data-status={status?.kind}>
            {status?.kind === 'saved' && t('settings.saved')}
            {status?.kind === 'notSaved' && t('settings.notSaved', { count: status.count })}
            {status?.kind === 'invalid' && t('settings.invalid', { count: status.count })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
