import { Badge, Group, NumberInput, Select, Switch, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsSection } from './use-settings-section';

interface FieldProps {
  section: SettingsSection;
  /** The setting's key (`tradebook settings` name); also the field's test id. */
  setting: string;
  label: string;
  description?: string;
}

/** "default" beside a label whose value the user never set. */
function Label({ section, setting, label }: Pick<FieldProps, 'section' | 'setting' | 'label'>) {
  const { t } = useTranslation();
  if (!section.isDefault(setting)) return <>{label}</>;
  return (
    <Group gap={6} component="span" wrap="nowrap">
      <span>{label}</span>
      <Badge size="xs" variant="light" color="gray" component="span">
        {t('settings.isDefault')}
      </Badge>
    </Group>
  );
}

const errorProps = (setting: string) => ({ 'data-testid': `setting-error-${setting}` });

export function NumberSetting({ section, setting, label, description, min, max, step }: FieldProps & { min?: number; max?: number; step?: number }) {
  const value = section.value(setting);
  return (
    <NumberInput
      label={<Label section={section} setting={setting} label={label} />}
      description={description}
      value={typeof value === 'number' ? value : typeof value === 'string' ? value : ''}
      onChange={(next) => section.setValue(setting, next === '' ? null : next)}
      min={min}
      max={max}
      step={step}
      allowDecimal={step !== undefined && step < 1}
      // A value out of range is named next to the field, never silently changed to the nearest bound.
      clampBehavior="none"
      error={section.problemOf(setting)}
      errorProps={errorProps(setting)}
      data-testid={`setting-${setting}`}
    />
  );
}

export function TextSetting({ section, setting, label, description, type, nullable }: FieldProps & { type?: 'time'; nullable?: boolean }) {
  const value = section.value(setting);
  return (
    <TextInput
      type={type}
      label={<Label section={section} setting={setting} label={label} />}
      description={description}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => {
        const text = event.currentTarget.value;
        section.setValue(setting, nullable && text.trim() === '' ? null : text);
      }}
      error={section.problemOf(setting)}
      errorProps={errorProps(setting)}
      data-testid={`setting-${setting}`}
    />
  );
}

export function SelectSetting({ section, setting, label, description, data }: FieldProps & { data: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const value = section.value(setting);
  const current = typeof value === 'string' ? value : null;
  const options = current !== null && !data.some((option) => option.value === current) ? [{ value: current, label: current }, ...data] : data;
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage={t('accountForm.countryNothingFound')}
      label={<Label section={section} setting={setting} label={label} />}
      description={description}
      data={options}
      value={current}
      onChange={(next) => next !== null && section.setValue(setting, next)}
      error={section.problemOf(setting)}
      errorProps={errorProps(setting)}
      data-testid={`setting-${setting}`}
      limit={400}
    />
  );
}

export function SwitchSetting({ section, setting, label, description }: FieldProps) {
  return (
    <Switch
      label={<Label section={section} setting={setting} label={label} />}
      description={description}
      checked={section.value(setting) === true}
      onChange={(event) => section.setValue(setting, event.currentTarget.checked)}
      error={section.problemOf(setting)}
      data-testid={`setting-${setting}`}
    />
  );
}

/** `09:00-18:00` as two time fields; the window's problem shows under the pair. */
export function WindowSetting({ section, setting, label }: FieldProps) {
  const { t } = useTranslation();
  const value = section.value(setting);
  const [start = '', end = ''] = typeof value === 'string' ? value.split('-') : [];
  const problem = section.problemOf(setting);
  return (
    <Group grow align="flex-start" role="group" aria-label={label}>
      <TextInput
        type="time"
        label={<Label section={section} setting={setting} label={`${label} · ${t('settings.fields.windowStart')}`} />}
        value={start}
        onChange={(event) => section.setValue(setting, `${event.currentTarget.value}-${end}`)}
        error={problem}
        errorProps={errorProps(setting)}
        data-testid={`setting-${setting}-start`}
      />
      <TextInput
        type="time"
        label={t('settings.fields.windowEnd')}
        value={end}
        onChange={(event) => section.setValue(setting, `${start}-${event.currentTarget.value}`)}
        error={problem ? ' ' : undefined}
        data-testid={`setting-${setting}-end`}
      />
    </Group>
  );
}

/** "3, 1" as numbers; text that is not a list of numbers is kept as typed, so the check says what is wrong. */
function parseNumberList(text: string): unknown {
  const parts = text.split(/[,，\s]+/).filter((part) => part !== '');
  const numbers = parts.map(Number);
  return parts.length > 0 && numbers.every(Number.isFinite) ? numbers : text;
}

const listText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '');

/** A list of whole numbers typed as "3, 1": the text stays as typed while the value follows it. */
export function NumberListSetting({ section, setting, label, description }: FieldProps) {
  const value = section.value(setting);
  const [text, setText] = useState(() => listText(value));
  // Undo changes (or a reload) puts a value in that the text does not spell: show it.
  useEffect(() => {
    setText((current) => (JSON.stringify(parseNumberList(current)) === JSON.stringify(value) ? current : listText(value)));
  }, [value]);
  return (
    <TextInput
      label={<Label section={section} setting={setting} label={label} />}
      description={description}
      value={text}
      onChange={(event) => {
        const typed = event.currentTarget.value;
        setText(typed);
        section.setValue(setting, parseNumberList(typed));
      }}
      error={section.problemOf(setting)}
      errorProps={errorProps(setting)}
      data-testid={`setting-${setting}`}
    />
  );
}
