/** Row types of the book, as Kysely sees them (schema v1, migrations/0001…0008). */
import type { Generated } from 'kysely';

interface Stamped {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The change stamps of a shared record (0011): see src-main/db/change-stamps.ts. */
interface Shared extends Stamped {
  row_stamp: string;
  field_stamps: string;
  last_stamp: string;
}

export interface AccountRow extends Shared {
  id: string;
  name: string;
  country: string;
  time_zone: string;
  city: string | null;
  language: string | null;
  currency: string | null;
  source: string | null;
  owner: string | null;
  strategic_fit: number;
  reputation: number;
  priority_channel: number;
  notes: string;
  review_anchor: string | null;
  merged_into: string | null;
  /** A JSON array of short texts (0017). */
  tags: string;
}

export interface ContactRow extends Shared {
  id: string;
  account_id: string;
  name: string;
  title: string | null;
  emails: string;
  phones: string;
  whatsapp: string | null;
  wechat: string | null;
  is_primary: number;
  notes: string;
}

export interface InteractionRow extends Shared {
  id: string;
  account_id: string;
  contact_id: string | null;
  kind: string;
  channel: string | null;
  direction: string;
  occurred_at: string;
  subject: string;
  body: string;
  awaits_reply: number;
  answered_at: string | null;
}

export interface InquiryRow extends Shared {
  id: string;
  account_id: string;
  contact_id: string | null;
  source: string;
  received_at: string;
  subject: string;
  body: string;
  products: string;
  authenticity: number | null;
  urgency: number | null;
  value: number | null;
  first_reply_at: string | null;
  status: string;
}

export interface QuoteRow extends Shared {
  id: string;
  account_id: string;
  inquiry_id: string | null;
  number: string;
  currency: string;
  quote_date: string;
  status: string;
  current_version: number;
  validity_strategy: string;
  valid_days: number | null;
  fx_threshold_percent: number | null;
  fx_rate_at_quote: number | null;
  season_name: string | null;
  season_ends_on: string | null;
  valid_through: string | null;
  reconfirmed_at: string | null;
  sent_at: string | null;
  closed_at: string | null;
  lost_reason: string | null;
  lost_note: string | null;
  /** R7 FX flag and validity cut (0009). */
  fx_flagged_at: string | null;
  fx_flag_rate: number | null;
  fx_moved_percent: number | null;
  fx_cut_through: string | null;
  fx_reconfirmed_rate: number | null;
  /** R9: the facts of the loss analysis (a JSON array) and the recovery to-do the user accepted (0013). */
  lost_facts: string;
  recovery_action: string | null;
  recovery_due_at: string | null;
  recovery_note: string | null;
}

export interface QuoteVersionRow extends Shared {
  id: string;
  quote_id: string;
  version: number;
  incoterm: string | null;
  payment_terms: string | null;
  lead_time_days: number | null;
  terms: string;
  total: number;
  note: string;
  /** The validity this version was made with (0015); the quote's own columns are the current version's. */
  validity_strategy: string | null;
  valid_days: number | null;
  fx_threshold_percent: number | null;
  season_name: string | null;
  season_ends_on: string | null;
  valid_through: string | null;
  /** JSON records `[{name, validThrough}]` of a staged version, else `[]`. */
  validity_stages: string;
}

export interface QuoteItemRow extends Shared {
  id: string;
  quote_version_id: string;
  position: number;
  product: string;
  description: string;
  quantity: number;
  unit: string;
  unit_price: number;
}

export interface QuoteStageRow extends Shared {
  id: string;
  quote_id: string;
  position: number;
  name: string;
  valid_through: string;
  completed_at: string | null;
}

export interface QuoteQuestionRow extends Shared {
  id: string;
  quote_id: string;
  question: string;
  answer: string | null;
  asked_at: string;
  answered_at: string | null;
}

export interface FxRateRow extends Shared {
  id: string;
  currency: string;
  base_currency: string;
  rate_date: string;
  rate: number;
}

export interface OrderRow extends Shared {
  id: string;
  account_id: string;
  quote_id: string | null;
  number: string | null;
  ordered_at: string;
  amount: number;
  currency: string;
  fx_rate: number;
  amount_base: number;
  cost: number | null;
  cost_base: number | null;
  quantity: number | null;
  unit: string | null;
  due_on: string | null;
  paid_on: string | null;
  shipped_on: string | null;
  delivered_on: string | null;
}

/** What the book derives from an order's payments (0014, kept by triggers; never shipped). */
export interface OrderPaymentColumns {
  paid_amount: Generated<number>;
  last_paid_on: Generated<string | null>;
  paid_in_full_on: Generated<string | null>;
  /** Generated: `coalesce(paid_on, paid_in_full_on)`. */
  settled_on: Generated<string | null>;
}

/** A payment received against an order (0014), in the order's currency. */
export interface PaymentRow extends Shared {
  id: string;
  order_id: string;
  paid_on: string;
  amount: number;
  note: string | null;
}

export interface OrderLineRow extends Shared {
  id: string;
  order_id: string;
  position: number;
  product: string;
  quantity: number;
  unit: string;
  unit_price: number;
  amount: number;
}

export interface ComplaintRow extends Shared {
  id: string;
  account_id: string;
  order_id: string | null;
  grade: string;
  subject: string;
  description: string;
  opened_at: string;
  responded_at: string | null;
  resolved_at: string | null;
  resolution: string | null;
  /** What the first response told the buyer (0016). */
  response_note: string | null;
}

export interface TaskRow extends Stamped {
  id: string;
  account_id: string | null;
  kind: string;
  rule: string | null;
  source_table: string | null;
  source_id: string | null;
  dedupe_key: string | null;
  title: string;
  details: string;
  due_at: string;
  status: string;
  snoozed_until: string | null;
  done_at: string | null;
}

export interface SettingRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface CalendarOverrideRow extends Shared {
  id: string;
  country: string;
  day: string;
  kind: string;
  name: string;
}

export interface HealthReviewRow extends Stamped {
  id: string;
  account_id: string;
  due_at: string;
  reviewed_at: string | null;
  score: number | null;
  indicators: string;
  notes: string;
}

export interface ScoreSnapshotRow extends Stamped {
  id: string;
  account_id: string;
  as_of: string;
  recency: number | null;
  frequency: number | null;
  monetary: number | null;
  tier: string | null;
  value_score: number | null;
  parts: string;
  quadrant: string | null;
  loyalty: string | null;
  health: number | null;
  churn_warning: number;
  computed_at: string;
}

/** Per-account monthly order aggregates (migrations/0008), kept by db/account-months.ts. */
export interface AccountMonthRow {
  account_id: string;
  month: string;
  orders: number;
  amount: number;
  costed_amount: number;
  cost: number;
  quantity: number;
  quantity_orders: number;
  unit_min: string | null;
  unit_max: string | null;
  first_day: string;
  last_day: string;
  gap_count: number;
  gap_sum: number;
  gap_sumsq: number;
  gaps: string;
  due_orders: number;
  due_on_time: number;
  unpaid_amount: number;
  open_until: string | null;
}

export interface ScoringStateRow {
  key: string;
  value: string;
  updated_at: string;
}

export interface SearchDocRow {
  doc: Generated<number>;
  account_id: string;
  name: string;
}

export interface SearchIndexRow {
  rowid: number;
  names: string;
  emails: string;
  notes: string;
}

/** The photo of a buyer's business card (0017): local to the book, never in a share file. */
export interface CardPhotoRow {
  account_id: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Buffer;
  added_at: string;
}

export interface SchemaMigrationRow {
  version: number;
  name: string;
  applied_at: string;
  app_version: string;
}

export interface BookSchema {
  accounts: AccountRow;
  contacts: ContactRow;
  interactions: InteractionRow;
  inquiries: InquiryRow;
  quotes: QuoteRow;
  quote_versions: QuoteVersionRow;
  quote_items: QuoteItemRow;
  quote_stages: QuoteStageRow;
  quote_questions: QuoteQuestionRow;
  fx_rates: FxRateRow;
  orders: OrderRow & OrderPaymentColumns;
  order_lines: OrderLineRow;
  payments: PaymentRow;
  complaints: ComplaintRow;
  tasks: TaskRow;
  settings: SettingRow;
  calendar_overrides: CalendarOverrideRow;
  health_reviews: HealthReviewRow;
  score_snapshots: ScoreSnapshotRow;
  account_months: AccountMonthRow;
  scoring_state: ScoringStateRow;
  search_docs: SearchDocRow;
  search_index: SearchIndexRow;
  card_photos: CardPhotoRow;
  schema_migrations: SchemaMigrationRow;
}
