import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkFrontMatter,
  checkHeadingIds,
  checkLinkContract,
  checkRepository,
  checkRuleNames,
  checkRuleNumbers,
  checkUiStrings,
  collectTranslationIds,
  compareTwinHeadingIds,
  compareTwinSets,
  docRoute,
  extractHeadings,
  pageRoute,
} from './content-check';

const NB = '\u00a0';
const article = (body: string, frontMatter = 'title: "T"\ndescription: "D"') =>
  `---\n${frontMatter}\n---\n\n${body}\n`;

describe('headings', () => {
  it('reads explicit ids and ignores headings inside code blocks', () => {
    const source = article(
      '## First {#first}\n\n```bash\n# not a heading\n```\n\n### Second step {#second-step}',
    );
    expect(extractHeadings(source)).toEqual([
      { line: 6, level: 2, text: 'First', id: 'first' },
      { line: 12, level: 3, text: 'Second step', id: 'second-step' },
    ]);
  });

  it('reports a heading without an id, with its line', () => {
    const problems = checkHeadingIds('a.mdx', article('## Has one {#ok}\n\n## Has none'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'a.mdx', line: 8 });
    expect(problems[0].message).toContain('"Has none" has no explicit id');
  });

  it('reports duplicate and non-kebab-case ids', () => {
    const problems = checkHeadingIds('a.mdx', article('## A {#same}\n\n## B {#same}\n\n## C {#Not_Kebab}'));
    expect(problems.map((p) => p.message)).toEqual([
      'heading id "same" is already used on line 6',
      'heading id "Not_Kebab" is not kebab-case (lowercase letters, digits and dashes)',
    ]);
  });

  it('passes an article whose headings all have unique ids', () => {
    expect(checkHeadingIds('a.mdx', article('## A {#a}\n\n### B {#b}'))).toEqual([]);
  });
});

describe('twins', () => {
  it('reports an article without a French twin and a French file without an original', () => {
    const problems = compareTwinSets(['workers/a.mdx', 'workers/b.mdx'], ['workers/a.mdx', 'workers/c.mdx']);
    expect(problems.map((p) => p.file)).toEqual([
      'docs/workers/b.mdx',
      'i18n/fr/docusaurus-plugin-content-docs/current/workers/c.mdx',
    ]);
  });

  it('passes identical sets', () => {
    expect(compareTwinSets(['a.mdx'], ['a.mdx'])).toEqual([]);
  });

  it('reports twins whose heading ids differ, are missing or are in another order', () => {
    const en = article('## A {#a}\n\n## B {#b}');
    expect(compareTwinHeadingIds('en', en, 'fr', article('## A {#a}\n\n## B {#b}'))).toEqual([]);
    expect(compareTwinHeadingIds('en', en, 'fr', article('## A {#a}'))[0].message).toContain(
      'missing in French: b',
    );
    expect(compareTwinHeadingIds('en', en, 'fr', article('## A {#a}\n\n## B {#bee}'))[0].message).toContain(
      'only in French: bee',
    );
    expect(compareTwinHeadingIds('en', en, 'fr', article('## B {#b}\n\n## A {#a}'))[0].message).toContain(
      'different order',
    );
  });

  it('requires a title and a description', () => {
    expect(checkFrontMatter('a', article('x'))).toEqual([]);
    expect(checkFrontMatter('a', article('x', 'title: "T"')).map((p) => p.message)).toEqual([
      'front matter has no description',
    ]);
    expect(checkFrontMatter('a', 'no front matter')).toHaveLength(2);
  });
});

describe('routes and the link contract', () => {
  it('computes doc URLs like Docusaurus', () => {
    expect(docRoute('workers/login/index.mdx', article(''))).toBe('/docs/workers/login/');
    expect(docRoute('workers/login/sms-code.mdx', article(''))).toBe('/docs/workers/login/sms-code');
    expect(docRoute('workers/login/login.md', article(''))).toBe('/docs/workers/login/');
    expect(docRoute('01-workers/02-a.mdx', article(''))).toBe('/docs/workers/a');
    expect(docRoute('workers/a.mdx', article('', 'title: T\nslug: renamed'))).toBe('/docs/workers/renamed');
    expect(docRoute('workers/a.mdx', article('', 'title: T\nslug: /elsewhere/b'))).toBe('/docs/elsewhere/b');
    expect(docRoute('workers/a.mdx', article('', 'title: T\nid: other'))).toBe('/docs/workers/other');
  });

  it('computes page URLs and skips private files', () => {
    expect(pageRoute('index.tsx')).toBe('/');
    expect(pageRoute('troubleshoot.tsx')).toBe('/troubleshoot');
    expect(pageRoute('support/links.tsx')).toBe('/support/links');
    expect(pageRoute('support/index.tsx')).toBe('/support/');
    expect(pageRoute('_components/HomeHero/index.tsx')).toBeNull();
    expect(pageRoute('styles.module.css')).toBeNull();
    expect(pageRoute('page.test.tsx')).toBeNull();
  });

  it('reports a contract page missing in one language or missing as a page', () => {
    const contract = ['/', '/docs/workers/login/', '/docs/workers/login/sms-code', '/troubleshoot'];
    const complete = {
      enDocs: ['/docs/workers/login/', '/docs/workers/login/sms-code'],
      frDocs: ['/docs/workers/login/', '/docs/workers/login/sms-code'],
      pages: ['/', '/troubleshoot/'],
    };
    expect(checkLinkContract(contract, complete)).toEqual([]);
    const broken = checkLinkContract(contract, {
      enDocs: ['/docs/workers/login/', '/docs/workers/login/sms-code'],
      frDocs: ['/docs/workers/login/'],
      pages: ['/'],
    });
    expect(broken.map((p) => p.message)).toEqual([
      'no French article serves /fr/docs/workers/login/sms-code',
      'no page serves /troubleshoot',
    ]);
  });
});

describe('UI strings', () => {
  const source = `
    import Translate, { translate } from '@docusaurus/Translate';
    export function A({ id }: { id: string }) {
      const label = translate({ id: 'area.part.label', message: 'Label' });
      const noId = translate({ message: 'Message as id' });
      const dynamic = translate({ id: \`area.\${id}\`, message: 'Dynamic' });
      return (
        <div title={label}>
          <Translate id="area.part.title" description="d">Title</Translate>
          <Translate id={'area.part.braced'}>Braced</Translate>
          <Translate>Children as id</Translate>
        </div>
      );
    }`;

  it('collects the ids of translate() and <Translate>, like write-translations', () => {
    expect(collectTranslationIds('a.tsx', source).map((use) => use.id)).toEqual([
      'area.part.label',
      'Message as id',
      null,
      'area.part.title',
      'area.part.braced',
      'Children as id',
    ]);
  });

  it('reports ids missing from the French code.json and ids that are not literals', () => {
    const uses = collectTranslationIds('a.tsx', source);
    const french = {
      'area.part.label': {},
      'Message as id': {},
      'area.part.title': {},
      'Children as id': {},
    };
    expect(checkUiStrings('a.tsx', uses, french).map((p) => p.message)).toEqual([
      'translation id is not a string literal: it cannot be extracted or checked',
      'UI string "area.part.braced" has no entry in i18n/fr/code.json',
    ]);
  });
});

describe('rules written out', () => {
  const found = (body: string, frontMatter?: string) =>
    checkRuleNumbers('a.mdx', article(body, frontMatter)).map((p) => [p.line, p.message]);

  it('reports a rule number written out in the body, in either language, with its line', () => {
    const bad = [
      'The code works for 10 minutes.',
      'The app texts a 6-digit code.',
      'After 5 wrong tries, ask again.',
      'Up to 5 times per hour.',
      'At least 10 characters.',
      'After **10 failed login attempts**.',
      ':::info[The link lasts 30 minutes]',
      '## A code expires after 10 minutes {#expired}',
      `Valide pendant 24${NB}heures.`,
      'Un code à 6 chiffres.',
      'Après 5 saisies erronées.',
      'Jusqu’à 5 fois par heure, 60 secondes après le précédent.',
      'Au moins 10 caractères.',
      'After the 10th, it locks.',
      'Après la 10e, il se verrouille.',
    ];
    for (const body of bad) expect(found(body).length, body).toBeGreaterThan(0);
    expect(found('Wait 60 seconds, then 1 min.')).toEqual([
      [
        6,
        'rule number written out: "60 seconds": write it with <Rule name="…" /> (names in shared/rules-text.ts)',
      ],
      [
        6,
        'rule number written out: "1 min": write it with <Rule name="…" /> (names in shared/rules-text.ts)',
      ],
    ]);
  });

  it('reports a number whose unit is on the next line, once, on the number’s line', () => {
    expect(found('Enter it within 10\nminutes of receiving it.').map(([line]) => line)).toEqual([6]);
  });

  it('reports a rule number in the front matter, which cannot hold <Rule>', () => {
    const problems = found('x', 'title: "T"\ndescription: "Log in with the 6-digit code."');
    expect(problems).toEqual([
      [
        3,
        'rule number written out in the front matter: "6-digit": reword without it (front matter cannot hold <Rule>)',
      ],
    ]);
  });

  it('accepts <Rule>, list numbers, country codes and code', () => {
    const body = [
      'The code works for <Rule name="code-lifetime" /> and has <Rule name="code-digits" /> digits.',
      '1. Open the app.',
      '2. Type a number that starts with +1 or `+1`.',
      'Not `password123`, not `10 minutes` in code, not [a link](/x?wait=10%20minutes).',
      '```',
      'wait 10 minutes',
      '```',
      '## Step two {#step-2}',
    ].join('\n');
    expect(found(body, 'title: "T"\ndescription: "Numbers that start with +1."')).toEqual([]);
  });

  it('reports a <Rule> with an unknown name or none, and one in the front matter', () => {
    const source = article(
      [
        'Known: <Rule name="code-lifetime" />, <Rule name={\'link-lifetime\'} />.',
        'Unknown: <Rule name="code-ttl" />.',
        'None: <Rule />.',
        'Shown, not rendered: `<Rule name="nope" />`.',
      ].join('\n'),
      'title: "T"\ndescription: "Valid for <Rule name=\'code-lifetime\' />"',
    );
    const problems = checkRuleNames('a.mdx', source);
    expect(problems.map((p) => p.line)).toEqual([3, 7, 8]);
    expect(problems[0].message).toContain('in the front matter');
    expect(problems[1].message).toMatch(
      /^<Rule name="code-ttl" \/>: unknown rule "code-ttl" \(known: code-digits, /,
    );
    expect(problems[2].message).toContain('<Rule />: no name');
  });
});

describe('checkRepository on a small bad repository', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'content-check-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds one problem of each kind', () => {
    const fr = 'i18n/fr/docusaurus-plugin-content-docs/current';
    write('docs/workers/login/index.mdx', article('## Start {#start}\n\n## No id'));
    write('docs/workers/login/only-english.mdx', article('## A {#a}'));
    write(
      `${fr}/workers/login/index.mdx`,
      article('## Début {#debut}\n\nVraiment ?\n\nValide <Rule name="inconnue" /> ou 10 minutes.'),
    );
    write('src/pages/index.tsx', `export default () => <Translate id="home.missing">x</Translate>;`);
    write('i18n/fr/code.json', JSON.stringify({ 'home.other': { message: 'Version: 1' } }));
    write('i18n/fr/docusaurus-theme-classic/navbar.json', JSON.stringify({ title: { message: 'Brand' } }));
    write(
      'content/glossary.json',
      JSON.stringify({
        concepts: [
          {
            concept: 'the troubleshooter',
            en: { use: 'troubleshooter', avoid: ['wizard'] },
            fr: { use: 'assistant de dépannage', avoid: ['outil de dépannage'] },
          },
        ],
        buttons: { keys: [] },
      }),
    );
    write('docs/workers/login/only-english.mdx', article('## A {#a}\n\nThe login wizard.'));

    const report = checkRepository(root);
    expect(report.twins.map((p) => p.file)).toEqual(['docs/workers/login/only-english.mdx']);
    expect(report.headingIds.map((p) => p.line)).toEqual([8]);
    expect(report.twinHeadingIds).toHaveLength(1);
    expect(report.linkContract.map((p) => p.message)).toContain('no page serves /troubleshoot');
    expect(report.linkContract.map((p) => p.message)).toContain(
      'no English article serves /docs/workers/login/sms-code',
    );
    expect(report.linkContract.map((p) => p.message)).not.toContain(
      'no English article serves /docs/workers/login/',
    );
    expect(report.uiStrings.map((p) => p.message)).toEqual([
      'UI string "home.missing" has no entry in i18n/fr/code.json',
    ]);
    expect(report.frenchTypography.map((p) => p.file)).toEqual([
      `${fr}/workers/login/index.mdx`,
      'i18n/fr/code.json',
    ]);
    expect(report.brand).toHaveLength(1);
    expect(report.ruleNumbers.map((p) => [p.file, p.line])).toEqual([[`${fr}/workers/login/index.mdx`, 10]]);
    expect(report.ruleNames.map((p) => [p.file, p.line])).toEqual([[`${fr}/workers/login/index.mdx`, 10]]);
    expect(report.glossary.map((p) => [p.file, p.line])).toEqual([
      ['docs/workers/login/only-english.mdx', 8],
    ]);
  });
});
