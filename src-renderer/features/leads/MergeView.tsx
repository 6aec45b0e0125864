import { Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadDuplicate } from '../../../src-main/contract/leads';
import { normalisePhone } from '../../../src-main/domain/import/values';
import { countryName } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import type { LeadValues } from './lead-validation';
import type { LeadTarget } from './use-quick-add';

type Choosable = 'name' | 'city' | 'timeZone';

interface Row {
  key: string;
  label: string;
  lead: string;
  book: string;
  /** A field the account keeps one value of, when both have one and they differ. */
  choose?: Choosable;
}

interface MergeViewProps {
  values: LeadValues;
  duplicate: LeadDuplicate;
  submitting: boolean;
  onAdd: (target: LeadTarget) => void;
  onSaveAsNew: () => void;
  onBack: () => void;
}

/** Both records field by field: add the lead to the account (picking which differing values it keeps), or not. */
export function MergeView({ values, duplicate, submitting, onAdd, onSaveAsNew, onBack }: MergeViewProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const [keep, setKeep] = useState<Partial<Record<Choosable, 'lead' | 'book'>>>({});
  const { account, contact } = duplicate;
  const empty = t('leads.merge.empty');
  const phone = values.phone.trim() && values.country ? (normalisePhone(values.phone, values.country) ?? values.phone.trim()) : '';
  const differs = (a: string, b: string) => a.trim() !== '' && b.trim() !== '' && a.trim() !== b.trim();
  const rows: Row[] = [
    { key: 'company', label: t('leads.fields.company'), lead: values.company.trim(), book: account.name, ...(differs(values.company, account.name) ? { choose: 'name' as const } : {}) },
    { key: 'country', label: t('leads.fields.country'), lead: values.country ? countryName(values.country, language) : '', book: countryName(account.country, language) },
    { key: 'city', label: t('leads.fields.city'), lead: values.city.trim(), book: account.city ?? '', ...(differs(values.city, account.city ?? '') ? { choose: 'city' as const } : {}) },
    {
      key: 'timeZone',
      label: t('leads.fields.timeZone'),
      lead: values.timeZone ?? '',
      book: account.timeZone,
      ...(values.zoneChosen && differs(values.timeZone ?? '', account.timeZone) ? { choose: 'timeZone' as const } : {}),
    },
    { key: 'contact', label: t('leads.merge.contact'), lead: values.contact.trim(), book: contact?.name ?? '' },
    { key: 'email', label: t('leads.fields.email'), lead: values.email.trim(), book: contact?.emails.join(', ') ?? '' },
    { key: 'phone', label: t('leads.fields.phone'), lead: phone, book: contact?.phones.join(', ') ?? '' },
    { key: 'tags', label: t('leads.fields.tags'), lead: values.tags.join(', '), book: account.tags.join(', ') },
    { key: 'notes', label: t('leads.fields.notes'), lead: values.notes.trim(), book: account.notes },
  ];
  const add = () => {
    const chosen = Object.fromEntries(rows.filter((r) => r.choose).map((r) => [r.choose!, keep[r.choose!] ?? 'book'])) as LeadTarget['keep'];
    onAdd({ into: account.id, keep: chosen });
  };

  return (
    <Stack gap="sm" data-testid="lead-merge">
      <Text size="sm">{t('leads.merge.intro')}</Text>
      <Table withTableBorder striped verticalSpacing={6} data-testid="lead-merge-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('leads.merge.field')}</Table.Th>
            <Table.Th scope="col">{t('leads.merge.lead')}</Table.Th>
            <Table.Th scope="col">{t('leads.merge.book')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-testid={`lead-merge-row-${row.key}`} data-differs={differs(row.lead, row.book) ? 'true' : 'false'}>
              <Table.Th scope="row">{row.label}</Table.Th>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{row.lead || empty}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                <Stack gap={4}>
                  <span>{row.book || empty}</span>
                  {row.choose && (
                    <SegmentedControl
                      size="xs"
                      aria-label={row.label}
                      value={keep[row.choose] ?? 'book'}
                      onChange={(value) => setKeep((current) => ({ ...current, [row.choose!]: value as 'lead' | 'book' }))}
                      data={[
                        { value: 'book', label: t('leads.merge.keepBook') },
                        { value: 'lead', label: t('leads.merge.keepLead') },
                      ]}
                      data-testid={`lead-keep-${row.choose}`}
                    />
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} data-testid="lead-merge-back">
          {t('leads.merge.back')}
        </Button>
        <Group gap="sm">
          <Button variant="default" onClick={onSaveAsNew} loading={submitting} data-testid="lead-merge-new">
            {t('leads.merge.saveAsNew')}
          </Button>
          <Button data-autofocus onClick={add} loading={submitting} data-testid="lead-merge-add">
            {t('leads.merge.addTo', { name: account.name })}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
