import type { AppState, Entry, Filters } from './state.js';
import type { HistoryTurn } from './api.js';

/**
 * The conversation survives a reload in the same tab (sessionStorage: per tab, gone when the
 * tab closes, never shared with other tabs or sent anywhere). Only what the person saw is kept:
 * the entries, the turns sent as history and the filters.
 */

const KEY = 'opdc-qa.conversation';
/** Bump when Entry changes shape; older saved conversations are then dropped, not misread. */
const VERSION = 2;
/** A long session must not fill the tab's storage (about 5 MB); the oldest entries go first. */
const MAX_ENTRIES = 60;

interface Saved {
  version: number;
  entries: Entry[];
  turns: HistoryTurn[];
  filters: Filters;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Storage blocked (some embedded or private contexts): the conversation lasts for this page.
    return undefined;
  }
}

export function saveConversation(state: AppState): void {
  const saved: Saved = {
    version: VERSION,
    entries: state.entries.slice(-MAX_ENTRIES).map(settle),
    turns: state.turns,
    filters: state.filters,
  };
  try {
    storage()?.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Quota exceeded: keep going without persistence rather than break the chat.
  }
}

/** Restores into `state`; a missing, old or damaged copy leaves it empty. */
export function restoreConversation(state: AppState): void {
  let saved: Partial<Saved> | undefined;
  try {
    saved = JSON.parse(storage()?.getItem(KEY) ?? 'null') as Partial<Saved> | undefined;
  } catch {
    saved = undefined;
  }
  if (!saved || saved.version !== VERSION || !Array.isArray(saved.entries) || !Array.isArray(saved.turns)) return;
  state.entries = saved.entries.filter((e) => typeof e === 'object' && e !== null && typeof (e as { kind?: unknown }).kind === 'string');
  state.turns = saved.turns.filter((t) => typeof t?.question === 'string');
  if (saved.filters && typeof saved.filters === 'object') state.filters = saved.filters;
}

export function clearConversation(state: AppState): void {
  state.entries = [];
  state.turns = [];
  try {
    storage()?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}

/** A request in flight when the page unloads never completes: show it as not sent. */
function settle(entry: Entry): Entry {
  if (entry.kind !== 'answer') return entry;
  const f = entry.card.feedback;
  if (f.status === 'sending') return { ...entry, card: { ...entry.card, feedback: { status: 'failed', helpful: f.helpful, reason: f.reason } } };
  return entry;
}
