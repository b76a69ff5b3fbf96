import { loadKnowledgeBase } from './server/kb/load.js';
import { createAnswerer } from './server/search/answerer.js';
const a = createAnswerer(await loadKnowledgeBase());
for (const q of process.argv.slice(2)) { const e = a.explain({ question: q, limit: 5 }); console.log(q, e.result.status, e.terms.join(' '), e.years, e.answerType); for (const c of e.candidates.slice(0,4)) console.log('  ', c.id, c.score.toFixed(3), JSON.stringify(Object.fromEntries(Object.entries(c.features).map(([k,v])=>[k,+v.toFixed(2)])))); }
