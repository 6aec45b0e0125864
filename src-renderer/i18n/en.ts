/** English UI strings. `zh-CN.ts` has exactly the same keys (checked by the type `Messages`). */
export const en = {
  app: {
    name: 'Tradebook',
    tagline: 'Customer book for export sales',
  },
  nav: {
    label: 'Main navigation',
    dashboard: 'Dashboard',
    toggle: 'Show or hide navigation',
    accounts: 'Accounts',
    todos: 'To-do',
  },
  language: {
    label: 'Language',
    en: 'EN',
    zh: '中文',
    notSaved: 'The language choice could not be saved in the book.',
  },
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
    cancel: 'Cancel',
    none: '—',
  },
  errors: {
    title: 'Something went wrong',
  },
  accounts: {
    title: 'Accounts',
    searchLabel: 'Search accounts',
    searchPlaceholder: 'Name, contact, e-mail or notes…',
    count_one: '{{formatted}} account',
    count_other: '{{formatted}} accounts',
    add: 'Add account',
    listLabel: 'Accounts',
    columns: {
      name: 'Name',
      country: 'Country',
      city: 'City',
      timeZone: 'Time zone',
      localTime: 'Their time now',
    },
    loadingRow: 'Loading…',
    empty: {
      title: 'No accounts yet',
      description: 'Add your first buyer to start your book.',
    },
    noMatches: {
      title: 'No accounts match “{{query}}”',
      description: 'Try another spelling or a shorter part of the name.',
    },
    added: 'Account “{{name}}” added.',
  },
  accountForm: {
    title: 'Add account',
    name: 'Name',
    namePlaceholder: 'Company or buyer name',
    country: 'Country',
    countryPlaceholder: 'Type to search',
    countryNothingFound: 'No country found',
    timeZone: 'Time zone',
    timeZoneDescription: 'Suggested from the country; the first one is its main zone.',
    timeZonePlaceholder: 'Choose a country first',
    city: 'City',
    owner: 'Owner',
    ownerPlaceholder: 'Salesperson in charge',
    notes: 'Notes',
    submit: 'Add account',
    errorTitle: 'The account was not saved',
  },
  validation: {
    required: 'Required.',
    tooLong: 'At most {{max}} characters.',
    unknownCountry: 'Choose a country from the list.',
    zoneNotInCountry: 'Choose one of this country’s time zones.',
  },
  todos: {
    title: 'To-do',
    listLabel: 'Open tasks',
    count_one: '{{formatted}} open task',
    count_other: '{{formatted}} open tasks',
    refresh: 'Refresh',
    columns: {
      due: 'Due (your time)',
      buyerTime: 'Buyer’s local time',
      rule: 'Rule',
      task: 'Task',
      actions: 'Actions',
    },
    groups: {
      overdue: 'Overdue',
      today: 'Today',
      upcoming: 'Upcoming',
    },
    actions: {
      done: 'Done',
      snooze: 'Their next morning',
      snoozeHint: 'Snooze to the buyer’s next business morning',
      reschedule: 'Reschedule',
      rescheduleTo: 'New due time (your time)',
      save: 'Save',
    },
    summary: 'While you were away: {{overdue}} to-dos became overdue, {{created}} new.',
    empty: {
      title: 'Nothing to do',
      description: 'Follow-ups, replies and reminders will appear here when they are due.',
    },
  },
};

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** The shape every language must fill: the same keys as `en`, any text. */
export type Messages = Strings<typeof en>;
