// The console's shell: sign-in, navigation, language, and a hash router (#/overview, #/rooms/7, #/viewers?...).
import { h, clear } from './dom.js';
import { t, lang, toggleLang } from './i18n.js';
import { key, setKey, clearKey, call, whenUnauthorized } from './api.js';
import { message } from './ui.js';
import * as overview from './pages/overview.js';
import * as room from './pages/room.js';
import * as viewers from './pages/viewers.js';
import * as viewer from './pages/viewer.js';

const main = document.getElementById('app');
let cleanup = null;
let routes = 0; // counts route changes, so a page that finishes loading after the user left can tell
let signInNote = null;

// The demo's address carries the key in the fragment (#key=wt_...), which never reaches the server or its logs:
// keep it for this session only and take it out of the address bar and the history.
const fragmentKey = new URLSearchParams(location.hash.slice(1)).get('key');
if (fragmentKey) {
  setKey(fragmentKey);
  history.replaceState(null, '', `${location.pathname}#/overview`);
}

whenUnauthorized(() => {
  clearKey();
  signInNote = t('badKey');
  route();
});

function parse() {
  const [path, query] = (location.hash.replace(/^#/, '') || '/overview').split('?');
  const parts = path.split('/').filter(Boolean);
  return { parts, query: new URLSearchParams(query || '') };
}

function shell() {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  const { parts } = parse();
  const nav = clear(document.getElementById('nav'));
  const signedIn = Boolean(key());
  if (signedIn) {
    nav.append(
      h('a', { href: '#/overview', class: ['overview', 'rooms'].includes(parts[0]) ? 'active' : '' }, t('overview')),
      h('a', { href: '#/viewers', class: parts[0] === 'viewers' ? 'active' : '' }, t('viewers')));
  }
  document.getElementById('lang').textContent = t('switchTo');
  const out = document.getElementById('signout');
  out.textContent = t('signOut');
  out.hidden = !signedIn;
}

async function route() {
  if (cleanup) cleanup();
  cleanup = null;
  routes++;
  shell();
  clear(main);
  if (!key()) {
    signIn();
    return;
  }
  const { parts, query } = parse();
  // Each page renders into a box of its own: one still loading when the user moves on fills a detached box.
  const view = h('div', { class: 'view' });
  main.append(view);
  const page = {
    overview: () => overview.render(view, query),
    rooms: () => room.render(view, Number(parts[1])),
    viewers: () => (parts[1] ? viewer.render(view, Number(parts[1])) : viewers.render(view, query)),
  }[parts[0]];
  if (!page) {
    main.append(message(t('notFound'), 'error'));
    return;
  }
  document.body.dataset.page = parts[0] + (parts[1] ? '-detail' : '');
  delete document.body.dataset.ready;
  const generation = routes;
  const done = (await page()) || null;
  // Left while it loaded: that page's cleanup is due now (a live room would go on polling otherwise).
  if (generation !== routes) {
    if (done) done();
  } else {
    cleanup = done;
  }
}

/** To a page: through hashchange when the address changes, at once when it does not. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

function signIn() {
  document.body.dataset.page = 'signin';
  const input = h('input', { type: 'password', id: 'key', autocomplete: 'off', placeholder: 'wt_…', required: true });
  const note = h('div', { class: 'signin-note' }, signInNote ? message(signInNote, 'error') : null);
  signInNote = null;
  const form = h('form', { class: 'signin card', id: 'signin' },
    h('h1', {}, t('signInTitle')),
    h('p', { class: 'hint' }, t('signInHint')),
    h('label', { for: 'key' }, t('key')), input,
    h('button', { type: 'submit', class: 'primary' }, t('signIn')), note);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const candidate = input.value.trim();
    clear(note);
    try {
      // Any read answers; the smallest page of the seed API proves the key and its scope.
      await call('/Api/RoomRounds/getAccountUserDurationList/2.0.0', { page: 1, page_size: 1, sort: 'desc' }, candidate);
      setKey(candidate);
      go('#/overview');
    } catch (e) {
      note.append(message(e.status === 401 ? t('badKey') : e.status === 403 ? t('noScope') : e.message, 'error'));
    }
  });
  main.append(form);
  document.body.dataset.ready = 'true';
  input.focus();
}

document.getElementById('lang').addEventListener('click', () => {
  toggleLang();
  route();
});
document.getElementById('signout').addEventListener('click', () => {
  clearKey();
  go('#/overview');
});
window.addEventListener('hashchange', route);
route();
