/**
 * Everyday English words that say nothing about a question's topic but are not stopwords
 * (they can still match). The confidence model penalises words the knowledge base has never
 * seen, because that is what off-topic questions are made of (visa, recipe, football); these
 * words are absent from the handouts' translation only by chance of phrasing ("keep", "last",
 * "different"), so they count as known. Topic nouns are deliberately not listed.
 */
export const GENERAL_ENGLISH: ReadonlySet<string> = new Set([
  // verbs
  'keep', 'kept', 'make', 'made', 'take', 'took', 'taken', 'give', 'given', 'go', 'goes', 'going', 'come', 'came',
  'see', 'look', 'find', 'found', 'put', 'set', 'let', 'say', 'said', 'ask', 'asked', 'tell', 'try', 'tried',
  'need', 'needs', 'needed', 'must', 'want', 'wants', 'wanted', 'like', 'work', 'works', 'worked', 'done', 'doing',
  'start', 'started', 'stop', 'stopped', 'change', 'changed', 'become', 'became', 'show', 'shown', 'think', 'mean',
  'means', 'meant', 'count', 'counts', 'counted', 'happen', 'happens', 'allow', 'allowed', 'include', 'includes',
  'included', 'move', 'moved', 'pick', 'picked', 'choose', 'chose', 'chosen', 'call', 'called', 'help', 'fill',
  'send', 'sent', 'bring', 'brought', 'skip', 'skipped', 'pass', 'passed', 'fail', 'failed', 'join', 'joined',
  // adjectives and adverbs
  'same', 'different', 'other', 'another', 'new', 'old', 'last', 'next', 'first', 'second', 'third', 'previous',
  'current', 'already', 'yet', 'again', 'even', 'ever', 'never', 'always', 'often', 'only', 'also', 'too', 'very',
  'more', 'most', 'less', 'least', 'many', 'much', 'few', 'several', 'every', 'each', 'both', 'either', 'neither',
  'enough', 'instead', 'otherwise', 'however', 'though', 'although', 'because', 'since', 'until', 'while', 'before',
  'after', 'during', 'within', 'without', 'between', 'through', 'across', 'toward', 'towards', 'per', 'via',
  'really', 'actually', 'exactly', 'possible', 'able', 'unable', 'right', 'wrong', 'sure', 'clear', 'whole', 'own',
  'separate', 'similar', 'specific', 'general', 'main', 'certain', 'whatever', 'whichever', 'later', 'early', 'soon',
  // everyday nouns with no topic
  'thing', 'things', 'way', 'ways', 'case', 'cases', 'part', 'parts', 'kind', 'type', 'lot', 'example', 'question',
  'answer', 'problem', 'today', 'tomorrow', 'yesterday', 'week', 'month', 'day', 'days', 'time', 'times', 'people',
]);
