/**
 * `tradebook leads …`: trade-fair capture from the command line (issue 13 item 1).
 *   tradebook leads add --country CC [--company T] [--contact T] [--city T] [--zone Z] [--email E] [--phone P]
 *                       [--notes T] [--tag T]… [--photo FILE] [--into ID [--keep-name] [--keep-city]] [--at TIME]
 *   tradebook leads duplicates [--company T] [--contact T] [--email E] [--phone P] [--country CC]
 * `add` prints the account and the first follow-up (the buyer's next morning, their time and UTC); `duplicates` one
 * line per account the lead may be, with the reasons. `--json` prints the call's value.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import { AppError } from '../contract/errors';
import type { LeadDuplicate, LeadSaved } from '../contract/leads';
import type { Language } from '../contract/messages';
import { CARD_PHOTO_MAX_BYTES, photoSizeText } from '../domain/leads/card-photo';
import { dispatch, toApiError } from '../handlers/dispatch';
import type { ServiceContext } from '../services/context';
import { defined } from './args';
import { localText, utcText, type InquiryCliHooks } from './inquiries';

const phrases = {
  en: {
    saved: (name: string, country: string) => `Saved ${name} (${country}).`,
    merged: (name: string) => `Added to ${name}.`,
    followUp: (at: string) => `First follow-up: ${at}.`,
    noFollowUp: 'No follow-up was scheduled (the meeting is older than the schedule horizon).',
    none: 'No account of the book looks like this lead.',
    reasons: { email: 'same e-mail', phone: 'same phone', company: 'same company', similar_company: 'similar company name', similar_name: 'similar name' },
  },
  'zh-CN': {
    saved: (name: string, country: string) => `已保存 ${name}（${country}）。`,
    merged: (name: string) => `已并入 ${name}。`,
    followUp: (at: string) => `首次跟进：${at}。`,
    noFollowUp: '未安排跟进（会面时间早于排程范围）。',
    none: '客户册中没有与此线索相似的客户。',
    reasons: { email: '邮箱相同', phone: '电话相同', company: '公司相同', similar_company: '公司名称相近', similar_name: '姓名相近' },
  },
} as const;

function photoData(file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new AppError('import_file_missing', { path: file });
  }
  // Refused before it is read: a 2 GB file is not loaded to be told it is too large.
  if (size > CARD_PHOTO_MAX_BYTES) throw new AppError('invalid_state', { state: 'photo_too_large', size: photoSizeText(size) });
  return fs.readFileSync(file).toString('base64');
}

export function registerLeadCommands(program: Command, hooks: InquiryCliHooks): void {
  const run = (name: 'leads.add' | 'leads.duplicates', input: (ctx: ServiceContext) => unknown, show: (value: unknown, lang: Language) => string) =>
    hooks.withBook(false, async (ctx, lang) => {
      let payload: unknown;
      try {
        payload = input(ctx);
      } catch (error) {
        return hooks.fail(toApiError(error, lang));
      }
      const result = await dispatch(ctx, name, payload, lang);
      if (!result.ok) return hooks.fail(result.error);
      hooks.out(hooks.json() ? JSON.stringify(result.value) : show(result.value, lang));
    });

  const leads = program.command('leads').description('trade-fair capture: a lead in seconds, its duplicates, its first follow-up at the buyer’s next morning');
  leads
    .command('add')
    .description('save a lead (a new account, or --into one the book has) and schedule the first follow-up')
    .requiredOption('--country <code>', 'ISO country code')
    .option('--company <name>')
    .option('--contact <name>', 'the person met')
    .option('--city <name>')
    .option('--zone <iana>', 'the buyer’s time zone (default: suggested from the country and city)')
    .option('--email <address>')
    .option('--phone <number>', 'stored in E.164, read in the country unless it starts with + or 00')
    .option('--notes <text>')
    .option('--tag <text>', 'a tag such as the fair’s name (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--photo <file>', 'a photo of the card: JPEG, PNG or WebP, at most 10 MB')
    .option('--into <id>', 'add the lead to this account instead of making a new one')
    .option('--take-name', 'with --into: the account takes the lead’s company name')
    .option('--take-city', 'with --into: the account takes the lead’s city')
    .option('--at <instant>', 'when the lead was met (default: now)')
    .action((o: { country: string; company?: string; contact?: string; city?: string; zone?: string; email?: string; phone?: string; notes?: string; tag: string[]; photo?: string; into?: string; takeName?: boolean; takeCity?: boolean; at?: string }) =>
      run(
        'leads.add',
        () => {
          const data = photoData(o.photo);
          const keep = o.takeName || o.takeCity ? defined({ name: o.takeName ? 'lead' : undefined, city: o.takeCity ? 'lead' : undefined }) : undefined;
          return defined({
            country: o.country, company: o.company, contact: o.contact, city: o.city, timeZone: o.zone, email: o.email, phone: o.phone, notes: o.notes,
            tags: o.tag.length > 0 ? o.tag : undefined, photo: data === undefined ? undefined : { data }, into: o.into, keep, at: o.at,
          });
        },
        (value, lang) => {
          const saved = value as LeadSaved;
          const p = phrases[lang];
          const head = saved.merged ? p.merged(saved.account.name) : p.saved(saved.account.name, saved.account.country);
          const at = saved.followUpAt ? p.followUp(`${localText(saved.followUpAt, saved.account.timeZone, lang)} (${utcText(saved.followUpAt)})`) : p.noFollowUp;
          return `${saved.account.id}  ${head} ${at}`;
        },
      ),
    );
  leads
    .command('duplicates')
    .description('the accounts of the book a lead may already be, strongest first')
    .option('--company <name>')
    .option('--contact <name>')
    .option('--email <address>')
    .option('--phone <number>')
    .option('--country <code>', 'to read a phone number without +country')
    .action((o: { company?: string; contact?: string; email?: string; phone?: string; country?: string }) =>
      run(
        'leads.duplicates',
        () => defined(o),
        (value, lang) => {
          const found = value as LeadDuplicate[];
          const p = phrases[lang];
          if (found.length === 0) return p.none;
          return found
            .map((d) => [d.account.id, d.account.name, d.account.country, ...(d.contact ? [d.contact.name] : []), d.reasons.map((r) => p.reasons[r]).join(', ')].join('  ·  '))
            .join('\n');
        },
      ),
    );
}
