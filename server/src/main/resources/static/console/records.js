// A viewing record as the console shows and exports it, whichever endpoint it came from: the seed API
// (every room) or getRoomUserDurationList (one room, with first_time/last_time and no device, area or inviter).
import { t } from './i18n.js';
import { api } from './api.js';
import { unixTime } from './format.js';

export function normalize(record, roomId) {
  const channel = record.channel_info || {};
  return {
    room_id: record.room_id ?? roomId,
    viewer: record.wechat_user_space_id,
    name: record.wechat_user_name || '',
    stay: record.stay_duration,
    live: record.live_duration,
    replay: record.playback_duration,
    first: record.first_visit_time ?? record.first_time ?? '',
    last: record.last_visit_time ?? record.last_time ?? '',
    device: record.device ?? '',
    area: record.area ?? '',
    store: channel.channel_name || (channel.store_id ? String(channel.store_id) : ''),
    inviter: record.invited_name || (record.invited_wechat_user_space_id ? String(record.invited_wechat_user_space_id) : ''),
    ip: record.ip || '',
    updated: record.update_time,
  };
}

/** The columns of the viewers table and of its downloads; seconds stay seconds in a download, for sums. */
export function columns(filter) {
  // getRoomUserDurationList has no device, area or inviter: a room's view leaves those columns out.
  const fromRoom = new Set(filter && filter.room ? ['device', 'area', 'inviter'] : []);
  return [
    { key: 'room_id', label: t('roomId'), number: true },
    { key: 'viewer', label: t('viewerId'), number: true },
    { key: 'name', label: t('nickname') },
    { key: 'stay', label: `${t('stay')} (s)`, number: true },
    { key: 'live', label: `${t('liveTime')} (s)`, number: true },
    { key: 'replay', label: `${t('replayTime')} (s)`, number: true },
    { key: 'first', label: t('firstVisit') },
    { key: 'last', label: t('lastVisit') },
    { key: 'device', label: t('device') },
    { key: 'area', label: t('area') },
    { key: 'store', label: t('store') },
    { key: 'inviter', label: t('inviter') },
    { key: 'ip', label: t('ip') },
    { key: 'updated', label: t('updated'), text: (r) => unixTime(r.updated) },
  ].filter((c) => !fromRoom.has(c.key));
}

/** One page of records for a filter {room, viewer, start, end, sort}. */
export async function fetchPage(filter, page, size) {
  const common = { page, page_size: size, sort: filter.sort, update_time_start: filter.start,
    update_time_end: filter.end, wechat_user_space_id: filter.viewer };
  const data = filter.room
    ? await api.roomUsers({ room_id: filter.room, room_rounds_id: 0, ...common })
    : await api.durationList(common);
  return { total: data.total, rows: data.list.map((r) => normalize(r, filter.room)) };
}

/** Every record of a filter, up to limit (null past it), page by page of 500. */
export async function fetchAll(filter, limit, progress) {
  const first = await fetchPage(filter, 1, 500);
  if (first.total > limit) return null;
  const rows = first.rows;
  for (let page = 2; rows.length < first.total && page <= Math.ceil(limit / 500); page++) {
    progress(rows.length, first.total);
    const next = await fetchPage(filter, page, 500);
    if (next.rows.length === 0) break;
    rows.push(...next.rows);
  }
  return rows;
}
