import { create } from 'zustand';
import { api } from '../../api';
import { readMyTimeZone } from '../../stores/my-time-zone';
import type { ApiError } from '../../../src-main/contract/errors';
import type { InboxRow, InquiryStats } from '../../../src-main/contract/inquiries';
import type { Inquiry } from '../../../src-main/contract/models';

/** Rows per inbox call: the most urgent ones; the page says when there are more. */
export const INBOX_LIMIT = 200;

interface InquiriesState {
  /** The user's own zone (setting `myTimeZone`); undefined until read. */
  myTimeZone: string | undefined;
  rows: InboxRow[] | null;
  showReplied: boolean;
  loading: boolean;
  error: ApiError | null;
  stats: InquiryStats | null;
  statsError: ApiError | null;
  /** The last logged reply or added inquiry, shown until dismissed. */
  notice: { kind: 'replied'; inquiry: Inquiry; name: string; late: number | null } | { kind: 'added'; inquiry: Inquiry; name: string; replyBy: string | null } | null;
  load(): Promise<void>;
  setShowReplied(show: boolean): Promise<void>;
  loadStats(period?: { from: string; to: string }): Promise<void>;
  /** `inquiries.reply`; on success the inbox is read again. The error is returned for the dialog. */
  reply(row: InboxRow, at: string): Promise<ApiError | null>;
  /** `inquiries.add`; on success the inbox and statistics are read again. */
  add(input: { accountId: string; name: string; source: InboxRow['source']; receivedAt: string; subject?: string; products?: string[]; urgency?: number }): Promise<ApiError | null>;
  dismissNotice(): void;
}

let latestLoad = 0;
let statsPeriod: { from: string; to: string } | undefined;

export const useInquiriesStore = create<InquiriesState>()((set, get) => ({
  myTimeZone: undefined,
  rows: null,
  showReplied: false,
  loading: false,
  error: null,
  stats: null,
  statsError: null,
  notice: null,

  load: async () => {
    const request = ++latestLoad;
    set({ loading: true });
    if (get().myTimeZone === undefined) {
      const zone = await readMyTimeZone();
      if (zone !== undefined) set({ myTimeZone: zone });
    }
    const result = await api.call('inquiries.inbox', { open: !get().showReplied, limit: INBOX_LIMIT });
    if (request !== latestLoad) return;
    if (result.ok) set({ rows: result.value, loading: false, error: null });
    else set({ loading: false, error: result.error });
  },

  setShowReplied: async (show) => {
    set({ showReplied: show });
    await get().load();
  },

  loadStats: async (period) => {
    if (period) statsPeriod = period;
    const result = await api.call('inquiries.stats', statsPeriod ?? {});
    if (result.ok) set({ stats: result.value, statsError: null });
    else set({ statsError: result.error });
  },

  reply: async (row, at) => {
    const result = await api.call('inquiries.reply', { id: row.id, at });
    if (!result.ok) return result.error;
    const late = Date.parse(at) - Date.parse(row.deadline.replyBy);
    set({ notice: { kind: 'replied', inquiry: result.value, name: row.deadline.accountName, late: late > 0 ? Math.round(late / 60_000) : null } });
    await Promise.all([get().load(), get().loadStats()]);
    return null;
  },

  add: async ({ name, ...input }) => {
    const result = await api.call('inquiries.add', input);
    if (!result.ok) return result.error;
    await Promise.all([get().load(), get().loadStats()]);
    const replyBy = get().rows?.find((row) => row.id === result.value.id)?.deadline.replyBy ?? null;
    set({ notice: { kind: 'added', inquiry: result.value, name, replyBy } });
    return null;
  },

  dismissNotice: () => set({ notice: null }),
}));
