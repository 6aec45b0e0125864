import { Temporal } from 'temporal-polyfill';

export const MS_PER_DAY = 86_400_000;

/** Epoch ms of a stored instant (`YYYY-MM-DDTHH:MM:SSZ`, which Date.parse reads exactly; Temporal for anything else). */
export function instantMs(text: string): number {
  const ms = text.length === 20 ? Date.parse(text) : Number.NaN;
  return Number.isNaN(ms) ? Temporal.Instant.from(text).epochMilliseconds : ms;
}

/** `YYYY-MM-DDTHH:MM:SSZ`, whole seconds (years 0000–9999, which is all a book holds). */
export function formatMs(ms: number): string {
  return `${new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}
