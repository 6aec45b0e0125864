/**
 * Guessing what each column of a CRM export holds from its header: HubSpot ("Company name", "Country/Region",
 * "Record ID"), Salesforce ("Account Name", "Billing Country", "Mailing Country"), Pipedrive ("Organization - Name",
 * "Person - Email"), Zoho ("Account Name", "Lead Source") and Chinese exports (公司名称, 客户名称, 国家, 地区,
 * 联系人, 邮箱, 电子邮件, 电话, 手机…), plus the headers Tradebook's own export writes. A header is compared in a
 * folded form (width-folded, lower case, without spaces or punctuation: "Country/Region" → "countryregion").
 */
import { MULTI_FIELDS, type ColumnMapping, type ImportField } from './fields';

const ALIASES: Record<ImportField, readonly string[]> = {
  id: ['id', 'recordid', 'externalid', 'contactid', 'personid', 'leadid', 'accountid', 'companyid', 'organizationid', 'organisationid', 'customerid', 'clientid', '编号', '客户编号', '客户id', '客户代码'],
  'account.name': [
    'company', 'companyname', 'account', 'accountname', 'organization', 'organisation', 'organizationname', 'organisationname', 'orgname',
    'customer', 'customername', 'client', 'clientname', 'business', 'businessname', 'firm', 'buyer', 'buyername',
    '公司', '公司名', '公司名称', '客户', '客户名', '客户名称', '客户公司', '企业', '企业名称', '单位名称', '买家', '买家名称',
  ],
  'account.country': [
    'country', 'countryregion', 'countryname', 'countrycode', 'billingcountry', 'mailingcountry', 'shippingcountry', 'addresscountry',
    'nation', '国家', '地区', '国家地区', '国家和地区', '国家或地区', '国别', '所在国家', '所在地区',
  ],
  'account.city': ['city', 'billingcity', 'mailingcity', 'shippingcity', 'addresscity', 'town', '城市', '所在城市'],
  'account.timeZone': ['timezone', 'tz', '时区'],
  'account.language': ['language', 'preferredlanguage', '语言', '语种'],
  'account.currency': ['accountcurrency', 'customercurrency', '客户币种'],
  'account.source': ['source', 'leadsource', 'accountsource', 'originalsource', 'contactsource', '来源', '客户来源', '渠道', '获客渠道'],
  'account.owner': [
    'owner', 'accountowner', 'companyowner', 'contactowner', 'recordowner', 'leadowner', 'salesperson', 'salesrep', 'assignedto',
    '负责人', '业务员', '跟进人', '所有者', '销售', '销售员',
  ],
  'account.notes': ['notes', 'note', 'description', 'comments', 'comment', 'remarks', 'memo', '备注', '说明', '描述'],
  'contact.name': ['contactname', 'contact', 'fullname', 'person', 'personname', 'contactperson', '联系人', '联系人姓名', '姓名', '名字'],
  'contact.firstName': ['firstname', 'givenname', 'forename', '名'],
  'contact.lastName': ['lastname', 'surname', 'familyname', '姓'],
  'contact.title': ['title', 'jobtitle', 'position', 'role', 'designation', '职位', '职务', '头衔'],
  'contact.email': ['email', 'emailaddress', 'mail', 'workemail', 'businessemail', 'primaryemail', 'emails', '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址'],
  'contact.phone': [
    'phone', 'phones', 'phonenumber', 'telephone', 'tel', 'mobile', 'mobilephone', 'mobilephonenumber', 'mobilenumber', 'cell', 'cellphone',
    'workphone', 'businessphone', 'officephone', 'directphone', '电话', '手机', '手机号', '手机号码', '联系电话', '电话号码', '座机', '联系方式',
  ],
  'contact.whatsapp': ['whatsapp', 'whatsappnumber', 'whatsappphonenumber'],
  'contact.wechat': ['wechat', 'wechatid', 'weixin', '微信', '微信号'],
  'contact.notes': ['contactnotes', 'contactdescription', '联系人备注'],
  'order.number': [
    'ordernumber', 'orderno', 'orderid', 'order', 'ponumber', 'pono', 'po', 'invoicenumber', 'invoiceno', 'sonumber', 'salesordernumber',
    '订单号', '订单编号', '合同号', '合同编号', '发票号', 'pi号',
  ],
  'order.date': ['orderdate', 'dateordered', 'orderedat', 'orderedon', 'date', 'purchasedate', '订单日期', '下单日期', '日期', '成交日期'],
  'order.amount': ['amount', 'orderamount', 'total', 'grandtotal', 'totalamount', 'ordervalue', 'ordertotal', '金额', '订单金额', '总金额', '合同金额', '总价'],
  'order.currency': ['currency', 'ordercurrency', 'currencycode', '币种', '货币', '币别'],
  'order.cost': ['cost', 'costamount', 'ordercost', '成本'],
  'order.quantity': ['quantity', 'qty', '数量'],
  'order.unit': ['unit', 'uom', 'unitofmeasure', '单位'],
  'order.dueOn': ['duedate', 'dueon', 'paymentdue', 'paymentduedate', 'due', '到期日', '付款期限', '应付款日期', '应收款日期'],
  'order.paidOn': ['paiddate', 'paidon', 'paymentdate', 'paid', '付款日期', '收款日期'],
  'order.shippedOn': ['shipdate', 'shippeddate', 'shippedon', 'shipped', '发货日期', '出货日期'],
  'order.deliveredOn': ['deliverydate', 'delivereddate', 'deliveredon', 'delivered', '交货日期', '到货日期'],
};

const BY_ALIAS = new Map<string, ImportField>();
for (const [field, aliases] of Object.entries(ALIASES) as [ImportField, readonly string[]][]) {
  for (const alias of aliases) BY_ALIAS.set(alias, field);
}

/** Prefixes that say whose a column is: "Person - Email", "Organization - Name", "Billing Country"… */
const PREFIXES: readonly (readonly [string, 'account' | 'contact' | 'order' | null])[] = [
  ['organization', 'account'], ['organisation', 'account'], ['company', 'account'], ['account', 'account'], ['customer', 'account'], ['org', 'account'],
  ['person', 'contact'], ['contact', 'contact'], ['lead', 'contact'],
  ['order', 'order'], ['invoice', 'order'],
  ['primary', null], ['work', null], ['business', null], ['billing', null], ['mailing', null], ['main', null],
  ['客户', 'account'], ['公司', 'account'], ['联系人', 'contact'], ['订单', 'order'],
];

/** A header folded for comparison: width-folded, lower case, letters and digits only. */
export function foldHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The field a header names by itself (before looking at the other columns), or null. */
export function fieldOfHeader(header: string): ImportField | null {
  const folded = foldHeader(header);
  if (folded === '') return null;
  const direct = BY_ALIAS.get(folded) ?? BY_ALIAS.get(folded.replace(/\d+$/, ''));
  if (direct) return direct;
  for (const [prefix, entity] of PREFIXES) {
    if (!folded.startsWith(prefix) || folded.length === prefix.length) continue;
    const rest = folded.slice(prefix.length).replace(/\d+$/, '');
    if (rest === 'name' || rest === '名称' || rest === '姓名') {
      if (entity === 'account') return 'account.name';
      if (entity === 'contact') return 'contact.name';
      continue;
    }
    const field = BY_ALIAS.get(rest);
    if (!field || field === 'id') continue;
    if (entity === 'account' && field === 'order.currency') return 'account.currency';
    // "Organization - Phone": an account has no phone of its own, so it becomes a contact's (see validate-row.ts).
    return field;
  }
  return null;
}

/** Headers that only mean an order field when the file has orders. */
const WEAK_ORDER = new Set(['date', '日期', 'unit', '单位', 'uom', 'quantity', 'qty', '数量', 'due', 'paid', 'shipped', 'delivered']);
/** Ids of an account or a contact repeat on every row of a file with more rows per record: not the row's id then. */
const ACCOUNT_IDS = new Set(['accountid', 'companyid', 'organizationid', 'organisationid', 'customerid', 'clientid', '客户编号', '客户id', '客户代码']);
const CONTACT_IDS = new Set(['contactid', 'personid', 'leadid']);

/**
 * The guessed field of every column. Each single field goes to its first column only; "Name" is the contact's when
 * another column names the company (the company's otherwise); "Currency" is the order's in a file with orders (the
 * account's otherwise); an account or contact id is the row's id only in a file with one row per such record.
 */
export function guessMapping(headers: readonly string[]): (ImportField | null)[] {
  const folded = headers.map(foldHeader);
  const raw = headers.map((h, i) => (folded[i] === 'name' ? null : fieldOfHeader(h)));
  const has = (prefix: string) => raw.some((f) => f !== null && f.startsWith(prefix));
  const strongOrder = raw.some((f, i) => f !== null && f.startsWith('order.') && f !== 'order.currency' && !WEAK_ORDER.has(folded[i] ?? ''));
  const hasContact = has('contact.');
  const guessed = raw.map((field, i) => {
    const f = folded[i] ?? '';
    if (f === 'name') return raw.includes('account.name') ? 'contact.name' : 'account.name';
    if (field === null) return null;
    if (field.startsWith('order.') && !strongOrder) return field === 'order.currency' ? 'account.currency' : null;
    if (field === 'id' && ACCOUNT_IDS.has(f) && (hasContact || strongOrder)) return null;
    if (field === 'id' && CONTACT_IDS.has(f) && strongOrder) return null;
    return field;
  });
  const taken = new Set<ImportField>();
  return guessed.map((field) => {
    if (field === null) return null;
    if (MULTI_FIELDS.has(field)) return field;
    if (taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Headers made unique ("Phone", "Phone (2)") so that a mapping can name each column. */
export function uniqueHeaders(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** The guessed mapping with the user's choices (header → field, or null to ignore the column) laid over it. */
export function applyMap(headers: readonly string[], guessed: ColumnMapping, map: Readonly<Record<string, ImportField | null>> | undefined): (ImportField | null)[] {
  if (!map) return [...guessed];
  const chosen = new Map(Object.entries(map));
  const explicit = new Set([...chosen.values()].filter((f): f is ImportField => f !== null));
  return headers.map((header, i) => {
    if (chosen.has(header)) return chosen.get(header) ?? null;
    const guess = guessed[i] ?? null;
    // A field the user gave to another column is no longer guessed here (unless several columns may feed it).
    return guess !== null && explicit.has(guess) && !MULTI_FIELDS.has(guess) ? null : guess;
  });
}
