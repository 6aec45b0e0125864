/** Error messages in both languages, keyed by error code; {{name}} is replaced by the error's params. */
export const errorMessages = {
  en: {
    invalid_input: 'Invalid input: {{details}}',
    invalid_json: 'The input is not valid JSON: {{details}}',
    unknown_handler: 'Unknown call “{{name}}”.',
    not_found: 'No {{entity}} with id {{id}}.',
    unknown_country: 'Unknown country code “{{country}}”: use a two-letter ISO code such as ES or CN.',
    unknown_zone: 'Unknown time zone “{{zone}}”: use an IANA name such as Europe/Madrid.',
    unknown_currency: 'Unknown currency “{{currency}}”: use an ISO 4217 code such as EUR.',
    fx_missing:
      'No {{currency}} rate on or up to {{days}} days before {{date}}: add one with “tradebook fx add --date {{date}} --currency {{currency}} --rate …”.',
    unknown_setting: 'Unknown setting “{{key}}”.',
    invalid_setting: 'Setting {{key}}: {{details}}',
    invalid_state: '{{details}}',
    book_busy: 'The book is busy: another program is writing to it. Try again in a moment.',
    book_corrupt: '{{path}} is damaged or is not a SQLite database.',
    not_a_book: '{{path}} is not a Tradebook book.',
    book_newer:
      'This book was written by a newer Tradebook (schema {{found}}; this version knows up to {{known}}). Update Tradebook to open it.',
    book_dir: 'Cannot create the data directory {{path}}.',
    book_missing: 'There is no book at {{path}}: run “tradebook init” first.',
    book_cannot_open: 'Cannot open {{path}}.',
    book_readonly: 'Cannot write to {{path}}.',
    book_locked: 'The book {{path}} is already open in another Tradebook (process {{pid}}).',
    book_not_initialized: 'The book {{path}} is not set up: run “tradebook init” first.',
    disk_full: 'The disk is full: nothing was saved.',
    migration_failed: 'Upgrading the book failed at {{file}}: {{details}}. The book is unchanged; a copy is at {{backup}}.',
    internal: 'Something went wrong: {{details}}',
    cli_usage: '{{details}} (see “tradebook --help”)',
  },
  'zh-CN': {
    invalid_input: '输入无效：{{details}}',
    invalid_json: '输入不是有效的 JSON：{{details}}',
    unknown_handler: '未知的调用“{{name}}”。',
    not_found: '找不到 id 为 {{id}} 的{{entity}}。',
    unknown_country: '未知的国家代码“{{country}}”：请使用两位 ISO 代码，例如 ES 或 CN。',
    unknown_zone: '未知的时区“{{zone}}”：请使用 IANA 名称，例如 Europe/Madrid。',
    unknown_currency: '未知的币种“{{currency}}”：请使用 ISO 4217 代码，例如 EUR。',
    fx_missing:
      '{{date}} 当天及之前 {{days}} 天内没有 {{currency}} 汇率：请用“tradebook fx add --date {{date}} --currency {{currency}} --rate …”添加。',
    unknown_setting: '未知的设置项“{{key}}”。',
    invalid_setting: '设置项 {{key}}：{{details}}',
    invalid_state: '{{details}}',
    book_busy: '客户库正忙：另一个程序正在写入。请稍后再试。',
    book_corrupt: '{{path}} 已损坏，或不是 SQLite 数据库。',
    not_a_book: '{{path}} 不是 Tradebook 客户库。',
    book_newer: '此客户库由更新版本的 Tradebook 写入（架构 {{found}}；本版本最高支持 {{known}}）。请升级 Tradebook 后再打开。',
    book_dir: '无法创建数据目录 {{path}}。',
    book_missing: '{{path}} 处没有客户库：请先运行“tradebook init”。',
    book_cannot_open: '无法打开 {{path}}。',
    book_readonly: '无法写入 {{path}}。',
    book_locked: '客户库 {{path}} 已在另一个 Tradebook 中打开（进程 {{pid}}）。',
    book_not_initialized: '客户库 {{path}} 尚未初始化：请先运行“tradebook init”。',
    disk_full: '磁盘已满：没有保存任何内容。',
    migration_failed: '升级客户库时在 {{file}} 出错：{{details}}。客户库未改动；副本在 {{backup}}。',
    internal: '出错了：{{details}}',
    cli_usage: '命令用法错误：{{details}}（参见“tradebook --help”）',
  },
} as const;

export const entityNames = {
  en: {
    account: 'account',
    contact: 'contact',
    interaction: 'interaction',
    inquiry: 'inquiry',
    quote: 'quote',
    order: 'order',
    complaint: 'complaint',
    task: 'task',
  },
  'zh-CN': {
    account: '客户',
    contact: '联系人',
    interaction: '沟通记录',
    inquiry: '询盘',
    quote: '报价',
    order: '订单',
    complaint: '投诉',
    task: '待办',
  },
} as const;

/** Messages for invalid_state errors (quote already sent, complaint already resolved…). */
export const stateMessages = {
  en: {
    quote_not_draft: 'Quote {{id}} has already been sent; revise it to change it.',
    quote_closed: 'Quote {{id}} is {{status}} and can no longer change.',
    quote_validity_incomplete: 'The {{strategy}} validity strategy needs: {{fields}}.',
    inquiry_already_replied: 'Inquiry {{id}} was already answered at {{at}}.',
    complaint_already_responded: 'Complaint {{id}} was already responded to at {{at}}.',
    complaint_already_resolved: 'Complaint {{id}} was already resolved at {{at}}.',
    reply_before_receipt: 'The time given, {{at}}, is before the record was received or opened ({{received}}).',
    contact_other_account: 'Contact {{contactId}} belongs to another account.',
    unit_without_quantity: 'Give a quantity and a unit together.',
    fx_is_base: '{{currency}} is the base currency: it needs no rate.',
    validity_before_quote: 'The quote cannot stop being valid ({{date}}) before its date ({{quoteDate}}).',
    base_currency_locked: 'The base currency stays {{currency}}: orders are already stored in it.',
    unanswered_questions: '{{unanswered}} of {{asked}} spec questions are unanswered; answer them or confirm sending anyway.',
  },
  'zh-CN': {
    quote_not_draft: '报价 {{id}} 已发出；如需修改请创建新版本。',
    quote_closed: '报价 {{id}} 状态为 {{status}}，不能再修改。',
    quote_validity_incomplete: '有效期策略 {{strategy}} 需要：{{fields}}。',
    inquiry_already_replied: '询盘 {{id}} 已于 {{at}} 回复。',
    complaint_already_responded: '投诉 {{id}} 已于 {{at}} 响应。',
    complaint_already_resolved: '投诉 {{id}} 已于 {{at}} 解决。',
    reply_before_receipt: '所填时间 {{at}} 早于收到或登记的时间（{{received}}）。',
    contact_other_account: '联系人 {{contactId}} 属于另一个客户。',
    unit_without_quantity: '数量和单位需要同时填写。',
    fx_is_base: '{{currency}} 是本位币，不需要汇率。',
    validity_before_quote: '报价有效期截止日（{{date}}）不能早于报价日期（{{quoteDate}}）。',
    base_currency_locked: '本位币保持为 {{currency}}：已有订单按它换算。',
    unanswered_questions: '客户提出的 {{asked}} 个规格问题中有 {{unanswered}} 个尚未回答；请先回答，或确认仍要发送。',
  },
} as const;

export type Language = keyof typeof errorMessages;
export type ErrorCode = keyof (typeof errorMessages)['en'];
export type EntityName = keyof (typeof entityNames)['en'];
export type StateCode = keyof (typeof stateMessages)['en'];

/** Field-level messages for the checks Tradebook adds to its schemas (zod's own are localised by zod). */
export const fieldMessages = {
  en: {
    'tb.ulid': 'expected an id (a ULID such as 01JD2Q7X8Y9Z0ABCDEFGHJKMNP)',
    'tb.country': 'unknown country code: use a two-letter ISO code such as ES or CN',
    'tb.zone': 'unknown time zone: use an IANA name such as Europe/Madrid',
    'tb.currency': 'unknown currency: use an ISO 4217 code such as EUR',
    'tb.date': 'expected a real date YYYY-MM-DD',
    'tb.instant': 'expected an instant with its offset, such as 2025-03-28T10:00:00Z',
    'tb.phone': 'expected a phone number such as +34 912 345 678',
    'tb.quantity_unit': 'give a quantity and a unit together',
    'tb.clock': 'expected a time HH:MM such as 08:15',
    'tb.window': 'expected a window HH:MM-HH:MM such as 09:00-18:00',
    'tb.window_order': 'the window must end after it starts',
    'tb.unique': 'each value only once',
  },
  'zh-CN': {
    'tb.ulid': '需要一个 id（ULID，例如 01JD2Q7X8Y9Z0ABCDEFGHJKMNP）',
    'tb.country': '未知的国家代码：请使用两位 ISO 代码，例如 ES 或 CN',
    'tb.zone': '未知的时区：请使用 IANA 名称，例如 Europe/Madrid',
    'tb.currency': '未知的币种：请使用 ISO 4217 代码，例如 EUR',
    'tb.date': '需要有效日期 YYYY-MM-DD',
    'tb.instant': '需要带时区偏移的时间，例如 2025-03-28T10:00:00Z',
    'tb.phone': '需要电话号码，例如 +34 912 345 678',
    'tb.quantity_unit': '数量和单位需要同时填写',
    'tb.clock': '需要时间 HH:MM，例如 08:15',
    'tb.window': '需要时间段 HH:MM-HH:MM，例如 09:00-18:00',
    'tb.window_order': '时间段的结束必须晚于开始',
    'tb.unique': '每个值只能出现一次',
  },
} as const;
