import { findPhrase, remainder, type CompiledLexicon, type Turn } from './markers.js';

export type SmallTalkKind = 'greeting' | 'thanks' | 'identity';

/**
 * What a turn asks of the bot besides an answer from the handouts.
 * - `person`: the turn asks for a person ("ขอคุยกับเจ้าหน้าที่"): a hand-off, whatever else it says.
 * - `channel`: it mentions a phone number, an e-mail address or "contact": a hand-off only if the
 *   handouts do not answer it, because "ต้องติดต่อ สสช. เพื่อติดตั้งระบบหรือไม่" is a real question.
 * - a small-talk kind: the turn is nothing but a greeting, thanks or "who are you" (with
 *   politeness particles); "สวัสดีครับ e-service ต้องทำใหม่ไหม" is a question, not a greeting.
 */
export interface TurnIntent {
  handoff?: 'person' | 'channel';
  smallTalk?: SmallTalkKind;
}

export function turnIntent(turn: Turn, lexicon: CompiledLexicon): TurnIntent {
  if (findPhrase(turn, lexicon.person)) return { handoff: 'person' };
  const channel = findPhrase(turn, lexicon.channel) ? ('channel' as const) : undefined;
  const rest = remainder(turn, [lexicon.greeting, lexicon.thanks, lexicon.identity], lexicon.particles);
  if (rest === '' && turn.spaced !== '') {
    // Thanks and "who are you" say more than a greeting that often comes with them.
    const kind: SmallTalkKind = findPhrase(turn, lexicon.thanks) ? 'thanks' : findPhrase(turn, lexicon.identity) ? 'identity' : 'greeting';
    return { smallTalk: kind, handoff: channel };
  }
  return { handoff: channel };
}
