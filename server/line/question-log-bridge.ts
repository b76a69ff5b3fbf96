import type { QuestionLog } from '../log/question-log.js';
import type { QuestionEntry, Store } from '../store/types.js';
import type { LineQuestionLog } from './webhook-service.js';

/**
 * Until the question log itself writes to the store (issue 17), LINE questions go to both the
 * JSON-lines log and the store, because notification opt-ins refer to the store's question ids.
 * MERGE NOTE: once `app.questionLog.question` takes the store's QuestionEntry, pass it directly
 * and delete this file.
 */
export function bridgeQuestionLog(log: QuestionLog, store: Store, onError: (err: unknown) => void): LineQuestionLog {
  return {
    question(entry: QuestionEntry) {
      const { outcome, time: _time, ...rest } = entry;
      log.question({ ...rest, channel: 'line', answered: outcome === 'answered' });
      store.appendQuestions([entry]).catch(onError);
    },
  };
}
