import { describe, expect, it } from 'vitest';
import type { SearchDocument } from '../plugins/search-index/documents';
import { createSearchEngine } from './engine';

const doc = (id: string, fields: Partial<SearchDocument>): SearchDocument => ({
  id,
  path: `/docs/${id}`,
  title: '',
  description: '',
  phrases: [],
  sections: [],
  body: '',
  ...fields,
});

const documents = [
  doc('password', {
    title: 'I forgot my password',
    sections: [
      { id: 'reset-by-email', title: 'Reset your password by email' },
      { id: 'password-rules', title: 'Password rules' },
    ],
    body: 'Ask for a reset email.',
  }),
  doc('locked', { title: 'My account is locked', body: 'Too many failed attempts lock the account.' }),
  doc('code', { title: 'My login code does not arrive', body: 'Check your spam folder.' }),
  doc('sso', { title: 'Single sign-on', phrases: ['company login'], body: 'Your company manages it.' }),
];
const engine = createSearchEngine(documents, 'en');
const top = (query: string) => engine.search(query)[0]?.id;

describe('the search engine', () => {
  it('forgives one typo in a word of five letters or more', () => {
    expect(top('pasword')).toBe('password');
    expect(top('lockd')).toBe('locked');
  });

  it('does not guess at short words (a typo in "cide" is not "code")', () => {
    expect(engine.search('cide')).toEqual([]);
  });

  it('finds an unfinished last word', () => {
    expect(top('forgot pass')).toBe('password');
  });

  it('still ranks the best partial match when one word matches nothing', () => {
    expect(top('locked zzzqqq')).toBe('locked');
  });

  it('ranks an article matching more of the words first', () => {
    expect(top('account locked password')).toBe('locked');
  });

  it('weighs a hand-written phrase above the text', () => {
    expect(top('company login')).toBe('sso');
  });

  it('points at the section the query is about', () => {
    expect(engine.search('password rules')[0].section).toEqual({
      id: 'password-rules',
      title: 'Password rules',
    });
    expect(engine.search('locked')[0].section).toBeNull();
    // About the whole article: it opens at the top.
    expect(engine.search('forgot password')[0].section).toBeNull();
  });

  it('answers nothing for a query of stop words only', () => {
    expect(engine.search('the of my')).toEqual([]);
  });
});
