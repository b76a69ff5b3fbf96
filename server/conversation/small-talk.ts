import { findPhrase, remainder, wordsOf, type CompiledLexicon, type Turn } from './markers.js';

export type SmallTalkKind = 'greeting' | 'thanks' | 'identity';

/**
 * What a turn asks of the bot besides an answer from the handouts.
 * - handoff `request`: the turn is nothing but a request for a person or a way to reach one
 *   ("ขอคุยกับเจ้าหน้าที่", "ขอเบอร์โทรหน่อยครับ", "what is your email?").
 * - handoff `mention`: it names a person or a channel among other words; it is a question first
 *   ("ต้องติดต่อ สสช. เพื่อติดตั้งระบบไหม" is answered by a record), and the contact details are
 *   the reply only when the handouts have no answer.
 * - a small-talk kind: the turn is nothing but a greeting, thanks or "who are you" (with
 *   politeness particles); "สวัสดีครับ e-service ต้องทำใหม่ไหม" is a question, not a greeting.
 */
export interface TurnIntent {
  handoff?: 'request' | 'mention';
  smallTalk?: SmallTalkKind;
}

/** Words a bare request may keep besides its own ("ขอเบอร์โทร สำนักงานจังหวัด"): one names whom to reach. */
const MAX_REQUEST_EXTRA_WORDS = 1;

export function turnIntent(turn: Turn, lexicon: CompiledLexicon): TurnIntent {
  const smallTalk = [lexicon.greeting, lexicon.thanks, lexicon.identity];
  if (findPhrase(turn, lexicon.person) || findPhrase(turn, lexicon.channel)) {
    const rest = remainder(turn, [lexicon.person, lexicon.channel, lexicon.request, ...smallTalk], lexicon.particles);
    return { handoff: wordsOf(rest).length <= MAX_REQUEST_EXTRA_WORDS ? 'request' : 'mention' };
  }
  if (turn.spaced !== '' && remainder(turn, smallTalk, lexicon.particles) === '') {
    // Thanks and "who are you" say more than a greeting that often comes with them.
    const kind: SmallTalkKind = findPhrase(turn, lexicon.thanks) ? 'thanks' : findPhrase(turn, lexicon.identity) ? 'identity' : 'greeting';
    return { smallTalk: kind };
  }
  return {};
}
