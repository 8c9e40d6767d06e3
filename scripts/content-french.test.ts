import { describe, expect, it } from 'vitest';
import {
  checkFrenchAdmonitionTitles,
  checkFrenchArticle,
  checkFrenchMessages,
  checkFrenchText,
  checkNoFrozenBrand,
} from './content-french';
import { stripMarkup } from './markdown';

const NB = '\u00a0';
const article = (body: string, frontMatter = 'title: "T"\ndescription: "D"') =>
  `---\n${frontMatter}\n---\n\n${body}\n`;

describe('French typography', () => {
  it('accepts non-breaking spaces (normal and narrow) and entities', () => {
    expect(checkFrenchText(`Attention${NB}: le code${NB}; vraiment${NB}? Oui\u202f!`)).toEqual([]);
    expect(checkFrenchText(`«${NB}Mot de passe${NB}»`)).toEqual([]);
    expect(checkFrenchText('Note&nbsp;: ceci')).toEqual([]);
    expect(checkFrenchText(`Quoi${NB}?!`)).toEqual([]);
    expect(checkFrenchText('Entre 10:30 et 11:00')).toEqual([]);
  });

  it('rejects a plain space or no space before : ; ? !', () => {
    for (const bad of ['Attention : x', 'Attention: x', 'Vraiment ?', 'Vraiment?', 'Oui !', 'a ; b', 'a;b']) {
      expect(checkFrenchText(bad), bad).toHaveLength(1);
    }
    expect(checkFrenchText('Attention : x')[0].message).toContain('plain space');
    expect(checkFrenchText('Attention: x')[0].message).toContain('no space');
  });

  it('rejects a straight apostrophe between letters, accepts the typographic one', () => {
    expect(checkFrenchText("Le code n'arrive pas, aujourd'hui")).toHaveLength(2);
    expect(checkFrenchText("Le code n'arrive pas")[0].message).toContain('’');
    expect(checkFrenchText('Le code n’arrive pas, aujourd’hui')).toEqual([]);
  });

  it('rejects a straight apostrophe before a link or bold text, as the articles write them', () => {
    const problems = checkFrenchArticle(
      'a.mdx',
      article("Passez par l'[assistant](/troubleshoot). Ouvrez l'**App Store**. Puis l’[aide](/docs)."),
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('straight apostrophe'),
      expect.stringContaining('straight apostrophe'),
    ]);
  });

  it('rejects guillemets without non-breaking spaces', () => {
    expect(checkFrenchText('« Mot de passe »')).toHaveLength(2);
    expect(checkFrenchText('«Mot»')).toHaveLength(2);
  });

  it('ignores code spans, URLs, link targets, tags and heading ids', () => {
    expect(stripMarkup('Voir [la page](/troubleshoot?step=start) et `a:b`')).toBe('Voir [la page] et x');
    const source = article(
      [
        `## Étapes {#steps}`,
        `Tapez \`user:name\` puis allez sur https://example.com/a?b=c ou [ici](/docs/x?y=1#z).`,
        `<Link to="/a?b">Lien</Link> et <!-- note: interne --> fin.`,
        '```',
        'code: not prose ; really?',
        '```',
        `:::tip[Bon à savoir${NB}!]`,
        ':::',
      ].join('\n'),
      `title: "Code refusé${NB}?"\ndescription: "Que faire${NB}?"`,
    );
    expect(checkFrenchArticle('fr.mdx', source)).toEqual([]);
  });

  it('reports bad typography in prose, front matter and admonition titles, with line numbers', () => {
    const source = article(
      'Le code : il expire.\n\n:::warning[Attention !]\nTexte.\n:::',
      'title: "Code refusé ?"\ndescription: "D"',
    );
    const problems = checkFrenchArticle('fr.mdx', source);
    expect(problems.map((p) => p.line)).toEqual([2, 6, 8]);
  });

  it('reports a punctuation mark glued to a code span or a link', () => {
    expect(checkFrenchArticle('fr.mdx', article('Tapez `abc`: puis [valider](/x)!'))).toHaveLength(2);
  });

  it('checks translation messages, placeholders excluded', () => {
    const messages = {
      good: { message: `Résultats pour «${NB}{query}${NB}»` },
      bad: { message: 'Version: {versionLabel}' },
      empty: {},
    };
    expect(checkFrenchMessages('code.json', messages).map((p) => p.message)).toEqual([
      '"bad": no space before ":": French puts a non-breaking space (U+00A0) before it: "Version:"',
      '"empty" has no message',
    ]);
  });

  it('requires explicit admonition titles in French', () => {
    expect(checkFrenchAdmonitionTitles('fr.mdx', article(':::tip[Astuce]\nx\n:::'))).toEqual([]);
    expect(checkFrenchAdmonitionTitles('fr.mdx', article(':::tip Astuce\nx\n:::'))).toEqual([]);
    expect(checkFrenchAdmonitionTitles('fr.mdx', article(':::tip\nx\n:::'))).toHaveLength(1);
  });
});

describe('brand', () => {
  it('rejects the navbar title and footer copyright in the French theme files', () => {
    expect(checkNoFrozenBrand({ 'item.label.X': {} }, { 'link.title.Y': {} })).toEqual([]);
    expect(checkNoFrozenBrand({ title: {} }, { copyright: {} })).toHaveLength(2);
  });
});
