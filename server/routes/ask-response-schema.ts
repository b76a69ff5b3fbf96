import type { AskResult } from '../search/types.js';

/**
 * JSON schema of a POST /api/ask 200 response, so fastify serializes it with
 * fast-json-stringify (compiled once) instead of JSON.stringify on every answer.
 *
 * It lists every field of AskResult, Answer and BotMessage in server/search/types.ts. A
 * serializer schema writes only what it lists, so a field added to those types must be added
 * here too; as a safety net the result and answer objects keep `additionalProperties: true`
 * (unlisted fields are still written, by the slower generic path) and the route test checks
 * that a full result survives serialization unchanged.
 */

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

export const AnswerSchema = {
  type: 'object',
  additionalProperties: true,
  required: ['id', 'score', 'question', 'answer', 'original', 'translated', 'tags', 'source'],
  properties: {
    id: str,
    score: { type: 'number' },
    question: str,
    answer: str,
    original: { type: 'object', required: ['question', 'answer'], properties: { question: str, answer: str } },
    translated: { type: 'boolean' },
    tags: {
      type: 'object',
      required: ['years', 'indicators'],
      properties: { years: { type: 'array', items: int }, component: str, indicators: { type: 'array', items: str }, audience: str },
    },
    source: {
      type: 'object',
      required: ['document', 'title', 'section', 'sectionTitle', 'number', 'date'],
      properties: { document: str, title: str, section: str, sectionTitle: str, number: int, date: str },
    },
    supersededBy: str,
  },
} as const;

export const BotMessageSchema = {
  type: 'object',
  required: ['kind', 'text'],
  properties: {
    kind: { type: 'string', enum: ['greeting', 'thanks', 'identity', 'handoff', 'ask-topic', 'year-not-covered'] },
    text: str,
    examples: { type: 'array', items: str },
  },
} as const;

export const AskResultSchema = {
  type: 'object',
  additionalProperties: true,
  required: ['answered', 'status', 'lang', 'answers'],
  properties: {
    answered: { type: 'boolean' },
    status: { type: 'string', enum: ['answered', 'clarify', 'none'] },
    lang: { type: 'string', enum: ['th', 'en'] },
    answers: { type: 'array', items: AnswerSchema },
    message: BotMessageSchema,
  },
} as const;

/** Compile-time check that the schema's required keys are AskResult's required keys. */
type Required<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];
const _required: readonly Required<AskResult>[] = AskResultSchema.required;
void _required;

/** Route options for POST /api/ask. */
export const askResponseSchema = { response: { 200: AskResultSchema } };
