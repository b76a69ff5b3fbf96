import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('FRAME_ANCESTORS', () => {
  it.each([
    [undefined, ["'none'"]],
    ['', ["'none'"]],
    ['none', ["'none'"]],
    ["'none'", ["'none'"]],
    ['self', ["'self'"]],
    ['https://Intranet.Example.go.th/', ['https://intranet.example.go.th']],
    ['https://a.go.th,https://*.b.go.th:8443  http://localhost:3001', ['https://a.go.th', 'https://*.b.go.th:8443', 'http://localhost:3001']],
  ])('reads %j as %j', (value, expected) => {
    expect(loadConfig(value === undefined ? {} : { FRAME_ANCESTORS: value }).frameAncestors).toEqual(expected);
  });

  it.each(['*', 'intranet.go.th', 'https://a.go.th/path', "https://a.go.th 'unsafe-inline'", 'javascript:alert(1)'])('refuses %j with a readable message', (value) => {
    expect(() => loadConfig({ FRAME_ANCESTORS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ FRAME_ANCESTORS: value })).toThrow(/FRAME_ANCESTORS: .* is not an origin/);
  });
});
