/** The time engine (R2, R3, R7, R13): pure, on temporal-polyfill and date-holidays, never on the host's zone. */
export {
  CalendarOverrideSchema,
  clearCalendarCaches,
  createBusinessCalendar,
  MAX_SEARCH_DAYS,
  requireCountry,
  type BusinessCalendar,
  type CalendarDay,
  type CalendarOverride,
  type CalendarSource,
  type OverrideKind,
  type YearCalendar,
} from './business-calendar';
export { epochDayOf, formatEpochDay, isoWeekdayOf, parseEpochDay } from './civil-days';
export {
  DEFAULT_BUYER_MORNING,
  DEFAULT_WINDOW,
  MAX_BUSINESS_HOURS,
  MAX_SERIES,
  MINUTES_PER_DAY,
  parseClock,
  parseWindow,
  type BusinessWindow,
} from './clock';
export {
  addBusinessHours,
  businessSlotsLater,
  nextBusinessDate,
  nextBusinessSlot,
  nextBusinessSlotEpochMs,
  quarterlySeries,
  quoteExpiry,
  type BusinessHoursRequest,
  type QuarterlyRequest,
  type SlotRequest,
} from './schedule';
export { SHIPPED_CALENDAR_VERSION } from './shipped-calendar';
export { cldrWeekend, weekendHistory, weekendMaskOn, type IsoWeekday, type WeekendRule } from './weekends';
export {
  classifyLocalTime,
  clearZoneCaches,
  disambiguations,
  formatLocal,
  formatUtc,
  localEpochDayOf,
  requireTimeZone,
  timeZoneIdOf,
  zonedFromInstant,
  zonedFromLocal,
  type Disambiguation,
  type LocalTimeKind,
} from './zones';
