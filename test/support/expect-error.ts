import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** Asserts the shared error body: status, readable message, request id. */
export function expectError(res: LightMyRequestResponse, status: number, message?: RegExp): { error: string; message: string; requestId: string; issues?: { path: string; message: string }[] } {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json();
  expect(body.error).toEqual(expect.any(String));
  expect(body.message).toEqual(expect.any(String));
  expect(body.message.length).toBeGreaterThan(10);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  if (message) expect(body.message).toMatch(message);
  return body;
}
