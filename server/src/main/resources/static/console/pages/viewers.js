// The seed API's records with its filters (update-time window, viewer, sort) plus a room, paged, and downloads
// of the current view (every record the filters match) as CSV or Excel.
import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { duration, number, toInput, fromInput, unixTime } from '../format.js';
import { card, table, pager, message, errorText } from '../ui.js';
import { fetchPage, fetchAll, columns } from '../records.js';
import { csv, xlsx, save } from '../download.js';

const SIZES = [20, 50, 100];
export const EXPORT_LIMIT = 100000;

export function filterOf(query) {
  const positive = (name) => Math.max(0, Math.floor(Number(query.get(name)) || 0));
  return {
    room: positive('room'), viewer: positive('viewer'), start: positive('start'), end: positive('end'),
    sort: query.get('sort') === 'asc' ? 'asc' : 'desc',
  };
}

function hashOf(filter, page, size) {
  const q = new URLSearchParams();
  for (const name of ['room', 'viewer', 'start', 'end']) if (filter[name]) q.set(name, filter[name]);
  if (filter.sort !== 'desc') q.set('sort', filter.sort);
  if (page > 1) q.set('page', page);
  if (size !== SIZES[0]) q.set('size', size);
  return `#/viewers?${q}`;
}

export async function render(main, query) {
  const filter = filterOf(query);
  const size = SIZES.includes(Number(query.get('size'))) ? Number(query.get('size')) : SIZES[0];
  const page = Math.max(1, Math.floor(Number(query.get('page')) || 1));
  const field = (id, label, input) => h('label', { class: 'field', for: id }, h('span', {}, label), input);
  const inputs = {
    start: h('input', { id: 'f-start', type: 'datetime-local', value: toInput(filter.start) }),
    end: h('input', { id: 'f-end', type: 'datetime-local', value: toInput(filter.end) }),
    viewer: h('input', { id: 'f-viewer', type: 'number', min: 0, value: filter.viewer || '', placeholder: t('viewerId') }),
    room: h('input', { id: 'f-room', type: 'number', min: 0, value: filter.room || '', placeholder: t('roomId') }),
    sort: h('select', { id: 'f-sort' }, h('option', { value: 'desc', selected: filter.sort === 'desc' }, t('newestFirst')),
      h('option', { value: 'asc', selected: filter.sort === 'asc' }, t('oldestFirst'))),
    size: h('select', { id: 'f-size' }, SIZES.map((s) => h('option', { value: s, selected: s === size }, String(s)))),
  };
  const form = h('form', { class: 'filters', id: 'filters' },
    field('f-start', t('from'), inputs.start), field('f-end', t('to'), inputs.end),
    field('f-room', t('roomId'), inputs.room), field('f-viewer', t('viewerId'), inputs.viewer),
    field('f-sort', t('sort'), inputs.sort), field('f-size', t('pageSize'), inputs.size),
    h('button', { type: 'submit', class: 'primary', id: 'f-search' }, t('search')),
    h('a', { href: '#/viewers', class: 'button', id: 'f-reset' }, t('reset')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = hashOf({
      room: Math.max(0, Number(inputs.room.value) || 0), viewer: Math.max(0, Number(inputs.viewer.value) || 0),
      start: fromInput(inputs.start.value), end: fromInput(inputs.end.value), sort: inputs.sort.value,
    }, 1, Number(inputs.size.value));
  });
  const results = h('div', {});
  main.append(h('div', { class: 'page-head' }, h('h1', {}, t('viewers')), downloads(filter, 'viewers')),
    card(null, form, results));
  try {
    const data = await fetchPage(filter, page, size);
    results.append(recordTable(data.rows, filter),
      pager(data.total, page, size, (p) => { location.hash = hashOf(filter, p, size); }));
  } catch (e) {
    results.append(message(errorText(e), 'error'));
  }
  document.body.dataset.ready = 'true';
  return null;
}

export function recordTable(rows, filter) {
  const cells = {
    room_id: (r) => h('a', { href: `#/rooms/${r.room_id}` }, String(r.room_id)),
    viewer: (r) => h('a', { href: `#/viewers/${r.viewer}` }, String(r.viewer)),
    stay: (r) => duration(r.stay), live: (r) => duration(r.live), replay: (r) => duration(r.replay),
  };
  return table('records', columns(filter).map((c) => ({
    label: c.number && !['room_id', 'viewer'].includes(c.key) ? c.label.replace(' (s)', '') : c.label,
    cls: ['stay', 'live', 'replay'].includes(c.key) ? 'num' : null,
    value: cells[c.key] || (c.text ? c.text : (r) => r[c.key]),
  })), rows);
}

/** The two download buttons for a filter, with a line that says how far the export is. */
export function downloads(filter, name) {
  const status = h('span', { class: 'download-status', id: 'download-status' });
  const run = (kind) => async () => {
    clear(status).append(t('loading'));
    try {
      const rows = await fetchAll(filter, EXPORT_LIMIT, (done, total) => {
        clear(status).append(t('downloading', `${number(done)} / ${number(total)}`));
      });
      if (rows === null) {
        clear(status).append(t('tooMany', number(EXPORT_LIMIT)));
        return;
      }
      const stamp = unixTime(Math.floor(Date.now() / 1000)).replace(/[-: ]/g, '').slice(0, 12);
      const file = `watchtime-${name}-${stamp}`;
      if (kind === 'csv') save(csv(columns(filter), rows), `${file}.csv`);
      else save(xlsx(columns(filter), rows, name), `${file}.xlsx`);
      clear(status).append(`${number(rows.length)} ✓`);
      status.dataset.rows = rows.length;
    } catch (e) {
      clear(status).append(errorText(e));
    }
  };
  return h('div', { class: 'downloads' },
    h('button', { type: 'button', id: 'download-csv', onclick: run('csv') }, t('downloadCsv')),
    h('button', { type: 'button', id: 'download-xlsx', onclick: run('xlsx') }, t('downloadXlsx')), status);
}
