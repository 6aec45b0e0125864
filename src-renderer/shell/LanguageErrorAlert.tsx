import { ApiErrorAlert } from '../components/ApiErrorAlert';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../stores/ui-store';

/** Shown when the language switched on screen but the book did not save it. */
export function LanguageErrorAlert() {
  const { t } = useTranslation();
  const error = useUiStore((state) => state.languageError);
  const dismiss = useUiStore((state) => state.dismissLanguageError);
  if (!error) return null;
  return <ApiErrorAlert error={error} title={t('language.notSaved')} onClose={dismiss} testId="language-error" />;
}
