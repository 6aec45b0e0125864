import { Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InquirySource } from '../../../src-main/contract/primitives';
import type { AccountListItem } from '../../../src-main/contract/models';
import { DialogForm } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { weekdayTimeIn } from '../../i18n';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { useUiStore } from '../../stores/ui-store';
import { AccountSelect, asListItem } from '../../components/AccountSelect';
import { useInquiriesStore } from './inquiries-store';
import { instantToWall, wallToInstant } from '../../time/wall-time';

const FIELDS = ['accountId', 'source', 'receivedAt', 'subject', 'products', 'urgency'] as const;
type Field = (typeof FIELDS)[number];
const isField = (path: string): path is Field => (FIELDS as readonly string[]).includes(path);
const MAX_PRODUCTS = 100;
/** The sources `inquiries.add` takes (the contract's InquirySource; a type import keeps zod's checks out of the page). */
const SOURCES = ['website', 'email', 'marketplace', 'fair', 'referral', 'phone'] as const satisfies readonly InquirySource[];
const isSource = (value: string | null): value is InquirySource => (SOURCES as readonly (string | null)[]).includes(value);

interface Values {
  accountId: AccountListItem | null;
  source: string | null;
  receivedAt: string;
  zone: 'mine' | 'theirs';
  subject: string;
  products: string;
  urgency: string | null;
}

/** "New inquiry": account, source, when it arrived (your time or the buyer's), subject, products, urgency (R16). */
export function NewInquiryDialog({ opened, myTimeZone, onClose }: { opened: boolean; myTimeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog opened={opened} onClose={onClose} title={t('inquiries.form.title')} testId="inquiry-dialog">
      <NewInquiryForm myTimeZone={myTimeZone} onClose={onClose} />
    </FormDialog>
  );
}

function NewInquiryForm({ myTimeZone, onClose }: { myTimeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const add = useInquiriesStore((state) => state.add);
  const zoneOf = (v: Values) => (v.zone === 'theirs' && v.accountId ? v.accountId.timeZone : myTimeZone);
  const productsOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);
  const form = useValidatedForm<Field, Values & Record<Field, unknown>, string, unknown>({
    initial: () => ({ accountId: null, source: null, receivedAt: instantToWall(Date.now(), myTimeZone), zone: 'mine', subject: '', products: '', urgency: null }),
    isField,
    validate: (v) => {
      const problems: Partial<Record<Field, string>> = {};
      if (!v.accountId) problems.accountId = t('inquiries.form.validation.required');
      if (!isSource(v.source)) problems.source = t('inquiries.form.validation.source');
      if (wallToInstant(v.receivedAt, zoneOf(v)) === null) problems.receivedAt = t('inquiries.form.validation.time');
      if (v.subject.length > 200) problems.subject = t('inquiries.form.validation.tooLong', { count: 200 });
      if (productsOf(v.products).length > MAX_PRODUCTS) problems.products = t('inquiries.form.validation.tooMany', { count: MAX_PRODUCTS });
      return problems;
    },
    send: (v) =>
      add({
        accountId: v.accountId!.id,
        name: v.accountId!.name,
        source: v.source as InquirySource,
        receivedAt: wallToInstant(v.receivedAt, zoneOf(v))!,
        ...(v.subject.trim() ? { subject: v.subject.trim() } : {}),
        ...(productsOf(v.products).length ? { products: productsOf(v.products) } : {}),
        ...(v.urgency ? { urgency: Number(v.urgency) } : {}),
      }).then((error) => (error ? { ok: false as const, error } : { ok: true as const, value: null })),
    onDone: onClose,
  });
  const { values: v, update } = form;
  const problem = (field: Field) => form.problems[field] ?? form.serverIssues[field];
  const zone = zoneOf(v);
  const instant = wallToInstant(v.receivedAt, zone);
  const other = v.zone === 'mine' ? v.accountId?.timeZone : myTimeZone;
  const sameText =
    instant && other && other !== zone
      ? t(v.zone === 'mine' ? 'inquiries.form.sameTheirs' : 'inquiries.form.sameMine', { time: weekdayTimeIn(new Date(instant), other, language) ?? '' })
      : undefined;
  return (
    <DialogForm form={form} errorTitle={t('inquiries.form.errorTitle')} submitLabel={t('inquiries.form.submit')} onCancel={onClose} testId="inquiry-form">
      <AccountSelect
        value={v.accountId}
        onChange={(account) => update({ accountId: account }, ['accountId'])}
        pick={asListItem}
        label={t('inquiries.form.account')}
        placeholder={t('inquiries.form.accountPlaceholder')}
        nothingFound={t('inquiries.form.accountNothingFound')}
        error={problem('accountId')}
        testId="inquiry-account"
      />
      <Select
        required
        label={t('inquiries.form.source')}
        data={SOURCES.map((s) => ({ value: s, label: t(`inquiries.sources.${s}`) }))}
        value={v.source}
        onChange={(source) => update({ source }, ['source'])}
        error={problem('source')}
        data-testid="inquiry-source"
      />
      <Group align="flex-start" grow>
        <TextInput
          type="datetime-local"
          required
          label={t('inquiries.form.receivedAt')}
          description={sameText}
          value={v.receivedAt}
          onChange={(event) => update({ receivedAt: event.currentTarget.value }, ['receivedAt'])}
          error={problem('receivedAt')}
          data-testid="inquiry-received"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="inquiry-zone">
            {t('inquiries.form.zone')}
          </Text>
          <SegmentedControl
            aria-labelledby="inquiry-zone"
            value={v.zone}
            onChange={(zoneChoice) => update({ zone: zoneChoice === 'theirs' ? 'theirs' : 'mine' }, ['receivedAt'])}
            data={[
              { value: 'mine', label: t('inquiries.form.zoneMine', { zone: myTimeZone }) },
              { value: 'theirs', label: v.accountId ? t('inquiries.form.zoneTheirsNamed', { zone: v.accountId.timeZone }) : t('inquiries.form.zoneTheirs') },
            ]}
            data-testid="inquiry-zone"
          />
        </Stack>
      </Group>
      <TextInput label={t('inquiries.form.subject')} value={v.subject} maxLength={200} onChange={(event) => update({ subject: event.currentTarget.value }, ['subject'])} error={problem('subject')} data-testid="inquiry-subject" />
      <Textarea
        label={t('inquiries.form.products')}
        description={t('inquiries.form.productsDescription')}
        autosize
        minRows={2}
        maxRows={6}
        value={v.products}
        onChange={(event) => update({ products: event.currentTarget.value }, ['products'])}
        error={problem('products')}
        data-testid="inquiry-products"
      />
      <Select
        label={t('inquiries.form.urgency')}
        description={t('inquiries.form.urgencyDescription')}
        placeholder={t('inquiries.form.notRated')}
        clearable
        data={['1', '2', '3', '4', '5']}
        value={v.urgency}
        onChange={(urgency) => update({ urgency }, ['urgency'])}
        error={problem('urgency')}
        data-testid="inquiry-urgency"
      />
    </DialogForm>
  );
}
