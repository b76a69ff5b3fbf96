import { h } from '../src/dom.js';
import { api, ApiError, setCsrf, type Me } from './api.js';
import { errorText, field, replace, busy, type Ctx } from './context.js';
import { draftView } from './draft-view.js';
import { glossaryView } from './glossary-view.js';
import { importView } from './import-view.js';
import { inboxView } from './inbox-view.js';
import { initialLang, rememberLang, STRINGS, type Lang } from './i18n.js';
import { recordEditor, recordsView } from './records.js';
import { testView } from './test-view.js';

/** The editors' console: sign-in, then tabs routed by the URL hash (#records, #record/<id>, #import, …). */
const app = document.getElementById('app')!;
let lang: Lang = initialLang();
const TABS = ['records', 'import', 'test', 'inbox', 'glossary', 'draft'] as const;

function shell(me: Me | null): { main: HTMLElement; notices: HTMLElement; errors: HTMLElement; nav: HTMLElement } {
  const t = STRINGS[lang];
  document.documentElement.lang = lang;
  document.title = t.title;
  const langBtn = h('button', { class: 'lang', attrs: { type: 'button', 'aria-label': t.languageLabel, lang: lang === 'th' ? 'en' : 'th' } }, t.language);
  langBtn.addEventListener('click', () => {
    lang = lang === 'th' ? 'en' : 'th';
    rememberLang(lang);
    void start();
  });
  const signOut = me ? h('button', { class: 'quiet', attrs: { type: 'button' } }, t.signOut) : null;
  signOut?.addEventListener('click', async () => {
    await api('DELETE', '/api/console/session').catch(() => undefined);
    setCsrf(null);
    void start();
  });
  const nav = h('nav', { attrs: { 'aria-label': t.title } });
  const main = h('main', { attrs: { id: 'main', tabindex: -1 } });
  const notices = h('p', { class: 'notice', attrs: { role: 'status', 'aria-live': 'polite' } });
  const errors = h('p', { class: 'error', attrs: { role: 'alert', hidden: true } });
  replace(
    app,
    h('a', { class: 'skip', attrs: { href: '#main' } }, t.skip),
    h('header', { class: 'top' }, h('h1', null, t.title), h('div', { class: 'who' }, me ? `${me.editor} (${t.roles[me.role]})` : '', signOut, langBtn)),
    nav,
    notices,
    errors,
    main,
  );
  return { main, notices, errors, nav };
}

function signInForm(parts: ReturnType<typeof shell>): void {
  const t = STRINGS[lang];
  const name = h('input', { attrs: { type: 'text', name: 'name', autocomplete: 'username', required: true } });
  const password = h('input', { attrs: { type: 'password', name: 'password', autocomplete: 'current-password', required: true } });
  const submit = h('button', { class: 'primary', attrs: { type: 'submit' } }, t.signIn);
  replace(
    parts.main,
    h(
      'form',
      {
        class: 'signin',
        on: {
          submit: (e) => {
            e.preventDefault();
            parts.errors.hidden = true;
            submit.disabled = true;
            api<Me>('POST', '/api/console/session', { name: name.value.trim(), password: password.value })
              .then((me) => {
                setCsrf(me.csrfToken);
                void start();
              })
              .catch((err: unknown) => {
                parts.errors.textContent = errorText(err);
                parts.errors.hidden = false;
                password.value = '';
                password.focus();
              })
              .finally(() => (submit.disabled = false));
          },
        },
      },
      h('h2', null, t.signIn),
      field(t.name, name),
      field(t.password, password),
      submit,
    ),
  );
  name.focus();
}

function passwordForm(parts: ReturnType<typeof shell>): void {
  const t = STRINGS[lang];
  const current = h('input', { attrs: { type: 'password', name: 'current', autocomplete: 'current-password', required: true } });
  const next = h('input', { attrs: { type: 'password', name: 'next', autocomplete: 'new-password', required: true, minlength: 10 } });
  const submit = h('button', { class: 'primary', attrs: { type: 'submit' } }, t.changePassword);
  const ctx = { fail: (e: unknown) => ((parts.errors.textContent = errorText(e)), (parts.errors.hidden = false)) } as unknown as Ctx;
  replace(
    parts.main,
    h(
      'form',
      {
        class: 'signin',
        on: {
          submit: (e) => {
            e.preventDefault();
            void busy(ctx, submit, async () => {
              await api('POST', '/api/console/password', { current: current.value, next: next.value });
              void start();
            });
          },
        },
      },
      h('h2', null, t.mustChange),
      field(t.currentPassword, current),
      field(t.newPassword, next),
      submit,
    ),
  );
}

async function start(): Promise<void> {
  let me: Me | null = null;
  try {
    me = await api<Me>('GET', '/api/console/session');
    setCsrf(me.csrfToken);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 401)) throw e;
  }
  const parts = shell(me);
  if (!me) return signInForm(parts);
  if (me.mustChangePassword) return passwordForm(parts);
  const t = STRINGS[lang];
  const [vocab, documents] = await Promise.all([api<Ctx['vocab']>('GET', '/api/console/vocabularies'), api<Ctx['documents']>('GET', '/api/console/documents')]);
  const ctx: Ctx = {
    lang,
    t,
    me,
    vocab,
    documents,
    go: (view, arg) => {
      location.hash = arg ? `${view}/${arg}` : view;
    },
    notice: (message) => {
      parts.errors.hidden = true;
      parts.notices.textContent = message;
    },
    fail: (error) => {
      parts.errors.textContent = errorText(error);
      parts.errors.hidden = false;
      if (error instanceof ApiError && error.status === 401) void start();
    },
  };
  const links = TABS.map((tab) => h('a', { attrs: { href: `#${tab}`, 'data-tab': tab } }, t.tabs[tab]));
  replace(parts.nav, h('ul', null, ...links.map((l) => h('li', null, l))));

  const route = () => {
    const [view = 'records', ...rest] = location.hash.replace(/^#/, '').split('/');
    for (const l of links) l.toggleAttribute('aria-current', l.dataset.tab === view || (view === 'record' && l.dataset.tab === 'records'));
    parts.errors.hidden = true;
    const main = parts.main;
    switch (view) {
      case 'record':
        void recordEditor(ctx, main, rest.join('/'));
        break;
      case 'import':
        importView(ctx, main);
        break;
      case 'test':
        testView(ctx, main);
        break;
      case 'inbox':
        void inboxView(ctx, main);
        break;
      case 'glossary':
        void glossaryView(ctx, main);
        break;
      case 'draft':
        void draftView(ctx, main);
        break;
      default:
        recordsView(ctx, main);
    }
  };
  window.onhashchange = route;
  route();
}

void start().catch((e: unknown) => {
  app.textContent = errorText(e);
});
