import { Modal } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  testId: string;
  children: ReactNode;
}

/**
 * A dialog holding a form: Esc closes it, focus starts in the field marked `data-autofocus`. Every opening starts
 * with a fresh form, even when the dialog reopens during its closing transition.
 */
export function FormDialog({ opened, onClose, title, testId, children }: FormDialogProps) {
  const { t } = useTranslation();
  const [openings, setOpenings] = useState(opened ? 1 : 0);
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    if (opened) setOpenings((n) => n + 1);
  }
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }} data-testid={testId}>
      <Fragment key={openings}>{children}</Fragment>
    </Modal>
  );
}
