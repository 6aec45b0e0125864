import type { Messages } from './en';

/** 简体中文界面文字：与 `en.ts` 的键完全相同。 */
export const zhCN: Messages = {
  app: {
    name: 'Tradebook',
    tagline: '外贸客户簿',
  },
  nav: {
    label: '主导航',
    toggle: '显示或隐藏导航',
    accounts: '客户',
    todos: '待办',
  },
  language: {
    label: '语言',
    en: 'EN',
    zh: '中文',
    notSaved: '语言选择未能保存到客户库。',
  },
  common: {
    loading: '加载中…',
    retry: '重试',
    close: '关闭',
    cancel: '取消',
    none: '—',
  },
  errors: {
    title: '出错了',
  },
  accounts: {
    title: '客户',
    searchLabel: '搜索客户',
    searchPlaceholder: '名称、联系人、邮箱或备注…',
    count_one: '{{formatted}} 个客户',
    count_other: '{{formatted}} 个客户',
    add: '新增客户',
    listLabel: '客户列表',
    columns: {
      name: '名称',
      country: '国家/地区',
      city: '城市',
      timeZone: '时区',
      localTime: '对方当地时间',
    },
    loadingRow: '加载中…',
    empty: {
      title: '还没有客户',
      description: '新增第一位买家，开始建立客户簿。',
    },
    noMatches: {
      title: '没有与“{{query}}”匹配的客户',
      description: '换一种写法，或只输入名称的一部分试试。',
    },
    added: '已新增客户“{{name}}”。',
  },
  accountForm: {
    title: '新增客户',
    name: '名称',
    namePlaceholder: '公司或买家名称',
    country: '国家/地区',
    countryPlaceholder: '输入以搜索',
    countryNothingFound: '找不到该国家/地区',
    timeZone: '时区',
    timeZoneDescription: '根据国家/地区推荐；第一个是其主要时区。',
    timeZonePlaceholder: '请先选择国家/地区',
    city: '城市',
    owner: '负责人',
    ownerPlaceholder: '负责的业务员',
    notes: '备注',
    submit: '新增客户',
    errorTitle: '客户未保存',
  },
  validation: {
    required: '必填。',
    tooLong: '最多 {{max}} 个字符。',
    unknownCountry: '请从列表中选择国家/地区。',
    zoneNotInCountry: '请选择该国家/地区的时区。',
  },
  todos: {
    title: '待办',
    listLabel: '未完成的任务',
    count_one: '{{formatted}} 项待办',
    count_other: '{{formatted}} 项待办',
    refresh: '刷新',
    columns: {
      due: '到期',
      account: '客户',
      rule: '规则',
      task: '任务',
    },
    overdue: '已逾期',
    empty: {
      title: '没有待办事项',
      description: '跟进、回复和提醒到期时会显示在这里。',
    },
  },
};
