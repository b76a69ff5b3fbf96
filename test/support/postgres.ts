import { randomBytes } from 'node:crypto';

/** The PostgreSQL the tests use; CI (.ci/run) starts one and exports TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other run uses, so parallel runs and helpers never see each other's rows. */
export function freshSchema(prefix = 't'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}
