import { Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { JobProgressBar } from '../../components/JobProgressBar';
import { SectionCard } from '../sharing/SectionCard';
import { BusyNotice } from '../sharing/BusyNotice';
import { ImportCheckStep } from './ImportCheckStep';
import { ImportFileStep } from './ImportFileStep';
import { ImportMappingStep } from './ImportMappingStep';
import { ImportReportStep } from './ImportReportStep';
import { useImportStore, type ImportStep } from './import-store';

/** The import wizard: file → columns (guessed mapping, changeable) → dry run with the row errors → import and its report. */
export function ImportWizard() {
  const { t } = useTranslation();
  const step = useImportStore((state) => state.step);
  const busy = useImportStore((state) => state.busy);
  const error = useImportStore((state) => state.error);
  const progress = useImportStore((state) => state.progress);
  const goTo = useImportStore((state) => state.goTo);
  const done = useImportStore((state) => state.report?.written === true);

  return (
    <SectionCard title={t('transfer.import.title')} testId="import-wizard">
      <Stepper
        active={step}
        onStepClick={(next) => goTo(next as ImportStep)}
        allowNextStepsSelect={false}
        size="sm"
        data-testid="import-stepper"
        data-step={step}
      >
        <Stepper.Step label={t('transfer.steps.file')} description={t('transfer.steps.fileHint')} allowStepSelect={!done && step > 0}>
          <ImportFileStep />
        </Stepper.Step>
        <Stepper.Step label={t('transfer.steps.columns')} description={t('transfer.steps.columnsHint')} allowStepSelect={!done && step > 1}>
          <ImportMappingStep />
        </Stepper.Step>
        <Stepper.Step label={t('transfer.steps.check')} description={t('transfer.steps.checkHint')} allowStepSelect={false}>
          <ImportCheckStep />
        </Stepper.Step>
        <Stepper.Step label={t('transfer.steps.import')} description={t('transfer.steps.importHint')} allowStepSelect={false}>
          <ImportReportStep />
        </Stepper.Step>
      </Stepper>
      {busy === 'reading' && <BusyNotice text={t('transfer.import.reading')} testId="import-reading" />}
      {busy === 'checking' && <JobProgressBar text={t('transfer.import.checking')} progress={progress} testId="import-checking" />}
      {error && <ApiErrorAlert error={error} title={step === 0 ? t('transfer.import.errorTitle') : undefined} testId="import-error" />}
    </SectionCard>
  );
}
