import { h, clear } from '../src/dom.js';
import { ApiError, type Me } from './api.js';
import type { Lang, Strings } from './i18n.js';

/** What every view gets: strings, who is signed in, the vocabularies, navigation and notices. */
export interface Ctx {
  lang: Lang;
  t: Strings;
  me: Me;
  vocab: { indicators: string[]; components: string[]; audiences: string[] };
  documents: { id: string; title: { th: string; en: string }; date: string; fiscalYears: number[]; sections: { slug: string; title: { th: string; en: string } }[] }[];
  go(view: string, arg?: string): void;
  notice(message: string): void;
  fail(error: unknown): void;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = error.issues.map((i) => `${i.path}: ${i.message}`);
    return [error.message, ...issues.slice(0, 20)].join('\n');
  }
  return error instanceof Error ? error.message : String(error);
}

/** A labelled control; the id ties the label to it for screen readers. */
let nextId = 0;
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || `f${++nextId}`;
  control.id = id;
  const hintEl = hint ? h('span', { class: 'hint', attrs: { id: `${id}-hint` } }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, label), control, hintEl);
}

export function select(options: [string, string][], value = ''): HTMLSelectElement {
  const el = h('select', null, ...options.map(([v, label]) => h('option', { attrs: { value: v, selected: v === value } }, label)));
  return el;
}

export const split = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** Runs an async action with the button disabled and busy, reporting failures. */
export async function busy(ctx: Ctx, button: HTMLButtonElement, action: () => Promise<void>): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } catch (e) {
    ctx.fail(e);
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

export function replace(el: Element, ...children: (Node | string | null | false | undefined)[]): void {
  clear(el);
  for (const c of children) if (c) el.append(c);
}

export function statusChips(ctx: Ctx, statuses: string[]): HTMLElement {
  return h('span', { class: 'chips' }, ...statuses.map((s) => h('span', { class: `chip chip-${s}` }, ctx.t.statuses[s] ?? s)));
}
