import { describe, expect, it } from 'vitest';
import type { Unit } from '../../server/search/analyze.js';
import { synonymsOf, withSynonyms } from '../../server/search/english-synonyms.js';
import { termsOfToken } from '../../server/search/terms.js';

const unit = (token: string, concepts: string[] = []): Unit => ({ token, terms: termsOfToken(token), concepts });

describe('English synonyms from WordNet', () => {
  it('lists the most frequent sense of an everyday word, and lends it to a word with no sense of its own', () => {
    expect(synonymsOf('mandatory')).toContain('compulsory');
    expect(synonymsOf('compulsory')).toContain('mandatory');
    // "keep" as a noun is a livelihood; only its verb sense counts.
    expect(synonymsOf('keep')).not.toContain('livelihood');
    expect(synonymsOf('zzzz')).toEqual([]);
  });

  it('has none for a noun: a noun no record holds is a topic no record is about', () => {
    // WordNet's "weather" lists "conditions", which the records use for something else.
    expect(synonymsOf('weather')).toEqual([]);
  });

  it('lets a word no record uses also match its synonyms that records use', () => {
    const kb = new Set(termsOfToken('mandatory'));
    const [compulsory] = withSynonyms([unit('compulsory')], (t) => kb.has(t));
    expect(compulsory!.terms).toEqual([...termsOfToken('compulsory'), ...termsOfToken('mandatory')]);
  });

  it('leaves alone a word some record uses, a word a concept covers, and Thai', () => {
    const kb = new Set([...termsOfToken('mandatory'), ...termsOfToken('compulsory')]);
    const units = [unit('compulsory'), unit('obligatory', ['mandatory-indicator']), unit('บังคับ')];
    expect(withSynonyms(units, (t) => kb.has(t))).toEqual(units);
  });

  it('does not expand to a synonym among the thousand most frequent words: they mean too many things', () => {
    // WordNet's "located" lists "set"; a record saying "set" is seldom about a location.
    expect(synonymsOf('located')).toContain('set');
    const kb = new Set(termsOfToken('set'));
    expect(withSynonyms([unit('located')], (t) => kb.has(t))[0]!.terms).toEqual(termsOfToken('located'));
  });
});
