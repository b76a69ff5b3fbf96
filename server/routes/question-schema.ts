import { z } from 'zod';

// C0 and C1 controls and DEL, except tab and newline which pasted text legitimately has.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

/** Length counts code points, so an emoji is one character as a person sees it. */
export const QuestionTextSchema = z
  .string({ error: 'must be a string' })
  .refine((s) => !CONTROL.test(s), 'must not contain control characters (only tab and newline are allowed)')
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, 'must not be empty')
  .refine((s) => [...s].length <= 500, 'must be at most 500 characters');
