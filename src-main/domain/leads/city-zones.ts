/**
 * The zone to suggest for a lead from their country and city (trade-fair capture, issue 13 item 1). A one-zone
 * country has its zone; in a multi-zone country the city picks it: a zone named after the city
 * (America/Chicago for Chicago, Australia/Perth for Perth), else the trade cities below, else the country's main
 * zone. Data rather than a library: no maintained package maps cities to IANA zones without a geo database of
 * tens of megabytes, and a lead's zone stays changeable in the form.
 */
import { suggestedZone, zonesOfCountry } from '../countries';

/** Trade cities of the multi-zone countries whose zone is not named after them (lower case, no accents). */
const CITY_ZONES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: {
    houston: 'America/Chicago', dallas: 'America/Chicago', 'san antonio': 'America/Chicago', austin: 'America/Chicago',
    'new orleans': 'America/Chicago', minneapolis: 'America/Chicago', 'kansas city': 'America/Chicago', memphis: 'America/Chicago',
    'st louis': 'America/Chicago', 'saint louis': 'America/Chicago', milwaukee: 'America/Chicago', nashville: 'America/Chicago',
    atlanta: 'America/New_York', miami: 'America/New_York', boston: 'America/New_York', philadelphia: 'America/New_York',
    washington: 'America/New_York', baltimore: 'America/New_York', charlotte: 'America/New_York', orlando: 'America/New_York',
    tampa: 'America/New_York', savannah: 'America/New_York', pittsburgh: 'America/New_York', cleveland: 'America/New_York',
    columbus: 'America/New_York', newark: 'America/New_York', 'new york city': 'America/New_York', nyc: 'America/New_York',
    'salt lake city': 'America/Denver', albuquerque: 'America/Denver', 'el paso': 'America/Denver',
    seattle: 'America/Los_Angeles', 'san francisco': 'America/Los_Angeles', 'san diego': 'America/Los_Angeles',
    'san jose': 'America/Los_Angeles', oakland: 'America/Los_Angeles', portland: 'America/Los_Angeles', 'las vegas': 'America/Los_Angeles',
    sacramento: 'America/Los_Angeles', 'long beach': 'America/Los_Angeles', anchorage: 'America/Anchorage', honolulu: 'Pacific/Honolulu',
  },
  CA: {
    montreal: 'America/Toronto', ottawa: 'America/Toronto', quebec: 'America/Toronto', mississauga: 'America/Toronto',
    calgary: 'America/Edmonton', vancouver: 'America/Vancouver', victoria: 'America/Vancouver', winnipeg: 'America/Winnipeg',
    halifax: 'America/Halifax', regina: 'America/Regina', saskatoon: 'America/Regina', "st john's": 'America/St_Johns',
  },
  MX: {
    guadalajara: 'America/Mexico_City', 'ciudad de mexico': 'America/Mexico_City', 'mexico city': 'America/Mexico_City', puebla: 'America/Mexico_City',
    tijuana: 'America/Tijuana', mexicali: 'America/Tijuana', hermosillo: 'America/Hermosillo', cancun: 'America/Cancun',
  },
  BR: {
    'rio de janeiro': 'America/Sao_Paulo', curitiba: 'America/Sao_Paulo', 'porto alegre': 'America/Sao_Paulo', 'belo horizonte': 'America/Sao_Paulo',
    brasilia: 'America/Sao_Paulo', santos: 'America/Sao_Paulo', campinas: 'America/Sao_Paulo', florianopolis: 'America/Sao_Paulo',
    salvador: 'America/Bahia', recife: 'America/Recife', fortaleza: 'America/Fortaleza', manaus: 'America/Manaus',
  },
  AU: { canberra: 'Australia/Sydney', newcastle: 'Australia/Sydney', 'gold coast': 'Australia/Brisbane', fremantle: 'Australia/Perth' },
  RU: {
    москва: 'Europe/Moscow', moscow: 'Europe/Moscow', 'saint petersburg': 'Europe/Moscow', 'st petersburg': 'Europe/Moscow',
    'санкт-петербург': 'Europe/Moscow', новосибирск: 'Asia/Novosibirsk', екатеринбург: 'Asia/Yekaterinburg',
    владивосток: 'Asia/Vladivostok', калининград: 'Europe/Kaliningrad',
  },
  ID: { surabaya: 'Asia/Jakarta', bandung: 'Asia/Jakarta', semarang: 'Asia/Jakarta', medan: 'Asia/Jakarta', bali: 'Asia/Makassar', denpasar: 'Asia/Makassar' },
  KZ: { astana: 'Asia/Almaty', 'nur-sultan': 'Asia/Almaty', shymkent: 'Asia/Almaty' },
};

/** Lower case, accents off, dots and underscores as spaces: "St. John's" → "st john's", "Los_Angeles" → "los angeles". */
function cityKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[._]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The zone to suggest for a buyer in `country` (and `city`, when given); null for an unknown country. */
export function suggestZoneForCity(country: string, city: string | null | undefined): string | null {
  const main = suggestedZone(country);
  if (!main) return null;
  const zones = zonesOfCountry(country);
  const key = city ? cityKey(city) : '';
  if (zones.length < 2 || key === '') return main;
  const named = zones.find((zone) => cityKey(zone.slice(zone.lastIndexOf('/') + 1)) === key);
  if (named) return named;
  const listed = CITY_ZONES[country]?.[key];
  return listed && zones.includes(listed) ? listed : main;
}
