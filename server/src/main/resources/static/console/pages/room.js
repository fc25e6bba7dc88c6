// One room: its figures, the audience minute by minute with its rounds and peak, how long people stayed, live
// against replay, where they came from, on what, through which store and inviter, and who they were. While the
// room is live the page follows it (every 3 s, within the 5 s the issue asks) without a reload.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { duration, number, percent, unixTime } from '../format.js';
import { kpi, card, Charts, table, pager, statusBadge, message, errorText } from '../ui.js';
import { splitOption } from './overview.js';

const FOLLOW_MS = 3000;
const VIEWERS_PER_PAGE = 20;

export async function render(main, roomId) {
  const charts = new Charts();
  let timer = null;
  let stopped = false;
  const stop = () => { stopped = true; clearTimeout(timer); charts.dispose(); };
  if (!(roomId > 0)) {
    main.append(message(t('notFound'), 'error'));
    document.body.dataset.ready = 'true';
    return stop;
  }
  const head = h('div', { class: 'page-head' });
  const kpis = h('div', { class: 'kpis' });
  const curve = h('div', { class: 'chart chart-wide', id: 'online-chart' });
  const distribution = h('div', { class: 'chart', id: 'stay-chart' });
  const split = h('div', { class: 'chart', id: 'split-chart' });
  const devices = h('div', { class: 'chart', id: 'device-chart' });
  const rankings = h('div', { class: 'row row-3' });
  const viewers = h('div', {});
  main.append(
    h('p', { class: 'crumbs' }, h('a', { href: '#/overview' }, `← ${t('backToOverview')}`)),
    head, kpis, card(t('concurrency'), curve),
    h('div', { class: 'row row-3' }, card(t('stayDistribution'), distribution), card(t('liveVsReplay'), split),
      card(t('devices'), devices)),
    rankings, card(t('roomViewers'), viewers));
  const curveChart = charts.make(curve, {});
  const distributionChart = charts.make(distribution, {});
  const splitChart = charts.make(split, {});
  const deviceChart = charts.make(devices, {});
  const table = { round: 0, page: 1 };

  async function refresh() {
    const [summary, series, deviceStats, provinces, stores, inviters] = await Promise.all([
      api.roomSummary(roomId), api.onlineSeries(roomId), api.devices(roomId),
      api.ranking(roomId, 'province'), api.ranking(roomId, 'store'), api.ranking(roomId, 'inviter')]);
    if (stopped) return summary; // the page was left while the answers came: its charts are gone
    const live = summary.status === 'live';
    clear(head).append(h('h1', {}, `${t('room')} ${roomId} `, statusBadge(summary.status)));
    if (live) {
      head.append(h('span', { class: 'following', id: 'following' }, t('followingLive'), ' · ',
        t('updatedAt', unixTime(Math.floor(Date.now() / 1000)).slice(11))));
    }
    clear(kpis).append(
      kpi('viewers', t('viewerCount'), summary.viewers),
      kpi('stay', t('watchTime'), summary.stay_duration, duration(summary.stay_duration)),
      kpi('avg-stay', t('avgStay'), summary.avg_stay_duration, duration(summary.avg_stay_duration)),
      kpi('live', t('liveTime'), summary.live_duration, duration(summary.live_duration),
        percent(summary.live_duration, summary.stay_duration)),
      kpi('replay', t('replayTime'), summary.playback_duration, duration(summary.playback_duration),
        percent(summary.playback_duration, summary.stay_duration)),
      kpi('peak', t('peakOnline'), summary.peak_online, null, summary.peak_time ? t('at', summary.peak_time) : null));
    curve.dataset.points = series.list.length;
    curve.dataset.sum = series.list.reduce((a, m) => a + m.online, 0);
    curve.dataset.last = series.list.length ? series.list[series.list.length - 1].online : 0;
    // A refresh keeps the part of the curve the user zoomed to.
    const zoom = (curveChart.getOption().dataZoom || [])[0];
    const option = curveOption(series.list, summary);
    // First view: the last 6 hours, where a live room's current round is; the slider reaches the rest.
    const first = zoom || { start: Math.max(0, 100 - (360 / Math.max(1, series.list.length)) * 100), end: 100 };
    option.dataZoom = option.dataZoom.map((z) => ({ ...z, start: first.start, end: first.end }));
    Charts.set(curveChart, option);
    Charts.set(distributionChart, distributionOption(summary.stay_distribution));
    Charts.set(splitChart, splitOption(summary.live_duration, summary.playback_duration,
      summary.stay_duration - summary.live_duration - summary.playback_duration));
    Charts.set(deviceChart, deviceOption(deviceStats));
    clear(rankings).append(
      card(t('provinces'), ranked('provinces', provinces.list)),
      card(t('stores'), ranked('stores', stores.list)),
      card(t('inviters'), ranked('inviters', inviters.list)));
    return summary;
  }

  async function showViewers(rounds) {
    const data = await api.roomUsers({ room_id: roomId, room_rounds_id: table.round, page: table.page,
      page_size: VIEWERS_PER_PAGE, sort: 'desc' });
    const select = h('select', { id: 'round', onchange: (e) => { table.round = Number(e.target.value); table.page = 1; showViewers(rounds); } },
      h('option', { value: 0 }, t('allRounds')),
      rounds.map((r) => h('option', { value: r.room_rounds_id, selected: r.room_rounds_id === table.round },
        `${t('round', r.room_rounds_id)} · ${r.start_time.slice(5, 16)}`)));
    clear(viewers).append(h('div', { class: 'filters' }, select,
      h('a', { href: `#/viewers?room=${roomId}`, id: 'room-records' }, `${t('exportRoom')} →`)),
      viewerTable(data.list),
      pager(data.total, table.page, VIEWERS_PER_PAGE, (p) => { table.page = p; showViewers(rounds); }));
  }

  async function follow() {
    if (document.hidden) { // a tab in the background spends none of the account's rate limit
      timer = setTimeout(follow, FOLLOW_MS);
      return;
    }
    try {
      const summary = await refresh();
      if (summary.status === 'live' && !stopped) timer = setTimeout(follow, FOLLOW_MS);
    } catch (e) {
      if (!stopped) timer = setTimeout(follow, FOLLOW_MS); // a missed poll is retried; the page keeps what it showed
    }
  }

  try {
    const summary = await refresh();
    await showViewers(summary.rounds);
    if (summary.status === 'live') timer = setTimeout(follow, FOLLOW_MS);
  } catch (e) {
    main.append(message(errorText(e), 'error'));
  }
  document.body.dataset.ready = 'true';
  return stop;
}

function curveOption(minutes, summary) {
  const labels = minutes.map((m) => m.minute);
  const first = labels[0], last = labels[labels.length - 1];
  const clip = (minute) => (minute < first ? first : minute);
  const areas = (summary.rounds || [])
    .filter((r) => labels.length && r.start_time.slice(0, 16) <= last && !(r.end_time && r.end_time.slice(0, 16) < first))
    .map((r) => [{ name: t('round', r.room_rounds_id), xAxis: clip(r.start_time.slice(0, 16)) },
      { xAxis: r.end_time && r.end_time.slice(0, 16) < last ? clip(r.end_time.slice(0, 16)) : last }]);
  const peakMinute = summary.peak_time ? summary.peak_time.slice(0, 16) : null;
  const peak = peakMinute && peakMinute >= first && peakMinute <= last
    ? [{ name: t('peakOnline'), coord: [peakMinute, summary.peak_online], value: summary.peak_online }] : [];
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 30, top: 40, bottom: 60 },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 10 }],
    xAxis: { type: 'category', data: labels, axisLabel: { formatter: (v) => v.slice(5) } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: t('online'), type: 'line', showSymbol: false, step: false, data: minutes.map((m) => m.online),
      areaStyle: { opacity: 0.15 }, lineStyle: { width: 2 }, itemStyle: { color: '#1f6feb' },
      // Round names fit when there are few; with many they show on hover.
      markArea: { itemStyle: { color: 'rgba(232,104,74,0.08)' }, data: areas,
        label: { show: areas.length <= 6, color: '#b04a32', position: 'insideBottom' }, emphasis: { label: { show: true } } },
      markPoint: { symbol: 'pin', symbolSize: 46, itemStyle: { color: '#e8684a' }, data: peak },
    }],
  };
}

function distributionOption(buckets) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 10, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: buckets.map((b) => b.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('viewerCount'), data: buckets.map((b) => b.viewers), itemStyle: { color: '#5ad8a6' } }],
  };
}

function deviceOption(stats) {
  const colors = { pc: '#5b8ff9', android: '#5ad8a6', ios: '#5d7092', other: '#bfbfbf' };
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['40%', '70%'], label: { formatter: '{b}\n{d}%' },
      data: ['pc', 'android', 'ios', 'other'].filter((k) => stats[k] > 0)
        .map((k) => ({ name: t(k), value: stats[k], itemStyle: { color: colors[k] } })) }],
  };
}

function ranked(name, rows) {
  const top = Math.max(1, ...rows.map((r) => r.viewers));
  return table(name, [
    { label: '#', cls: 'rank', value: (r) => String(rows.indexOf(r) + 1) },
    { label: t('name'), value: (r) => (r.key === '' ? t('unknown') : r.name || r.key) },
    { label: t('viewerCount'), cls: 'num bar-cell', value: (r) => {
      const bar = h('span', { class: 'bar' });
      bar.style.width = `${Math.round((r.viewers / top) * 100)}%`;
      return [bar, h('span', { class: 'bar-value' }, number(r.viewers))];
    } },
    { label: t('watchTime'), cls: 'num', value: (r) => duration(r.stay_duration) },
  ], rows);
}

function viewerTable(rows) {
  return table('room-viewers', [
    { label: t('viewerId'), value: (r) => h('a', { href: `#/viewers/${r.wechat_user_space_id}` }, String(r.wechat_user_space_id)) },
    { label: t('nickname'), value: (r) => r.wechat_user_name },
    { label: t('stay'), cls: 'num', value: (r) => duration(r.stay_duration) },
    { label: t('liveTime'), cls: 'num', value: (r) => duration(r.live_duration) },
    { label: t('replayTime'), cls: 'num', value: (r) => duration(r.playback_duration) },
    { label: t('firstVisit'), value: (r) => r.first_time },
    { label: t('lastVisit'), value: (r) => r.last_time },
    { label: t('store'), value: (r) => (r.channel_info && r.channel_info.channel_name) || '' },
    { label: t('ip'), value: (r) => r.ip },
  ], rows);
}
