import { api } from '../api';

/**
 * The user's own zone (the `myTimeZone` setting) for a page store that shows "your time": asked once per store
 * (while its `myTimeZone` is still unknown); undefined when the setting cannot be read, and the page falls back.
 */
export async function readMyTimeZone(): Promise<string | undefined> {
  const zone = await api.call('settings.get', { key: 'myTimeZone' });
  return zone.ok && typeof zone.value.value === 'string' ? zone.value.value : undefined;
}
