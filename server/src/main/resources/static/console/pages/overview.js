// What a manager looks at first: rooms live now and ended, the account's figures for a window of days, its
// trend, live against replay, and the rooms by latest activity.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { duration, number, hours, percent } from '../format.js';
import { kpi, card, Charts, table, pager, statusBadge, message, errorText } from '../ui.js';

const ROOMS_PER_PAGE = 20;

export async function render(main, query) {
  const days = [7, 30, 90].includes(Number(query.get('days'))) ? Number(query.get('days')) : 30;
  const roomPage = Math.max(1, Number(query.get('page')) || 1);
  const charts = new Charts();
  try {
    const [live, ended, trend, rooms] = await Promise.all([
      api.roomList({ page: 1, page_size: 1, status: 'live' }),
      api.roomList({ page: 1, page_size: 1, status: 'ended' }),
      api.trend(days),
      api.roomList({ page: roomPage, page_size: ROOMS_PER_PAGE }),
    ]);
    const sum = (field) => trend.list.reduce((a, d) => a + d[field], 0);
    const stay = sum('stay_duration'), liveTime = sum('live_duration'), replay = sum('playback_duration');
    const windowNote = t('lastDays', days);
    const picker = h('div', { class: 'segmented', 'data-days': days },
      [7, 30, 90].map((d) => h('a', { href: `#/overview?days=${d}`, class: d === days ? 'active' : '' }, t('days', d))));
    const trendChart = h('div', { class: 'chart', id: 'trend-chart' });
    const splitChart = h('div', { class: 'chart', id: 'split-chart' });
    main.append(
      h('div', { class: 'page-head' }, h('h1', {}, t('overview')), picker),
      h('div', { class: 'kpis' },
        kpi('live-rooms', t('liveRooms'), live.total),
        kpi('ended-rooms', t('endedRooms'), ended.total),
        kpi('viewers', t('viewerVisits'), sum('viewers'), null, windowNote),
        kpi('stay', t('watchTime'), stay, duration(stay), windowNote),
        kpi('live', t('liveTime'), liveTime, duration(liveTime), percent(liveTime, stay)),
        kpi('replay', t('replayTime'), replay, duration(replay), percent(replay, stay))),
      h('div', { class: 'row' },
        card(`${t('trend')} · ${windowNote}`, trendChart),
        card(t('liveVsReplay'), splitChart)),
      card(t('rooms'), roomTable(rooms.list),
        pager(rooms.total, roomPage, ROOMS_PER_PAGE, (p) => { location.hash = `#/overview?days=${days}&page=${p}`; })));
    charts.make(trendChart, trendOption(trend.list));
    charts.make(splitChart, splitOption(liveTime, replay, stay - liveTime - replay));
  } catch (e) {
    main.append(message(errorText(e), 'error'));
  }
  document.body.dataset.ready = 'true';
  return () => charts.dispose();
}

function roomTable(rooms) {
  return table('rooms', [
    { label: t('roomId'), value: (r) => h('a', { href: `#/rooms/${r.room_id}` }, `${t('room')} ${r.room_id}`) },
    { label: t('status'), value: (r) => statusBadge(r.status) },
    { label: t('viewerCount'), cls: 'num', value: (r) => number(r.viewers) },
    { label: t('watchTime'), cls: 'num', value: (r) => duration(r.stay_duration) },
    { label: t('liveTime'), cls: 'num', value: (r) => duration(r.live_duration) },
    { label: t('replayTime'), cls: 'num', value: (r) => duration(r.playback_duration) },
    { label: t('rounds'), cls: 'num', value: (r) => number(r.rounds) },
    { label: t('firstActivity'), value: (r) => r.first_time || '' },
    { label: t('lastActivity'), value: (r) => r.last_time || '' },
  ], rooms);
}

function trendOption(days) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('viewersOfDay'), t('watchHours')] },
    grid: { left: 50, right: 50, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: days.map((d) => d.date.slice(5)) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value' }],
    series: [
      { name: t('viewersOfDay'), type: 'bar', data: days.map((d) => d.viewers), itemStyle: { color: '#5b8ff9' } },
      { name: t('watchHours'), type: 'line', yAxisIndex: 1, data: days.map((d) => hours(d.stay_duration)),
        itemStyle: { color: '#f6bd16' } },
    ],
  };
}

export function splitOption(live, replay, preview) {
  const parts = [
    { name: t('liveTime'), value: live, itemStyle: { color: '#e8684a' } },
    { name: t('replayTime'), value: replay, itemStyle: { color: '#5b8ff9' } },
    { name: t('previewTime'), value: Math.max(0, preview), itemStyle: { color: '#bfbfbf' } },
  ].filter((p) => p.value > 0);
  return {
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${duration(p.value)} (${p.percent}%)` },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b}\n{d}%' }, data: parts }],
  };
}
