import { mountChat } from './chat.js';
import { mountNotFoundPage, mountRecordPage, recordIdFromLocation } from './record-page.js';
import { createState } from './state.js';

/** Picks the page from the path: the chat, the compact chat the widget frames, one record, or 404. */

const root = document.getElementById('app');
if (!root) throw new Error('web: #app is missing from index.html');

const path = location.pathname.replace(/\/+$/, '') || '/';
const recordId = recordIdFromLocation(location.pathname);
if (path === '/' || path === '/index.html') mountChat(root, createState());
else if (path === '/embed') {
  // Classes, not inline styles: the CSP forbids those.
  document.documentElement.classList.add('is-embedded');
  mountChat(root, createState({ embedded: true }));
} else if (recordId) mountRecordPage(root, createState(), recordId);
else mountNotFoundPage(root, createState());
