import { mountChat } from './chat.js';
import { mountRecordPage, recordIdFromLocation } from './record-page.js';
import { createState } from './state.js';

const root = document.getElementById('app');
if (!root) throw new Error('web: #app is missing from index.html');

const state = createState();
const recordId = recordIdFromLocation(location.pathname);
if (recordId) mountRecordPage(root, state, recordId);
else mountChat(root, state);
