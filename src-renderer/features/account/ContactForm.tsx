import { Checkbox, Group, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../src-main/contract/models';
import { api } from '../../api';
import { DialogForm, submitOnCtrlEnter } from '../../components/DialogForm';
import { FormDialog } from '../../components/FormDialog';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { useUiStore } from '../../stores/ui-store';
import {
  contactProblems,
  contactValuesOf,
  emptyContact,
  isContactField,
  storedPhones,
  toAddContactInput,
  toUpdateContactInput,
  type ContactField,
  type ContactValues,
} from './contact-form';

export interface ContactFormProps {
  opened: boolean;
  accountId: string;
  /** The account's country: phones without a +country prefix are read in it. */
  country: string;
  /** The contact edited; null adds one. */
  contact: Contact | null;
  /** A new contact starts as the primary one when the account has none. */
  firstContact: boolean;
  onClose: () => void;
  onSaved: (contact: Contact) => void;
}

/** Adding or editing one person of the account; Esc closes, Enter saves (Enter in a list field adds to the list). */
export function ContactForm({ opened, onClose, contact, ...rest }: ContactFormProps) {
  const { t } = useTranslation();
  const title = contact ? t('contacts.form.editTitle', { name: contact.name }) : t('contacts.form.addTitle');
  return (
    <FormDialog opened={opened} onClose={onClose} title={title} testId="contact-form">
      <ContactFields contact={contact} onCancel={onClose} {...rest} />
    </FormDialog>
  );
}

function ContactFields({ accountId, country, contact, firstContact, onCancel, onSaved }: Omit<ContactFormProps, 'opened' | 'onClose'> & { onCancel: () => void }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const { update, ...form } = useValidatedForm({
    initial: () => (contact ? contactValuesOf(contact) : emptyContact(firstContact)),
    isField: isContactField,
    validate: (values: ContactValues) => contactProblems(accountId, country, values, language),
    send: (values) => (contact ? api.call('contacts.update', toUpdateContactInput(contact, values)) : api.call('contacts.add', toAddContactInput(accountId, values))),
    onDone: onSaved,
  });
  const { values } = form;
  const set = <F extends ContactField>(name: F, value: ContactValues[F]) => update({ [name]: value } as Partial<ContactValues>, [name]);
  const field = (name: ContactField) => ({
    error: form.problems[name] ?? form.serverIssues[name],
    errorProps: { 'data-testid': `contact-error-${name}` },
  });
  const stored = storedPhones(values.phones, country);
  const changedPhones = stored.some((phone, i) => phone !== null && phone !== values.phones[i]);

  return (
    <DialogForm
      form={form}
      errorTitle={t('contacts.errorTitle')}
      submitLabel={contact ? t('contacts.form.submitEdit') : t('contacts.form.submitAdd')}
      onCancel={onCancel}
      testId="contact"
    >
      <Group grow align="flex-start">
        <TextInput data-autofocus required label={t('contacts.form.name')} value={values.name} onChange={(event) => set('name', event.currentTarget.value)} {...field('name')} data-testid="contact-name" />
        <TextInput
          label={t('contacts.form.jobTitle')}
          placeholder={t('contacts.form.jobTitlePlaceholder')}
          value={values.title}
          onChange={(event) => set('title', event.currentTarget.value)}
          {...field('title')}
          data-testid="contact-title"
        />
      </Group>
      <TagsInput
        label={t('contacts.form.emails')}
        placeholder={t('contacts.form.emailsPlaceholder')}
        value={values.emails}
        onChange={(emails) => set('emails', emails)}
        splitChars={[',', ';', ' ']}
        maxTags={20}
        clearable
        {...field('emails')}
        data-testid="contact-emails"
      />
      <TagsInput
        label={t('contacts.form.phones')}
        placeholder={t('contacts.form.phonesPlaceholder')}
        description={changedPhones ? t('contacts.form.phonesStored', { list: stored.filter((phone) => phone !== null).join(', ') }) : undefined}
        value={values.phones}
        onChange={(phones) => set('phones', phones)}
        splitChars={[',', ';']}
        maxTags={20}
        clearable
        {...field('phones')}
        data-testid="contact-phones"
      />
      <Group grow align="flex-start">
        <TextInput type="tel" label={t('contacts.form.whatsapp')} value={values.whatsapp} onChange={(event) => set('whatsapp', event.currentTarget.value)} {...field('whatsapp')} data-testid="contact-whatsapp" />
        <TextInput label={t('contacts.form.wechat')} value={values.wechat} onChange={(event) => set('wechat', event.currentTarget.value)} {...field('wechat')} data-testid="contact-wechat" />
      </Group>
      <Checkbox
        label={t('contacts.form.isPrimary')}
        description={t('contacts.form.isPrimaryHint')}
        checked={values.isPrimary}
        onChange={(event) => set('isPrimary', event.currentTarget.checked)}
        data-testid="contact-isPrimary"
      />
      <Textarea
        label={t('contacts.form.notes')}
        autosize
        minRows={2}
        maxRows={5}
        value={values.notes}
        onChange={(event) => set('notes', event.currentTarget.value)}
        onKeyDown={submitOnCtrlEnter}
        {...field('notes')}
        data-testid="contact-notes"
      />
    </DialogForm>
  );
}
