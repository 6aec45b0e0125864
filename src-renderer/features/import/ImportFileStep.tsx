import { Button, Group, Radio, Select, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_ENCODINGS, type ImportEncoding } from '../../../src-main/domain/import/encoding';
import { useUiStore } from '../../stores/ui-store';
import { countryOptions } from '../accounts/country-options';
import { FilePathInput } from '../sharing/FilePathInput';
import { useImportStore, type DateOrder, type DuplicateMode } from './import-store';

const AUTO = 'auto';
const isEncoding = (value: string): value is ImportEncoding => (IMPORT_ENCODINGS as readonly string[]).includes(value);
const isDuplicateMode = (value: string): value is DuplicateMode => value === 'skip' || value === 'attach' || value === 'error';
const isDateOrder = (value: string | null): value is DateOrder => value === 'dmy' || value === 'mdy';

/** Step 1: the file's path and how to read it (country of rows without one, date order, encoding, duplicates). */
export function ImportFileStep() {
  const { t } = useTranslation();
  const language = useUiStore((state) => state.language);
  const file = useImportStore((state) => state.file);
  const options = useImportStore((state) => state.options);
  const busy = useImportStore((state) => state.busy);
  const setFile = useImportStore((state) => state.setFile);
  const setOptions = useImportStore((state) => state.setOptions);
  const read = useImportStore((state) => state.read);
  const countries = useMemo(() => countryOptions(language), [language]);
  const [attempted, setAttempted] = useState(false);
  const pathRef = useRef<HTMLInputElement>(null);
  const missing = file.trim() === '';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    if (missing) pathRef.current?.focus();
    else void read();
  };

  return (
    <form noValidate onSubmit={submit} data-testid="import-file-step">
      <Stack gap="sm">
        <FilePathInput
          ref={pathRef}
          value={file}
          onChange={setFile}
          placeholder={t('transfer.import.pathPlaceholder')}
          description={t('transfer.import.pathDescription')}
          error={attempted && missing ? t('files.pathRequired') : null}
          disabled={busy !== null}
          testId="import-file"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            searchable
            clearable
            label={t('transfer.import.defaultCountry')}
            placeholder={t('transfer.import.defaultCountryPlaceholder')}
            nothingFoundMessage={t('accountForm.countryNothingFound')}
            data={countries}
            value={options.defaultCountry}
            onChange={(defaultCountry) => setOptions({ defaultCountry })}
            limit={50}
            maxDropdownHeight={240}
            clearButtonProps={{ 'aria-label': t('common.close') }}
            data-testid="import-default-country"
          />
          <Select
            label={t('transfer.import.dateOrder')}
            data={[
              { value: 'dmy', label: t('transfer.import.dmy') },
              { value: 'mdy', label: t('transfer.import.mdy') },
            ]}
            value={options.dateOrder}
            onChange={(value) => isDateOrder(value) && setOptions({ dateOrder: value })}
            allowDeselect={false}
            data-testid="import-date-order"
          />
          <Select
            label={t('transfer.import.encoding')}
            data={[{ value: AUTO, label: t('transfer.import.encodingAuto') }, ...IMPORT_ENCODINGS.map((e) => ({ value: e, label: e.toUpperCase() }))]}
            value={options.encoding ?? AUTO}
            onChange={(value) => setOptions({ encoding: value && isEncoding(value) ? value : null })}
            allowDeselect={false}
            maxDropdownHeight={240}
            data-testid="import-encoding"
          />
        </SimpleGrid>
        <Radio.Group
          label={t('transfer.import.duplicates')}
          value={options.duplicates}
          onChange={(value) => isDuplicateMode(value) && setOptions({ duplicates: value })}
          data-testid="import-duplicates"
        >
          <Stack gap={6} mt={6}>
            <Radio value="skip" label={t('transfer.import.duplicatesSkip')} />
            <Radio value="attach" label={t('transfer.import.duplicatesAttach')} />
            <Radio value="error" label={t('transfer.import.duplicatesError')} />
          </Stack>
        </Radio.Group>
        <Group>
          <Button type="submit" loading={busy === 'reading'} data-testid="import-read">
            {t('transfer.import.read')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
