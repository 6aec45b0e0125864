import { Badge, Button, Card, Center, EmptyState, Group, Kbd, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../src-main/contract/errors';
import type { Contact } from '../../../src-main/contract/models';
import { api } from '../../api';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useAccountStore } from '../../stores/account-store';
import { CardTitle } from './CardTitle';

interface ContactsCardProps {
  onAdd: () => void;
  onEdit: (contact: Contact) => void;
  /** Said once a contact was removed (the page's notice). */
  onRemoved: (contact: Contact) => void;
}

/** The account's people, the primary one first: how to reach each (e-mail, phone, WhatsApp, WeChat); add, edit, remove. */
export function ContactsCard({ onAdd, onEdit, onRemoved }: ContactsCardProps) {
  const { t } = useTranslation();
  const contacts = useAccountStore((state) => state.contacts);
  const reloadContacts = useAccountStore((state) => state.reloadContacts);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const list = contacts.value;
  return (
    <Card withBorder padding="md" data-testid="account-contacts">
      <CardTitle
        right={
          <Group gap="sm" wrap="nowrap">
            {list && list.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="contact-count">
                {t('contacts.count', { count: list.length })}
              </Text>
            )}
            <Button size="xs" onClick={onAdd} rightSection={<Kbd size="xs" ff="inherit">C</Kbd>} aria-keyshortcuts="C" data-testid="add-contact-button">
              {t('contacts.add')}
            </Button>
          </Group>
        }
      >
        {t('contacts.title')}
      </CardTitle>
      {contacts.error && <ApiErrorAlert error={contacts.error} onRetry={() => void reloadContacts()} testId="contacts-error" />}
      {list === null && contacts.loading && (
        <Center py="md">
          <Loader size="sm" aria-label={t('common.loading')} />
        </Center>
      )}
      {list && list.length === 0 && <EmptyState title={t('contacts.none')} description={t('contacts.noneHint')} data-testid="contacts-empty" />}
      {list && list.length > 0 && (
        <Stack gap={0} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {list.map((contact, index) => (
            <ContactLine key={contact.id} contact={contact} first={index === 0} onEdit={() => onEdit(contact)} onRemove={() => setRemoving(contact)} />
          ))}
        </Stack>
      )}
      <RemoveContact
        contact={removing}
        onClose={() => setRemoving(null)}
        onRemoved={(contact) => {
          setRemoving(null);
          onRemoved(contact);
          void reloadContacts();
        }}
      />
    </Card>
  );
}

function ContactLine({ contact, first, onEdit, onRemove }: { contact: Contact; first: boolean; onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const reach = [
    ...contact.emails,
    ...contact.phones,
    ...(contact.whatsapp ? [`${t('contacts.form.whatsapp')} ${contact.whatsapp}`] : []),
    ...(contact.wechat ? [`${t('contacts.form.wechat')} ${contact.wechat}`] : []),
  ];
  return (
    <Group
      component="li"
      justify="space-between"
      align="flex-start"
      wrap="nowrap"
      gap="sm"
      py="xs"
      style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
      data-testid="contact-row"
      data-contact-id={contact.id}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text fw={600} size="sm" truncate="end" data-testid="contact-row-name">
            {contact.name}
          </Text>
          {contact.isPrimary && (
            <Badge size="xs" variant="light" color="teal" data-testid="contact-primary">
              {t('contacts.primary')}
            </Badge>
          )}
          {contact.title && (
            <Text size="sm" c="dimmed" truncate="end">
              {contact.title}
            </Text>
          )}
        </Group>
        {reach.length > 0 && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="contact-row-reach">
            {reach.join(' · ')}
          </Text>
        )}
        {contact.notes && (
          <Text size="xs" c="dimmed" lineClamp={2} style={{ whiteSpace: 'pre-wrap' }}>
            {contact.notes}
          </Text>
        )}
      </Stack>
      <Group gap={4} wrap="nowrap">
        <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={t('contacts.editLabel', { name: contact.name })} data-testid="contact-edit">
          {t('contacts.edit')}
        </Button>
        <Button size="compact-sm" variant="subtle" color="red.9" onClick={onRemove} aria-label={t('contacts.removeLabel', { name: contact.name })} data-testid="contact-remove">
          {t('contacts.remove')}
        </Button>
      </Group>
    </Group>
  );
}

/** Asks before a contact leaves the account; a refusal stays in the dialog. */
function RemoveContact({ contact, onClose, onRemoved }: { contact: Contact | null; onClose: () => void; onRemoved: (contact: Contact) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Contact | null>(contact);
  // The name stays while the dialog closes.
  if (contact && contact !== shown) {
    setShown(contact);
    setError(null);
  }
  const remove = async () => {
    if (!contact || busy) return;
    setBusy(true);
    const result = await api.call('contacts.remove', { id: contact.id });
    setBusy(false);
    if (result.ok) onRemoved(contact);
    else setError(result.error);
  };
  return (
    <Modal
      opened={contact !== null}
      onClose={onClose}
      title={t('contacts.removeTitle', { name: shown?.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="contact-remove-dialog"
    >
      <Stack gap="sm">
        {error && <ApiErrorAlert error={error} title={t('contacts.removeError')} testId="contact-remove-error" />}
        <Text size="sm">{t('contacts.removeBody', { name: shown?.name ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-testid="contact-remove-cancel">
            {t('common.cancel')}
          </Button>
          <Button color="red.9" loading={busy} onClick={() => void remove()} data-autofocus data-testid="contact-remove-confirm">
            {t('contacts.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
