import '@mantine/dates/styles.css';
import 'dayjs/locale/zh-cn';
import { ActionIcon, Alert, Badge, Button, Group, Indicator, List, Modal, Paper, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { Calendar, DatesProvider } from '@mantine/dates';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { CalendarOverrideRecord } from '../../../src-main/contract/models';
import type { YearCalendarView } from '../../../src-main/contract/calendar';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { countryName } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { countryOptions } from '../accounts/country-options';
import { useSettingsStore } from './settings-store';
import { dayStatus, weekendDaysOf, type DayStatus } from './calendar-days';

const today = () => new Date().toISOString().slice(0, 10);

/** R3: a country's business calendar by month, with the user's own holidays and workdays marked and editable. */
export function CalendarSection() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const myCountry = useSettingsStore((state) => state.values?.myCountry);
  const [country, setCountry] = useState(typeof myCountry === 'string' ? myCountry : 'CN');
  const [month, setMonth] = useState(() => `${today().slice(0, 7)}-01`);
  const [years, setYears] = useState<Record<string, YearCalendarView>>({});
  const [overrides, setOverrides] = useState<CalendarOverrideRecord[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const shownYears = useMemo(() => {
    const year = Number(month.slice(0, 4));
    return month.slice(5, 7) === '12' ? [year, year + 1] : [year];
  }, [month]);

  const load = useCallback(async () => {
    const [listed, ...calendars] = await Promise.all([
      api.call('calendar.overrides.list', { country }),
      ...shownYears.map((year) => api.call('calendar.year', { country, year })),
    ]);
    const failed = [listed, ...calendars].find((result) => !result.ok);
    if (failed && !failed.ok) {
      setError(failed.error);
      return;
    }
    setError(null);
    if (listed.ok) setOverrides(listed.value);
    setYears(Object.fromEntries(calendars.flatMap((result) => (result.ok ? [[String(result.value.year), result.value]] : []))));
  }, [country, shownYears]);

  // Holiday names come in the book's language: load again when it changes.
  useEffect(() => {
    void load();
  }, [load, language]);

  const statusOf = (date: string): DayStatus => dayStatus(date, years[date.slice(0, 4)]);
  const describe = (date: string): string => {
    const status = statusOf(date);
    const what =
      status.kind === 'holiday'
        ? t('settings.calendar.holiday', { name: status.name })
        : status.kind === 'workday'
          ? t('settings.calendar.workday', { name: status.name })
          : status.kind === 'weekend'
            ? t('settings.calendar.weekend')
            : t('settings.calendar.businessDay');
    return `${t('settings.calendar.dayLabel', { date, what })}${status.own ? ` ${t('settings.calendar.own')}` : ''}`;
  };
  const calendar = years[month.slice(0, 4)];
  const mine = overrides.filter((o) => o.country === country);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-calendar-title" data-testid="settings-section-calendar">
      <Stack gap="sm">
        <Title order={3} size="h4" id="settings-calendar-title">
          {t('settings.sections.calendar')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('settings.calendar.intro')}
        </Text>
        <Group align="flex-end">
          <Select
            searchable
            allowDeselect={false}
            w={280}
            label={t('settings.calendar.country')}
            data={countryOptions(language)}
            value={country}
            onChange={(value) => value && setCountry(value)}
            data-testid="calendar-country"
          />
          <Legend />
        </Group>
        {calendar?.approximate && (
          <Alert color="orange" variant="light" data-testid="calendar-approximate">
            {t('settings.calendar.approximate')}
          </Alert>
        )}
        {error && <ApiErrorAlert error={error} onRetry={() => void load()} testId="calendar-error" />}
        <DatesProvider settings={{ locale: language === 'zh-CN' ? 'zh-cn' : 'en', firstDayOfWeek: 1, weekendDays: weekendDaysOf(calendar, month) }}>
          <div data-testid="calendar-months">
            <Calendar
              date={month}
              onDateChange={setMonth}
              numberOfColumns={2}
              maxLevel="year"
              highlightToday
              // Days of the months before and after would be faint (2.1:1) and only repeat the next column's.
              hideOutsideDates
              previousLabel={t('settings.calendar.previousMonth')}
              nextLabel={t('settings.calendar.nextMonth')}
              getDayProps={(date) => {
                const status = statusOf(date);
                return {
                  onClick: () => setPicked(date),
                  'aria-label': describe(date),
                  'data-date': date,
                  'data-status': status.kind,
                  'data-own': status.own || undefined,
                  style:
                    status.kind === 'holiday'
                      ? { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' }
                      : status.kind === 'workday'
                        ? { background: 'var(--mantine-color-teal-1)', color: 'var(--mantine-color-teal-9)' }
                        : status.kind === 'weekend'
                          ? { color: 'var(--mantine-color-red-9)' } // Mantine's weekend red.6 is 3.3:1
                          : undefined,
                };
              }}
              renderDay={(date) => {
                const status = statusOf(date);
                const day = Number(date.slice(8, 10));
                return (
                  <Tooltip label={describe(date)} disabled={status.kind === 'business' || status.kind === 'weekend'} withinPortal>
                    <Indicator size={6} color="blue" offset={-2} disabled={!status.own}>
                      <div>{day}</div>
                    </Indicator>
                  </Tooltip>
                );
              }}
            />
          </div>
        </DatesProvider>
        {mine.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="calendar-overrides-none">
            {t('settings.calendar.none')}
          </Text>
        ) : (
          <Stack gap={4} data-testid="calendar-overrides">
            <Text size="sm">{t('settings.calendar.overrides', { count: mine.length })}</Text>
            <List size="sm" spacing={4}>
              {mine.map((override) => (
                <List.Item key={override.id} data-testid="calendar-override">
                  <Group gap="xs" wrap="nowrap">
                    <Badge size="sm" variant="light" color={override.kind === 'holiday' ? 'red' : 'teal'}>
                      {t(override.kind === 'holiday' ? 'settings.calendar.kindHoliday' : 'settings.calendar.kindWorkday')}
                    </Badge>
                    <Text size="sm">
                      {override.day}
                      {override.name ? ` · ${override.name}` : ''}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('settings.calendar.removeLabel', { date: override.day })}
                      onClick={() => void api.call('calendar.overrides.remove', { id: override.id }).then((r) => (r.ok ? load() : setError(r.error)))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
      <DayDialog
        date={picked}
        country={country}
        countryLabel={countryName(country, language)}
        override={mine.find((o) => o.day === picked) ?? null}
        onClose={() => setPicked(null)}
        onChanged={() => {
          setPicked(null);
          void load();
        }}
      />
    </Paper>
  );
}

function Legend() {
  const { t } = useTranslation();
  const swatch = (color: string, label: string) => (
    <Group gap={4} wrap="nowrap">
      <span aria-hidden style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 2, background: color }} />
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="md" mb={8}>
      {swatch('var(--mantine-color-red-1)', t('settings.calendar.legendHoliday'))}
      {swatch('var(--mantine-color-teal-1)', t('settings.calendar.legendWorkday'))}
      {swatch('var(--mantine-color-blue-6)', t('settings.calendar.legendUser'))}
    </Group>
  );
}

interface DayDialogProps {
  date: string | null;
  country: string;
  countryLabel: string;
  override: CalendarOverrideRecord | null;
  onClose: () => void;
  onChanged: () => void;
}

/** Mark a day as the user's own holiday or workday, or remove their mark. */
function DayDialog({ date, country, countryLabel, override, onClose, onChanged }: DayDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setName(override?.name ?? '');
    setError(null);
  }, [date, override]);

  const run = async (work: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) => {
    setBusy(true);
    const result = await work();
    setBusy(false);
    if (result.ok) onChanged();
    else setError(result.error);
  };
  const mark = (kind: 'holiday' | 'workday') =>
    run(() => api.call('calendar.overrides.add', { country, day: date ?? '', kind, ...(name.trim() ? { name: name.trim() } : {}) }));

  return (
    <Modal
      opened={date !== null}
      onClose={onClose}
      title={t('settings.calendar.dialogTitle', { date: date ?? '', country: countryLabel })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="calendar-day-dialog"
    >
      <Stack gap="sm">
        <TextInput data-autofocus label={t('settings.calendar.name')} value={name} maxLength={200} onChange={(event) => setName(event.currentTarget.value)} data-testid="calendar-day-name" />
        {error && <ApiErrorAlert error={error} title={t('settings.calendar.errorTitle')} testId="calendar-day-error" />}
        <Group gap="sm">
          <Button color="red" variant="light" loading={busy} onClick={() => void mark('holiday')} data-testid="calendar-mark-holiday">
            {t('settings.calendar.markHoliday')}
          </Button>
          <Button color="teal" variant="light" loading={busy} onClick={() => void mark('workday')} data-testid="calendar-mark-workday">
            {t('settings.calendar.markWorkday')}
          </Button>
          {override && (
            <Button variant="default" loading={busy} onClick={() => void run(() => api.call('calendar.overrides.remove', { id: override.id }))} data-testid="calendar-remove">
              {t('settings.calendar.remove')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
