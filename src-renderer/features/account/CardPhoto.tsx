import { Image, Modal, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../src-main/contract/models';
import { api } from '../../api';

/** The photo of the buyer's card taken at the fair (trade-fair capture), if the book has one: a thumbnail that opens full size. */
export function CardPhoto({ account }: { account: Account }) {
  const { t } = useTranslation();
  const [photo, setPhoto] = useState<{ id: string; src: string } | null>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    let live = true;
    void api.call('cardPhotos.get', { accountId: account.id }).then((result) => {
      if (live) setPhoto(result.ok && result.value ? { id: account.id, src: `data:${result.value.mime};base64,${result.value.data}` } : null);
    });
    return () => {
      live = false;
    };
  }, [account.id, account.updatedAt]);
  if (!photo || photo.id !== account.id) return null;
  const alt = t('account.details.cardPhotoAlt', { name: account.name });
  return (
    <div>
      <Text size="xs" c="dimmed">
        {t('account.details.cardPhoto')}
      </Text>
      <UnstyledButton onClick={() => setOpened(true)} aria-label={t('account.details.cardPhotoOpen', { name: account.name })} data-testid="account-card-photo">
        <Image src={photo.src} alt={alt} h={96} w="auto" fit="contain" radius="sm" />
      </UnstyledButton>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('account.details.cardPhoto')} size="xl" closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Image src={photo.src} alt={alt} fit="contain" mah="75vh" />
      </Modal>
    </div>
  );
}
