// One viewer across every room: who they are (from their latest record) and each room they watched.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { duration } from '../format.js';
import { kpi, card, message, errorText } from '../ui.js';
import { fetchAll } from '../records.js';
import { recordTable, downloads, EXPORT_LIMIT } from './viewers.js';
import { api } from '../api.js';

export async function render(main, viewerId) {
  const filter = { room: 0, viewer: viewerId, start: 0, end: 0, sort: 'desc' };
  main.append(h('p', { class: 'crumbs' }, h('a', { href: '#/viewers' }, `← ${t('backToViewers')}`)));
  try {
    if (!(viewerId > 0)) throw Object.assign(new Error(t('notFound')), { status: 404 });
    const [all, latest] = await Promise.all([
      fetchAll(filter, EXPORT_LIMIT, () => {}),
      api.durationList({ page: 1, page_size: 1, sort: 'desc', wechat_user_space_id: viewerId }),
    ]);
    const rows = all || []; // past the export limit (no one watches 100 000 rooms): the figures stay empty
    const profile = latest.list[0] || {};
    const sum = (key) => rows.reduce((a, r) => a + r[key], 0);
    const wechat = profile.third_wechat_info || {};
    main.append(
      h('div', { class: 'page-head' }, h('h1', {}, `${profile.wechat_user_name || t('viewer')} · ${viewerId}`),
        downloads(filter, `viewer-${viewerId}`)),
      h('dl', { class: 'profile' },
        [[t('device'), profile.device], [t('area'), profile.area], [t('ip'), profile.ip],
          [t('inviter'), profile.invited_name], [t('openid'), wechat.openid], [t('unionid'), wechat.unionid]]
          .filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      h('div', { class: 'kpis' },
        kpi('rooms', t('roomsWatched'), latest.total),
        kpi('stay', t('watchTime'), sum('stay'), duration(sum('stay'))),
        kpi('live', t('liveTime'), sum('live'), duration(sum('live'))),
        kpi('replay', t('replayTime'), sum('replay'), duration(sum('replay')))),
      card(t('roomsWatched'), recordTable(rows, filter)));
  } catch (e) {
    main.append(message(errorText(e), 'error'));
  }
  document.body.dataset.ready = 'true';
  return null;
}
