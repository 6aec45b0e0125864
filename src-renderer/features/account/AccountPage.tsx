import { Badge, Button, Card, Center, EmptyState, Grid, Group, Kbd, Loader, Notification, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Contact, Order } from '../../../src-main/contract/models';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useIdlePreload } from '../../hooks/use-idle-preload';
import { countryName } from '../../i18n';
import { useAccountStore } from '../../stores/account-store';
import { useUiStore } from '../../stores/ui-store';
import { AccountDetailsCard } from './AccountDetailsCard';
import { AccountEditForm } from './AccountEditForm';
import { ContactsCard } from './ContactsCard';
import { CardTitle } from './CardTitle';
import { ExplanationDrawer } from './ExplanationDrawer';
import { HealthCard } from './HealthCard';
import { HealthHistoryCard } from './HealthHistoryCard';
import { HealthIndicatorsCard } from './HealthIndicatorsCard';
import { OrderForm } from './OrderForm';
import { OrdersCard } from './OrdersCard';
import { ScoresCard, quadrantColors } from './ScoresCard';
import { TimelineCard } from './TimelineCard';
import { formatMoney, todayIn } from './account-format';

// The contact form reads phone numbers with the phone-number metadata: fetched while the page is idle.
const loadContactForm = () => import('./ContactForm');
const ContactForm = lazy(() => loadContactForm().then((module) => ({ default: module.ContactForm })));

/**
 * One account: details and the buyer's time now (edit them with F2), its contacts (add one with C), its orders (add
 * one with O), its timeline of every record, its scores with their explanation (E) and its health at each quarterly
 * review. Esc or Alt+← goes back to the list.
 */
export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const setPage = useUiStore((state) => state.setPage);
  const open = useAccountStore((state) => state.open);
  const languageChanged = useAccountStore((state) => state.languageChanged);
  const orderAdded = useAccountStore((state) => state.orderAdded);
  const accountSaved = useAccountStore((state) => state.accountSaved);
  const reloadContacts = useAccountStore((state) => state.reloadContacts);
  const contacts = useAccountStore((state) => state.contacts);
  const account = useAccountStore((state) => state.account);
  const baseCurrency = useAccountStore((state) => state.baseCurrency);
  const myTimeZone = useAccountStore((state) => state.myTimeZone);
  const [ordering, setOrdering] = useState(false);
  const [explaining, setExplaining] = useState(false);
  const [added, setAdded] = useState<Order | null>(null);
  const [editing, setEditing] = useState(false);
  /** The contact in the contact form: 'new' adds one. */
  const [contactEdited, setContactEdited] = useState<Contact | 'new' | null>(null);
  /** What the form shows, kept while it closes (its title must not turn into "Add a contact"). */
  const [contactShown, setContactShown] = useState<Contact | 'new'>('new');
  const [contactFormUsed, setContactFormUsed] = useState(false);
  const contactFormLoaded = useIdlePreload(loadContactForm);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void open(accountId);
  }, [accountId, open]);

  // Reasons come from the server in the book's language: fetch them again when the user switches.
  const shownLanguage = useRef(language);
  useEffect(() => {
    if (shownLanguage.current === language) return;
    shownLanguage.current = language;
    void languageChanged(language);
  }, [language, languageChanged]);

  const back = () => setPage('accounts');
  const formOpen = ordering || editing || contactEdited !== null;
  const overlayOpen = formOpen || explaining;
  const editContact = (contact: Contact | 'new') => {
    setContactFormUsed(true);
    setContactEdited(contact);
    setContactShown(contact);
  };
  useHotkeys([
    // Esc inside a dialog (or the one that just closed it, re-rendered before this runs) is the dialog's.
    ['Escape', (event) => !overlayOpen && !document.querySelector('[role="dialog"]') && !fromDialog(event) && back()],
    ['alt+ArrowLeft', back],
    ['O', () => !overlayOpen && setOrdering(true)],
    ['C', () => !overlayOpen && account.value && editContact('new')],
    ['F2', () => !overlayOpen && account.value && setEditing(true)],
    ['E', () => !formOpen && setExplaining((shown) => !shown)],
  ]);

  const onSaved = (saved: Account) => {
    setEditing(false);
    setNotice(t('accountEdit.saved', { name: saved.name }));
    void accountSaved(saved);
  };
  const onContactSaved = (contact: Contact) => {
    setContactEdited(null);
    setNotice(t('contacts.saved', { name: contact.name }));
    void reloadContacts();
  };

  const onAdded = (order: Order) => {
    setOrdering(false);
    setAdded(order);
    void orderAdded(order);
  };

  const value = account.value;
  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }} data-testid="account-page" data-account-id={accountId}>
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Tooltip label={t('account.backHint')} withArrow>
            <Button variant="subtle" size="sm" onClick={back} leftSection={<span aria-hidden>←</span>} data-testid="account-back">
              {t('account.back')}
            </Button>
          </Tooltip>
          {value && (
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Title order={2} fz="h3" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={value.name} data-testid="account-name">
                {value.name}
              </Title>
              <Text size="sm" c="dimmed" truncate="end">
                {[countryName(value.country, language), value.city].filter(Boolean).join(' · ')}
              </Text>
            </Stack>
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <HeaderBadges />
          <Button
            variant="default"
            onClick={() => setEditing(true)}
            rightSection={<Kbd size="xs" ff="inherit">F2</Kbd>}
            aria-keyshortcuts="F2"
            disabled={!value}
            data-testid="account-edit-button"
          >
            {t('accountEdit.open')}
          </Button>
          <Button onClick={() => setOrdering(true)} rightSection={<Kbd size="xs" ff="inherit">O</Kbd>} disabled={!value} data-testid="account-add-order">
            {t('account.orders.add')}
          </Button>
        </Group>
      </Group>

      {account.error && <ApiErrorAlert error={account.error} title={t('account.notFound')} onRetry={() => void open(accountId)} testId="account-error" />}
      {!value && account.loading && (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}

      {added && (
        <Notification color="teal" withBorder onClose={() => setAdded(null)} closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="order-added" role="status">
          {t('account.orders.added', { amount: formatMoney(added.amount, added.currency, language) })}
        </Notification>
      )}
      {notice && (
        <Notification color="teal" withBorder onClose={() => setNotice(null)} closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="account-notice" role="status">
          {notice}
        </Notification>
      )}

      {value && (
        <>
          <Grid gap="md" align="stretch">
            <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
              <AccountDetailsCard account={value} />
            </Grid.Col>
            <ScoreColumns onExplain={() => setExplaining(true)} />
          </Grid>
          <ContactsCard
            onAdd={() => editContact('new')}
            onEdit={editContact}
            onRemoved={(contact) => setNotice(t('contacts.removed', { name: contact.name }))}
          />
          <OrdersCard onAdd={() => setOrdering(true)} />
          <TimelineCard account={value} />
          <OrderForm
            opened={ordering}
            accountId={accountId}
            today={todayIn(myTimeZone)}
            defaultCurrency={value.currency}
            baseCurrency={baseCurrency}
            onClose={() => setOrdering(false)}
            onAdded={onAdded}
          />
          <ExplanationDrawer opened={explaining} onClose={() => setExplaining(false)} />
          <AccountEditForm key={value.id} opened={editing} account={value} onClose={() => setEditing(false)} onSaved={onSaved} />
          {(contactFormUsed || contactFormLoaded) && (
            <Suspense fallback={null}>
              <ContactForm
                opened={contactEdited !== null}
                accountId={accountId}
                country={value.country}
                contact={contactShown === 'new' ? null : contactShown}
                firstContact={(contacts.value ?? []).length === 0}
                onClose={() => setContactEdited(null)}
                onSaved={onContactSaved}
              />
            </Suspense>
          )}
        </>
      )}
    </Stack>
  );
}

/**
 * An Esc a dialog already took: its target is (or was, before the dialog closed and went) inside a dialog. A busy
 * machine can re-render the page between the dialog's handler and this one, and the page would go back as well.
 */
function fromDialog(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  return target !== null && (!target.isConnected || target.closest('[role="dialog"]') !== null);
}

/** Quadrant and churn at a glance, beside the name (the tier stands once, beside the RFM it comes from, in the Scores card). */
function HeaderBadges() {
  const { t } = useTranslation();
  const score = useAccountStore((state) => state.scores.value?.[0]);
  if (!score) return null;
  return (
    <Group gap={6} wrap="nowrap" visibleFrom="sm">
      <Badge variant="light" color={quadrantColors[score.quadrant]}>
        {t(`scores.quadrants.${score.quadrant}`)}
      </Badge>
      {score.churn.warning && (
        <Badge variant="filled" color="red" data-testid="header-churn">
          {t('account.churn.warning')}
        </Badge>
      )}
    </Group>
  );
}

/** The scores cards: the latest snapshot's scores and health, the health history, the twelve indicators. */
function ScoreColumns({ onExplain }: { onExplain: () => void }) {
  const { t } = useTranslation();
  const scores = useAccountStore((state) => state.scores);
  const history = useAccountStore((state) => state.history);
  const scoring = useAccountStore((state) => state.scoring);
  const scoreBook = useAccountStore((state) => state.scoreBook);
  const reloadScores = useAccountStore((state) => state.reloadScores);
  const score = scores.value?.[0];

  if (!score) {
    return (
      <Grid.Col span={{ base: 12, md: 6, lg: 8 }}>
        <Card withBorder padding="md" h="100%" data-testid="account-scores-empty">
          <CardTitle>{t('account.scores.title')}</CardTitle>
          {scores.error && <ApiErrorAlert error={scores.error} onRetry={() => void reloadScores()} testId="scores-error" />}
          {scores.value === null && scores.loading ? (
            <Center py="xl">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          ) : (
            scores.value && (
              <EmptyState title={t('account.scores.none')} description={t('account.scores.noneHint')}>
                <Button variant="light" onClick={() => void scoreBook()} loading={scoring} data-testid="score-now">
                  {t('account.scores.scoreNow')}
                </Button>
              </EmptyState>
            )
          )}
        </Card>
      </Grid.Col>
    );
  }
  return (
    <>
      <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
        <ScoresCard score={score} onExplain={onExplain} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 12, lg: 4 }}>
        <HealthCard score={score} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        {history.error ? <ApiErrorAlert error={history.error} onRetry={() => void reloadScores()} testId="history-error" /> : <HealthHistoryCard points={history.value ?? []} />}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <HealthIndicatorsCard score={score} />
      </Grid.Col>
      {scores.error && (
        <Grid.Col span={12}>
          <ApiErrorAlert error={scores.error} onRetry={() => void reloadScores()} testId="scores-error" />
        </Grid.Col>
      )}
    </>
  );
}
