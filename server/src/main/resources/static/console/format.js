import { lang, t } from './i18n.js';

export function number(n) {
  return Number(n || 0).toLocaleString(lang() === 'en' ? 'en-US' : 'zh-CN');
}

/** Seconds as the largest two units: "2小时5分", "3m 10s". */
export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  const hours = Math.floor(s / 3600), minutes = Math.floor((s % 3600) / 60), rest = s % 60;
  const sep = lang() === 'en' ? ' ' : '';
  if (hours > 0) return `${number(hours)}${t('h')}${sep}${minutes}${t('m')}`;
  if (minutes > 0) return `${minutes}${t('m')}${sep}${rest}${t('s')}`;
  return `${rest}${t('s')}`;
}

export function hours(seconds) {
  return Math.round((Number(seconds) || 0) / 360) / 10;
}

export function percent(part, whole) {
  return whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '–';
}

const pad = (n) => String(n).padStart(2, '0');

/** Unix seconds as local "yyyy-MM-dd HH:mm:ss" (the API's own time strings are shown as they come). */
export function unixTime(seconds) {
  if (!seconds) return '';
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Unix seconds for a datetime-local input's value and back (the browser's time zone). */
export function toInput(seconds) {
  return seconds ? unixTime(seconds).replace(' ', 'T').slice(0, 16) : '';
}

export function fromInput(value) {
  return value ? Math.floor(new Date(value).getTime() / 1000) : 0;
}
