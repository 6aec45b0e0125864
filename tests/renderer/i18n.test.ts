import { describe, expect, it } from 'vitest';
import { en, zhCN } from '../../src-renderer/i18n/resources';
import { entityNames, errorMessages, fieldMessages, stateMessages } from '../../src-main/contract/messages';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k)).sort();
}

function leaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('i18n', () => {
  it('the renderer has the same keys in en and zh-CN, none empty', () => {
    expect(keys(zhCN)).toEqual(keys(en));
    expect(keys(en).length).toBeGreaterThan(40);
    for (const text of [...leaves(en), ...leaves(zhCN)]) expect(text.trim()).not.toBe('');
  });

  it('the zh-CN renderer texts are Chinese where the English ones are words', () => {
    const english = leaves(en);
    const chinese = leaves(zhCN);
    const translated = chinese.filter((text, i) => text !== english[i]);
    expect(translated.length / chinese.length).toBeGreaterThan(0.8);
  });

  it('main-process messages have the same keys and placeholders in both languages', () => {
    for (const table of [errorMessages, stateMessages, fieldMessages, entityNames]) {
      expect(keys(table['zh-CN'])).toEqual(keys(table.en));
      for (const [key, text] of Object.entries(table.en)) {
        const placeholders = (t: string) => [...t.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders((table['zh-CN'] as Record<string, string>)[key]!), key).toEqual(placeholders(text));
      }
    }
  });
});
