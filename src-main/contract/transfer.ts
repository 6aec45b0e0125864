/** The transfer calls of the API (spread into the one contract map in ./index.ts): import and export files. */
import { z } from 'zod';
import { IMPORT_ENCODINGS } from '../domain/import/encoding';
import { IMPORT_FIELDS } from '../domain/import/fields';
import { CountryCode } from './primitives';
import { jobField } from './progress';

/** A path on the local disk (the file is read or written by the main process). */
const FilePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), 'tb.file_path');

export const ImportKind = z.enum(['csv', 'xlsx', 'vcf']);
export const ImportFieldName = z.enum(IMPORT_FIELDS);
/** Header → field (null: ignore the column), laid over the guesses. */
export const ColumnMap = z.record(z.string().min(1).max(300), ImportFieldName.nullable());
export const DuplicateMode = z.enum(['skip', 'attach', 'error']);

const importOptions = {
  kind: ImportKind.optional(),
  map: ColumnMap.optional(),
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  /** The country of rows that have none. */
  defaultCountry: CountryCode.optional(),
  /** 03/04/2025: day first (dmy, the default) or month first (mdy). */
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  duplicates: DuplicateMode.optional(),
};

export const ImportRowError = z.object({ row: z.number(), column: z.string(), code: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportDuplicate = z.object({
  row: z.number(),
  field: z.enum(['id', 'company', 'email', 'phone', 'order']),
  value: z.string(),
  existingId: z.string().nullable(),
  existingRow: z.number().nullable(),
  action: z.enum(['skipped', 'attached']),
});

export const ImportPreview = z.object({
  file: z.string(),
  kind: ImportKind,
  /** UTF-8, GB18030, UTF-16LE… (null for XLSX). */
  encoding: z.string().nullable(),
  bom: z.boolean(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.array(z.object({ column: z.string(), field: ImportFieldName.nullable(), guessed: ImportFieldName.nullable() })),
  /** The first 20 rows as read. */
  rows: z.array(z.object({ row: z.number(), cells: z.array(z.string()) })),
  /** Their problems, as the import would report them. */
  errors: z.array(ImportRowError),
  dateOrder: z.enum(['dmy', 'mdy']).nullable(),
  /** Fields an import needs that no column holds yet (account.name; account.country unless a default country is given). */
  needs: z.array(ImportFieldName),
  fields: z.array(ImportFieldName),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportReport = z.object({
  file: z.string(),
  kind: ImportKind,
  encoding: z.string().nullable(),
  dryRun: z.boolean(),
  /** Whether the book was changed: false for a dry run and whenever there is an error. */
  written: z.boolean(),
  /** Data rows read (blank rows not counted). */
  rows: z.number(),
  /** What was written (a dry run: what would be). */
  imported: z.object({ accounts: z.number(), contacts: z.number(), orders: z.number() }),
  /** Rows left out as duplicates. */
  skipped: z.number(),
  duplicates: z.array(ImportDuplicate),
  duplicateCount: z.number(),
  errors: z.array(ImportRowError),
  errorCount: z.number(),
  seconds: z.number(),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportFormat = z.enum(['csv', 'xlsx', 'vcf']);
export const ExportEntity = z.enum(['accounts', 'contacts', 'orders']);
export const ExportResult = z.object({ file: z.string(), format: ExportFormat, entity: ExportEntity, rows: z.number() });
export type ExportResult = z.infer<typeof ExportResult>;

export const transferContract = {
  'import.preview': { input: z.strictObject({ file: FilePath, ...importOptions }), output: ImportPreview },
  'import.run': { input: z.strictObject({ file: FilePath, ...importOptions, dryRun: z.boolean().default(false), ...jobField }), output: ImportReport },
  'export.run': {
    input: z
      .strictObject({ out: FilePath, format: ExportFormat.default('csv'), entity: ExportEntity.optional() })
      .refine((e) => e.format !== 'vcf' || e.entity === undefined || e.entity === 'contacts', { message: 'tb.vcf_contacts', path: ['entity'] }),
    output: ExportResult,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
