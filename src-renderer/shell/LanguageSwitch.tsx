import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../i18n';
import { useUiStore } from '../stores/ui-store';

/** en / 中文: switches at once and saves the choice in the book (`language` setting). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const chooseLanguage = useUiStore((state) => state.chooseLanguage);
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={language}
      onChange={(value) => {
        if (isLanguage(value)) void chooseLanguage(value);
      }}
      data={[
        { value: 'en', label: t('language.en') },
        { value: 'zh-CN', label: t('language.zh') },
      ]}
      data-testid="language-switch"
    />
  );
}
