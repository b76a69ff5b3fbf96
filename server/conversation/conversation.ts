import type { KbRecord } from '../kb/schema.js';
import type { Answerer, AskQuery, AskResult, HistoryTurn, Lang } from '../search/types.js';
import { combine, DEFAULT_COMBINE_OPTIONS, type CombineOptions } from './combine.js';
import { exampleQuestions } from './examples.js';
import { contextualQuestion, DEFAULT_FOLLOW_UP_OPTIONS, leaningOf, type FollowUpOptions, type Leaning } from './follow-up.js';
import { defaultConversationLexicon, type ConversationLexicon } from './lexicon.js';
import { compileLexicon, prepareTurn } from './markers.js';
import { askTopicMessage, DEFAULT_CONTACT, handoffMessage, smallTalkMessage, type Contact } from './replies.js';
import { turnIntent } from './small-talk.js';

export interface ConversationOptions {
  /** The engine over one loaded knowledge base; only its public ask() and record() are used. */
  answerer: Answerer;
  /** The same knowledge base's records: example questions come from them. */
  records: readonly KbRecord[];
  /** Default DEFAULT_CONTACT (the office website). */
  contact?: Contact;
  /** Default: kb/lexicon/conversation.json. */
  lexicon?: ConversationLexicon;
  followUp?: Partial<FollowUpOptions>;
  combine?: Partial<CombineOptions>;
  /** How many example questions a greeting offers; default 3. */
  examples?: number;
}

/** What routes and LINE call: the Answerer's ask(), aware of the turns before this one. */
export interface Conversation {
  ask(query: AskQuery): AskResult;
  /**
   * The same answer through the engine's askAsync() when it has one (an index in a worker
   * thread): the event loop serves other requests while the engine searches.
   */
  askAsync(query: AskQuery): Promise<AskResult>;
}

/**
 * The conversation's logic as a generator: it yields each question the engine must answer and
 * gets the engine's result back, so one body of logic runs synchronously (ask) or awaiting the
 * engine (askAsync).
 */
type Turn = Generator<AskQuery, AskResult, AskResult>;

/** History beyond this is ignored even from in-process callers (the route allows 5). */
const MAX_HISTORY = 5;
/** The contract's limits (DESIGN.md): 3 answers by default, at most 10; both lists are asked for 10 to combine. */
const DEFAULT_LIMIT = 3;
const MAX_LIMIT = 10;

export function createConversation(options: ConversationOptions): Conversation {
  const { answerer } = options;
  const lexicon = compileLexicon(options.lexicon ?? defaultConversationLexicon());
  const followUp = { ...DEFAULT_FOLLOW_UP_OPTIONS, ...options.followUp };
  const combineOptions = { ...DEFAULT_COMBINE_OPTIONS, ...options.combine };
  const contact = options.contact ?? DEFAULT_CONTACT;
  const exampleCount = options.examples ?? 3;
  // Only greetings and orphaned follow-ups show examples: worked out on first use, not per reload.
  const cached: Partial<Record<Lang, string[]>> = {};
  const examples = (lang: Lang) => (cached[lang] ??= exampleQuestions(options.records, lang, exampleCount));

  /** The engine's answer to the question alone: history never reaches the engine. */
  function* alone(query: AskQuery, question = query.question): Turn {
    const { history: _history, ...rest } = query;
    return yield { ...rest, question };
  }

  const leaning = (question: string) => leaningOf(question, lexicon, followUp);
  const leans = (l: Leaning) => l.frame || l.pronoun || (l.short && l.asks);

  /**
   * Each earlier turn as a question that stands on its own: a turn that leaned on the one before
   * it is rewritten in that turn's context, so "L3 ล่ะ" after "L2 คืออะไร" after a question about
   * e-service still carries e-service. Small talk and hand-offs are not a topic and are skipped.
   */
  const resolvedTopic = (history: HistoryTurn[]): string | undefined => {
    let topic: string | undefined;
    for (const turn of history.slice(-MAX_HISTORY)) {
      const intent = turnIntent(prepareTurn(turn.question), lexicon);
      if (intent.smallTalk || intent.handoff === 'request') continue;
      const l = leaning(turn.question);
      const rewritten = topic === undefined ? undefined : contextualQuestion(topic, l);
      topic = rewritten && (leans(l) || rewritten.substituted) ? rewritten.text : turn.question;
    }
    return topic;
  };

  const withMessage = (result: AskResult, message: AskResult['message'], lang: Lang): AskResult => ({
    answered: false,
    status: 'none',
    lang,
    answers: message?.kind === 'ask-topic' ? result.answers : [],
    message,
  });

  /**
   * Follow-up resolution. Without usable history the turn is answered alone, except that an
   * explicit follow-up is not answered confidently. With history, the engine answers the turn
   * alone and re-asked in the context of the previous one, and the two are combined with
   * weights by how much the turn leans on it (combine.ts). A complete question whose own first
   * answer stays first is returned exactly as without history.
   */
  function* inContext(query: AskQuery, standalone: AskResult): Turn {
    const l = leaning(query.question);
    const history = (query.history ?? []).slice(-MAX_HISTORY);
    const topic = history.length > 0 ? resolvedTopic(history) : undefined;
    if (topic === undefined) {
      // "แล้ว … ล่ะ" or "and …?" with nothing before it, or "it" in a bare phrase: ask what it
      // refers to; the nearest records stay as suggestions.
      if ((l.frame || l.pronoun) && l.words <= followUp.orphanWords) return withMessage(standalone, askTopicMessage(standalone.lang, examples(standalone.lang)), standalone.lang);
      return standalone;
    }
    const marked = l.frame || l.pronoun;
    const lang = query.lang ?? standalone.lang;
    const rewritten = contextualQuestion(topic, l);
    // A turn leans on the previous one when it says so (a frame or a pronoun), when it asks
    // without naming a topic ("ส่งทางไหน", "how many?"), or when it swaps an item of a series
    // into the previous question ("L3" after "L2 คืออะไร"). Otherwise it stands on its own.
    const leansOn = marked || (l.short && l.asks) || rewritten.substituted;
    if (!leansOn && standalone.answered) return standalone;
    const wide = { ...query, lang, limit: MAX_LIMIT };
    const own = yield* alone(wide);
    // Words of its own that match nothing in the handouts, or barely ("แล้ววีซ่าล่ะ", "what
    // about the weather?"): the context must not lend them an answer. A swapped item of a
    // series ("ปี 65") and bare interrogatives ("how many?") are exempt: they name no topic.
    const ownBest = own.answers[0]?.score ?? 0;
    if (!l.onlyAsks && !rewritten.substituted && l.words > 0 && ownBest < combineOptions.ownSupport) return standalone;
    const contextual = yield* alone(wide, rewritten.text);
    const previousId = [...history].reverse().find((t) => t.answerId)?.answerId;
    const previous = previousId ? answerer.record(previousId, lang) : undefined;
    const section = previous && `${previous.source.document}/${previous.source.section}`;
    const limit = query.limit ?? DEFAULT_LIMIT;
    // A turn that stands on its own but found no confident answer: context may only re-rank its
    // own candidates, never bring in others.
    const weights = !leansOn ? combineOptions.framed : l.short ? combineOptions.bare : combineOptions.framed;
    const previousFactor = weights === combineOptions.bare ? 1 : combineOptions.previousRecord;
    const { result, sameTop } = combine(own, contextual, weights, { previousId, section, previousFactor }, combineOptions, limit, !leansOn);
    if (!leansOn && sameTop && !result.answered) return standalone;
    // An explicit follow-up that the context did not settle either: ask what it refers to.
    if (marked && !result.answered) return withMessage(result, askTopicMessage(lang, examples(lang)), lang);
    return result;
  }

  function* turn(query: AskQuery): Turn {
    const standalone = yield* alone(query);
    const lang = standalone.lang;
    const intent = turnIntent(prepareTurn(query.question), lexicon);
    if (intent.handoff === 'request') return withMessage(standalone, handoffMessage(lang, contact), lang);
    if (intent.smallTalk) return withMessage(standalone, smallTalkMessage(intent.smallTalk, lang, examples(lang)), lang);
    const result = yield* inContext(query, standalone);
    // A question naming a person or a channel that the handouts do not answer: the person is
    // the answer, with the nearest records kept as suggestions.
    if (intent.handoff === 'mention' && !result.answered) return { ...result, answered: false, status: 'none', message: handoffMessage(lang, contact) };
    return result;
  }

  const ask = (query: AskQuery): AskResult => {
    const steps = turn(query);
    let step = steps.next();
    while (!step.done) step = steps.next(answerer.ask(step.value));
    return step.value;
  };

  return {
    ask,
    async askAsync(query) {
      if (!answerer.askAsync) return ask(query);
      const steps = turn(query);
      let step = steps.next();
      while (!step.done) step = steps.next(await answerer.askAsync(step.value));
      return step.value;
    },
  };
}
