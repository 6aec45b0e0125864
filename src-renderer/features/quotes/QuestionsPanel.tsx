import { ActionIcon, Badge, Button, Group, Progress, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../../../src-main/contract/models';
import { emptyQuestion, type QuestionDraft } from './quote-format';

interface QuestionsPanelProps {
  /** The questions asked before (an existing quote's); none for a new quote. */
  asked: Quote['questions'];
  /** Answers typed for asked questions still without one, by question id. */
  answers: Record<string, string>;
  onAnswers: (answers: Record<string, string>) => void;
  /** Questions added in this form, each with an optional answer. */
  added: QuestionDraft[];
  onAdded: (added: QuestionDraft[]) => void;
  /** False for a quote that can no longer change: answers are shown, not edited. */
  editable: boolean;
  /** The server's message about questions or answers. */
  error?: string | undefined;
}

/**
 * R8: the buyer's spec questions with their answers and the coverage ("9 of 17 answered"); unanswered ones take an
 * answer, and new questions (with an optional answer) can be added.
 */
export function QuestionsPanel({ asked, answers, onAnswers, added, onAdded, editable, error }: QuestionsPanelProps) {
  const { t } = useTranslation();
  const answered = asked.filter((q) => q.answer !== null).length;
  const withTyped =
    answered + asked.filter((q) => q.answer === null && answers[q.id]?.trim()).length + added.filter((q) => q.question.trim() && q.answer.trim()).length;
  const total = asked.length + added.filter((q) => q.question.trim()).length;
  const pending = withTyped !== answered || total !== asked.length;
  const updateAdded = (index: number, patch: Partial<QuestionDraft>) => onAdded(added.map((q, i) => (i === index ? { ...q, ...patch } : q)));

  return (
    <Stack gap="xs" data-testid="quote-questions">
      <Group justify="space-between" align="baseline">
        <Text fw={600}>{t('quotes.questions.label')}</Text>
        {asked.length > 0 && (
          <Text size="sm" fw={600} c={answered < asked.length ? 'var(--tb-text-warning)' : 'teal'} data-testid="quote-coverage" data-asked={asked.length} data-answered={answered}>
            {t('quotes.questions.coverage', { count: asked.length, answered })}
          </Text>
        )}
      </Group>
      {asked.length > 0 && <Progress value={(answered / asked.length) * 100} color={answered < asked.length ? 'orange' : 'teal'} size="sm" aria-hidden />}
      {pending && (
        <Text size="xs" c="dimmed" data-testid="quote-coverage-pending">
          {t('quotes.questions.coverageAfterSave', { count: total, answered: withTyped })}
        </Text>
      )}
      {asked.length === 0 && added.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('quotes.questions.none')}
        </Text>
      )}
      {asked.map((q, index) => (
        <Stack key={q.id} gap={2} data-testid="quote-question" data-question-id={q.id} data-answered={q.answer !== null}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            <Text size="sm" c="dimmed" w={28}>
              {index + 1}.
            </Text>
            <Text size="sm" fw={500} style={{ flex: 1 }} data-testid="quote-question-text">
              {q.question}
            </Text>
            {q.answer === null && (
              <Badge size="xs" color="orange" variant="light">
                {t('quotes.questions.unanswered')}
              </Badge>
            )}
          </Group>
          {q.answer !== null ? (
            <Text size="sm" pl={34} c="dimmed" data-testid="quote-question-answer">
              {q.answer}
            </Text>
          ) : (
            editable && (
              <Textarea
                pl={34}
                autosize
                minRows={1}
                maxRows={6}
                aria-label={t('quotes.questions.answerFor', { question: q.question })}
                placeholder={t('quotes.questions.answerPlaceholder')}
                value={answers[q.id] ?? ''}
                onChange={(event) => onAnswers({ ...answers, [q.id]: event.currentTarget.value })}
                data-testid="quote-question-answer-input"
              />
            )
          )}
        </Stack>
      ))}
      {added.map((q, index) => (
        <Group key={q.key} align="flex-start" gap="xs" wrap="nowrap" data-testid="quote-new-question">
          <TextInput
            style={{ flex: 1 }}
            label={index === 0 ? t('quotes.questions.question') : undefined}
            aria-label={t('quotes.questions.questionOf', { index: asked.length + index + 1 })}
            placeholder={t('quotes.questions.questionPlaceholder')}
            value={q.question}
            onChange={(event) => updateAdded(index, { question: event.currentTarget.value })}
            data-testid="quote-new-question-text"
          />
          <TextInput
            style={{ flex: 1 }}
            label={index === 0 ? t('quotes.questions.answerOptional') : undefined}
            aria-label={t('quotes.questions.answerOf', { index: asked.length + index + 1 })}
            value={q.answer}
            onChange={(event) => updateAdded(index, { answer: event.currentTarget.value })}
            data-testid="quote-new-question-answer"
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={index === 0 ? 28 : 6}
            onClick={() => onAdded(added.filter((_, i) => i !== index))}
            aria-label={t('quotes.questions.remove', { index: asked.length + index + 1 })}
            data-testid="quote-new-question-remove"
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="red" data-testid="quote-questions-error">
          {error}
        </Text>
      )}
      {editable && (
        <Group>
          <Button variant="light" size="xs" onClick={() => onAdded([...added, emptyQuestion()])} data-testid="quote-question-add">
            {t('quotes.questions.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
