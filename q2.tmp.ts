import { loadKnowledgeBase } from './server/kb/load.js';
import { createAnswerer } from './server/search/answerer.js';
const a = createAnswerer(await loadKnowledgeBase());
for (const q of process.argv.slice(2)) { const r = a.ask({ question: q, limit: 5 }); console.log(q, r.status, r.answers.map(x=>x.score).join(' ')); }
