import { describe, expect, it } from 'vitest';
import type { SupportReport } from './api';
import { helpfulnessRows } from './report-rows';

type Answers = SupportReport['helpfulness'][number];

const answers = (
  kind: Answers['kind'],
  target: string,
  locale: Answers['locale'],
  yes: number,
  no: number,
): Answers => ({
  kind,
  target,
  locale,
  yes,
  no,
  reasons: no ? { 'did-not-work': no } : {},
});

describe('helpfulness rows', () => {
  const report = [
    answers('troubleshooter', 'resolved', 'fr', 3, 0),
    answers('article', 'workers/login/account-locked', 'en', 4, 1),
    answers('article', 'workers/login/account-locked', 'fr', 2, 2),
    answers('article', 'workers/old-page', 'en', 0, 1),
    answers('troubleshooter', 'escalate-employer', 'en', 1, 1),
  ];

  it('lists every article, rated or not, then rated pages the site no longer has', () => {
    const rows = helpfulnessRows(
      report,
      'article',
      [
        { target: 'workers/login/code-not-received', title: 'Code not received' },
        { target: 'workers/login/account-locked', title: 'Account locked' },
      ],
      (target) => target,
    );
    expect(rows.map((row) => [row.title, row.byLocale])).toEqual([
      ['Code not received', {}],
      [
        'Account locked',
        {
          en: { yes: 4, no: 1, reasons: { 'did-not-work': 1 } },
          fr: { yes: 2, no: 2, reasons: { 'did-not-work': 2 } },
        },
      ],
      ['workers/old-page', { en: { yes: 0, no: 1, reasons: { 'did-not-work': 1 } } }],
    ]);
  });

  it('lists the rated troubleshooter steps in the report’s order, titled by their question', () => {
    const rows = helpfulnessRows(report, 'troubleshooter', [], (step) => `Title of ${step}`);
    expect(rows.map((row) => [row.target, row.title, Object.keys(row.byLocale)])).toEqual([
      ['resolved', 'Title of resolved', ['fr']],
      ['escalate-employer', 'Title of escalate-employer', ['en']],
    ]);
  });
});
