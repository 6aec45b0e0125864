const currencies = new Set(Intl.supportedValuesOf('currency'));

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencies.has(code);
}

/** Rounds to the currency's minor unit (2 for most, 0 for JPY/KRW, 3 for KWD/BHD…). */
export function roundMoney(amount: number, currency: string): number {
  const digits = minorDigits(currency);
  const factor = 10 ** digits;
  return Math.round((amount + Number.EPSILON) * factor) / factor;
}

const digitsCache = new Map<string, number>();
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Base-currency value of an amount: a rate says how many base units one foreign unit buys. */
export function toBase(amount: number, rate: number, baseCurrency: string): number {
  return roundMoney(amount * rate, baseCurrency);
}
