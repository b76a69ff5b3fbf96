import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/console/diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a.json', 'x\ny\n', 'x\ny\n')).toBe('');
  });

  it('shows a changed line with three lines of context and correct hunk ranges', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 10\n', 'line ten\n');
    expect(unifiedDiff('documents/a.json', before, after)).toBe(
      ['--- published/documents/a.json', '+++ draft/documents/a.json', '@@ -7,7 +7,7 @@', ' line 7', ' line 8', ' line 9', '-line 10', '+line ten', ' line 11', ' line 12', ' line 13', ''].join('\n'),
    );
  });

  it('marks added and deleted files against /dev/null', () => {
    expect(unifiedDiff('glossary.json', '', 'a\nb\n')).toBe('--- /dev/null\n+++ draft/glossary.json\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('glossary.json', 'a\n', '')).toBe('--- published/glossary.json\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('keeps two distant changes in separate hunks', () => {
    const before = Array.from({ length: 30 }, (_, i) => `${i}`).join('\n');
    const after = before.replace(/^2$/m, 'two').replace(/^27$/m, 'twenty-seven');
    expect(unifiedDiff('f', before, after).match(/^@@/gm)).toHaveLength(2);
  });
});
