import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMON_PROBLEMS } from './common-problems';

describe('the common problems a search without results offers', () => {
  it('are the home page cards, in their order', () => {
    const cards = readFileSync(
      path.resolve(__dirname, '../pages/_components/CommonProblems/index.tsx'),
      'utf8',
    );
    const links = [...cards.matchAll(/to: '\/docs\/([^']+)'/g)].map((match) => match[1]);
    expect(links).toEqual([...COMMON_PROBLEMS]);
  });
});
