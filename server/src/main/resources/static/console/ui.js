// Pieces every page is made of: figure cards, charts, tables, pager, messages.
import { h } from './dom.js';
import { t } from './i18n.js';
import { number } from './format.js';

/** A headline figure; data-value keeps the number as the API gave it (the browser tests compare it). */
export function kpi(name, label, value, text, note) {
  return h('div', { class: 'kpi', 'data-kpi': name, 'data-value': value },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, text ?? number(value)),
    note ? h('div', { class: 'kpi-note' }, note) : null);
}

export function card(title, ...body) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...body);
}

export function statusBadge(status) {
  return h('span', { class: `badge badge-${status}`, 'data-status': status }, t(status));
}

export function message(text, kind = 'info') {
  return h('p', { class: `message message-${kind}` }, text);
}

export function errorText(error) {
  if (error.status === 0) return t('networkError');
  if (error.status === 403) return t('noScope');
  return `${t('serverError')}${error.status} ${error.message}`;
}

/** Charts live as long as their page; the router disposes them through the page's cleanup. */
export class Charts {
  constructor() {
    this.all = [];
    this.resize = () => this.all.forEach((c) => c.resize());
    window.addEventListener('resize', this.resize);
  }

  make(el, option) {
    const chart = echarts.init(el);
    this.all.push(chart);
    Charts.set(chart, option);
    return chart;
  }

  /** Replaces a chart's option; no animation, so a refresh or a screenshot never shows a chart half drawn. */
  static set(chart, option) {
    chart.setOption({ ...option, animation: false }, true);
  }

  dispose() {
    window.removeEventListener('resize', this.resize);
    this.all.forEach((c) => c.dispose());
  }
}

/** columns: [{label, value: row => text or node, cls}] */
export function table(name, columns, rows) {
  return h('table', { class: 'grid', 'data-table': name },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.cls }, c.label)))),
    h('tbody', {}, rows.length === 0
      ? h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, t('noData')))
      : rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.cls }, c.value(row)))))));
}

export function pager(total, page, size, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  return h('div', { class: 'pager', 'data-total': total, 'data-page': page },
    h('span', { class: 'pager-total' }, t('total', number(total))),
    h('button', { type: 'button', class: 'pager-prev', disabled: page <= 1, onclick: () => go(page - 1) }, t('prev')),
    h('span', { class: 'pager-pages' }, t('pageOf', page, pages)),
    h('button', { type: 'button', class: 'pager-next', disabled: page >= pages, onclick: () => go(page + 1) }, t('next')));
}
