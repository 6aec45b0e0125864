import { Center, Loader, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { inquirySources } from '../../../src-main/domain/settings';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { isLanguage, type Messages } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { countryOptions } from '../accounts/country-options';
import { CalendarSection } from './CalendarSection';
import { NumberListSetting, NumberSetting, SelectSetting, SwitchSetting, TextSetting, WindowSetting } from './SettingFields';
import { SectionCard } from './SettingsSection';
import { TouchPointsSection } from './TouchPointsSection';
import { useSettingsSection } from './use-settings-section';
import { useSettingsStore } from './settings-store';
import { WeightsSection } from './WeightsSection';

/** Every setting `tradebook settings` knows, in sections that save on their own (issue 13 item 5). */
export function SettingsPage() {
  const { t } = useTranslation();
  const values = useSettingsStore((state) => state.values);
  const error = useSettingsStore((state) => state.error);
  const load = useSettingsStore((state) => state.load);
  const language = useUiStore((state) => state.language);

  // Messages of refused saves come in the book's language: load again when it changes.
  useEffect(() => {
    void load();
  }, [load, language]);

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} data-testid="settings-page">
      <Stack gap={2}>
        <Title order={2}>{t('settings.title')}</Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('settings.intro')} {t('settings.saveHint')}
        </Text>
      </Stack>
      {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="settings-error" />}
      {values === null ? (
        !error && (
          <Center py="xl">
            <Loader aria-label={t('common.loading')} />
          </Center>
        )
      ) : (
        <>
          <YouSection />
          <ScheduleSection />
          <SlaSection />
          <WeightsSection />
          <TouchPointsSection />
          <CalendarSection />
          <BackupsSection />
        </>
      )}
    </Stack>
  );
}

const supported = (kind: 'timeZone' | 'currency'): string[] => {
  try {
    return Intl.supportedValuesOf(kind);
  } catch {
    return [];
  }
};

function YouSection() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const chooseLanguage = useUiStore((state) => state.chooseLanguage);
  const section = useSettingsSection();
  const zones = useMemo(() => supported('timeZone').map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })), []);
  const currencies = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'currency' });
    return supported('currency').map((code) => ({ value: code, label: `${code} · ${names.of(code) ?? code}` }));
  }, [language]);
  return (
    <SectionCard id="you" title={t('settings.sections.you')} section={section}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {/* The language switches at once, as the header's switch does. */}
        <Select
          label={t('settings.fields.language')}
          data={[
            { value: 'en', label: t('language.en') },
            { value: 'zh-CN', label: t('language.zh') },
          ]}
          value={language}
          allowDeselect={false}
          onChange={(value) => value && isLanguage(value) && void chooseLanguage(value)}
          data-testid="setting-language"
        />
        <SelectSetting section={section} setting="myTimeZone" label={t('settings.fields.myTimeZone')} description={t('settings.fields.myTimeZoneHint')} data={zones} />
        <SelectSetting section={section} setting="myCountry" label={t('settings.fields.myCountry')} data={countryOptions(language)} />
        <SelectSetting section={section} setting="baseCurrency" label={t('settings.fields.baseCurrency')} description={t('settings.fields.baseCurrencyHint')} data={currencies} />
      </SimpleGrid>
    </SectionCard>
  );
}

function ScheduleSection() {
  const { t } = useTranslation();
  const section = useSettingsSection();
  const field = (key: keyof Messages['settings']['fields']) => ({ section, setting: key, label: t(`settings.fields.${key}`) as string });
  return (
    <SectionCard id="schedule" title={t('settings.sections.schedule')} section={section}>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <WindowSetting {...field('businessWindow')} />
        <TextSetting {...field('buyerMorning')} type="time" description={t('settings.fields.buyerMorningHint')} />
        <NumberSetting {...field('followUpBusinessDays')} min={1} max={60} />
        <NumberSetting {...field('scheduleHorizonDays')} min={0} max={366} />
        <NumberListSetting {...field('expiryReminderBusinessDays')} description={t('settings.fields.expiryReminderHint')} />
        <NumberSetting {...field('paymentReminderDays')} min={0} max={60} />
        <NumberSetting {...field('poolDays')} min={0} max={3650} />
        <NumberSetting {...field('fxMaxAgeDays')} min={0} max={366} />
        <NumberSetting {...field('fxThresholdPercent')} min={0} max={100} step={0.5} />
      </SimpleGrid>
    </SectionCard>
  );
}

function SlaSection() {
  const { t } = useTranslation();
  const section = useSettingsSection();
  return (
    <SectionCard id="sla" title={t('settings.sections.sla')} section={section}>
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        {inquirySources.map((source) => (
          <NumberSetting
            key={source}
            section={section}
            setting={`slaHours.${source}`}
            label={`${t(`inquiries.sources.${source}`)} · ${t('settings.fields.slaHours')}`}
            min={0}
            max={720}
            step={0.5}
          />
        ))}
      </SimpleGrid>
      <SwitchSetting section={section} setting="slaCountsBusinessHours" label={t('settings.fields.slaCountsBusinessHours')} />
    </SectionCard>
  );
}

function BackupsSection() {
  const { t } = useTranslation();
  const section = useSettingsSection();
  return (
    <SectionCard id="backups" title={t('settings.sections.backups')} section={section}>
      <TextSetting section={section} setting="backupFolder" label={t('settings.fields.backupFolder')} description={t('settings.fields.backupFolderHint')} nullable />
    </SectionCard>
  );
}
