import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../src-main/contract/models';
import { formatInstant } from '../../i18n';
import { useUiStore } from '../../stores/ui-store';
import { complaintState, complaintWindow, countdown, metDeadline, type ComplaintGrade } from './complaint-window';

export const GRADE_COLOR: Readonly<Record<ComplaintGrade, string>> = { A: 'red', B: 'orange', C: 'yellow' };
const STATE_COLOR = { awaiting: 'red', responded: 'blue', resolved: 'teal' } as const;

interface ComplaintRowProps {
  complaint: Complaint;
  accountName: string;
  nowMs: number;
  onRespond: (complaint: Complaint) => void;
  onResolve: (complaint: Complaint) => void;
}

/** One complaint: who, what, grade, when, both R15 deadlines with their countdowns, state and the actions. */
export const ComplaintRow = memo(function ComplaintRow({ complaint, accountName, nowMs, onRespond, onResolve }: ComplaintRowProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const state = complaintState(complaint);
  const deadlines = complaintWindow(complaint);
  return (
    <Table.Tr data-testid="complaint-row" data-complaint-id={complaint.id} data-grade={complaint.grade} data-state={state}>
      <Table.Td>
        <Anchor component="button" type="button" size="sm" fw={600} onClick={() => useUiStore.getState().openAccount(complaint.accountId)} data-testid="complaint-account">
          {accountName || t('complaints.unknownAccount')}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" data-testid="complaint-subject">
          {complaint.subject}
        </Text>
        {complaint.responseNote && !complaint.resolution && (
          <Text size="xs" c="dimmed" lineClamp={2} data-testid="complaint-response-note">
            {complaint.responseNote}
          </Text>
        )}
        {complaint.resolution && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {complaint.resolution}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={GRADE_COLOR[complaint.grade]} variant="filled" aria-label={t(`complaints.gradeLabel.${complaint.grade}`)} data-testid="complaint-grade">
          {t(`complaints.grade.${complaint.grade}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="complaint-opened">
          {formatInstant(complaint.openedAt, language)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Deadline dueMs={deadlines.responseDueMs} doneAt={complaint.respondedAt} doneKey="respondedAt" nowMs={nowMs} testId="complaint-response" />
      </Table.Td>
      <Table.Td>
        <Deadline dueMs={deadlines.remediationDueMs} doneAt={complaint.resolvedAt} doneKey="resolvedAt" nowMs={nowMs} testId="complaint-remediation" />
      </Table.Td>
      <Table.Td>
        <Badge color={STATE_COLOR[state]} variant="light" data-testid="complaint-state">
          {t(`complaints.state.${state}`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          {state === 'awaiting' && (
            <Button size="compact-sm" variant="light" onClick={() => onRespond(complaint)} aria-label={t('complaints.respondLabel', { subject: complaint.subject })} data-testid="complaint-respond">
              {t('complaints.respond')}
            </Button>
          )}
          {state !== 'resolved' && (
            <Button size="compact-sm" variant="light" color="teal" onClick={() => onResolve(complaint)} aria-label={t('complaints.resolveLabel', { subject: complaint.subject })} data-testid="complaint-resolve">
              {t('complaints.resolve')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
});

interface DeadlineProps {
  dueMs: number;
  /** When the deadline was met (responded / resolved); null while it runs. */
  doneAt: string | null;
  doneKey: 'respondedAt' | 'resolvedAt';
  nowMs: number;
  testId: string;
}

/** A deadline: the live countdown while it runs, else when it was met and whether in time. */
function Deadline({ dueMs, doneAt, doneKey, nowMs, testId }: DeadlineProps) {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const due = formatInstant(new Date(dueMs).toISOString(), language);
  if (doneAt !== null) {
    const met = metDeadline(dueMs, doneAt);
    return (
      <Stack gap={0}>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-done`}>
          {t(`complaints.${doneKey}`, { date: formatInstant(doneAt, language) })}
        </Text>
        <Text size="xs" c={met ? 'teal' : 'red'} data-testid={`${testId}-met`}>
          {met ? t('complaints.onTime') : t('complaints.late')} · {t('complaints.due', { date: due })}
        </Text>
      </Stack>
    );
  }
  const left = countdown(dueMs, nowMs);
  const key = `${left.unit === 'h' ? 'hours' : 'minutes'}${left.overdue ? 'Overdue' : 'Left'}` as const;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600} c={left.overdue ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-countdown`} data-overdue={left.overdue}>
        {t(`complaints.countdown.${key}`, { count: left.value })}
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('complaints.due', { date: due })}
      </Text>
    </Stack>
  );
}
