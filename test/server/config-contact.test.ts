import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { DEFAULT_CONTACT } from '../../server/conversation/replies.js';

describe('CONTACT_TH / CONTACT_EN', () => {
  it('defaults to the office website when unset or blank', () => {
    expect(loadConfig({}).contact).toEqual(DEFAULT_CONTACT);
    expect(loadConfig({ CONTACT_TH: '  ', CONTACT_EN: '' }).contact).toEqual(DEFAULT_CONTACT);
  });

  it('takes each language separately and turns a written \\n into a line break', () => {
    const config = loadConfig({ CONTACT_TH: 'โทร 02 000 0000\\nอีเมล saraban@example.org ' });
    expect(config.contact).toEqual({ th: 'โทร 02 000 0000\nอีเมล saraban@example.org', en: DEFAULT_CONTACT.en });
  });

  it('refuses a contact text over 1000 characters, naming the variable', () => {
    expect(() => loadConfig({ CONTACT_EN: 'x'.repeat(1001) })).toThrow(ConfigError);
    expect(() => loadConfig({ CONTACT_EN: 'x'.repeat(1001) })).toThrow(/CONTACT_EN: must be at most 1000 characters/);
  });
});
