import { TextInput } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface FilePathInputProps {
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  description?: string;
  error?: string | null;
  disabled?: boolean;
  testId: string;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A file on this computer, typed or pasted as a path: web mode runs on the same machine as the book, and the desktop
 * shell has no native file dialog yet.
 */
export function FilePathInput({ value, onChange, placeholder, description, error, disabled, testId, ref }: FilePathInputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      ref={ref}
      required
      label={t('files.path')}
      placeholder={placeholder}
      description={description ?? t('files.pathHint')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      error={error ?? undefined}
      errorProps={{ 'data-testid': `${testId}-error` }}
      disabled={disabled}
      spellCheck={false}
      autoComplete="off"
      autoCapitalize="off"
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      data-testid={testId}
    />
  );
}
