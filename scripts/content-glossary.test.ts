import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkGlossaryArticle,
  checkGlossaryMessages,
  collectEnglishMessages,
  compileGlossary,
  findAvoidedWords,
  findImperative,
  loadGlossary,
} from './content-glossary';

const glossary = compileGlossary(loadGlossary(path.resolve(__dirname, '..')));
const found = (text: string, locale: 'en' | 'fr') =>
  findAvoidedWords(text, locale, glossary).map((f) => f.found);

describe('the glossary', () => {
  it('refuses the words it replaced, in any case and with any apostrophe or space', () => {
    expect(found('Essayez l’outil de dépannage', 'fr')).toEqual(['outil de dépannage']);
    expect(found('Regardez dans vos pourriels ou vos indésirables', 'fr')).toEqual([
      'pourriels',
      'vos indésirables',
    ]);
    expect(found('Entrez votre numéro de téléphone ou courriel', 'fr')).toEqual([
      'numéro de téléphone ou courriel',
    ]);
    expect(found('un lien unique, un message texte, un téléphone mobile', 'fr')).toEqual([
      'message texte',
      'téléphone mobile',
      'lien unique',
    ]);
    expect(found('Contactez le soutien informatique', 'fr')).toEqual(['soutien informatique', 'Contactez']);
    expect(found('Rien n’est brisé', 'fr')).toEqual(['brisé']);
    expect(found('The app does not recognise your organisation', 'en')).toEqual([
      'recognise',
      'organisation',
    ]);
    expect(found('Ask your IT team for a temporary password', 'en')).toEqual([
      'IT team',
      'temporary password',
    ]);
  });

  it('keeps the words it chose, and other products’ names', () => {
    expect(found('Votre numéro de téléphone ou votre adresse courriel principale', 'fr')).toEqual([]);
    expect(found('l’adresse courriel de votre profil, dans vos courriels indésirables', 'fr')).toEqual([]);
    // Outlook’s own folder, quoted by its name.
    expect(found('ouvrez le dossier **Courrier indésirable**, ou lancez l’App Store', 'fr')).toEqual([]);
    expect(found('Hotmail, Gmail', 'fr')).toEqual([]);
    expect(found('single sign-on, log in to the app', 'en')).toEqual([]);
  });

  it('says which word to use, with the line', () => {
    const source = '---\ntitle: "T"\ndescription: "D"\n---\n\nAsk the troubleshooting tool.\n';
    expect(checkGlossaryArticle('a.mdx', source, 'en', glossary)).toEqual([
      {
        file: 'a.mdx',
        line: 6,
        message: expect.stringContaining('"troubleshooting tool": the glossary says "troubleshooter"'),
      },
    ]);
  });

  it('wants French buttons in the infinitive, quotes of a message aside', () => {
    expect(findImperative('Je ne sais pas : vérifiez mon compte')).toBe('vérifiez');
    expect(findImperative('Contactez le soutien')).toBe('Contactez');
    expect(findImperative('Je ne sais pas : vérifier mon compte')).toBeNull();
    expect(findImperative('« Connectez-vous sans mot de passe… »')).toBeNull();
    const problems = checkGlossaryMessages(
      'code.json',
      [
        { id: 'troubleshooter.choice.check-my-account', text: 'Je ne sais pas : vérifiez mon compte' },
        { id: 'troubleshooter.step.x.body', text: 'Vérifiez votre numéro.' },
      ],
      'fr',
      glossary,
    );
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringContaining('starts with the imperative "vérifiez"'),
    ]);
  });

  it('reads the English messages of a page as write-translations does', () => {
    const source = `
      const a = translate({ id: 'x.a', message: 'Ask your IT team', description: 'd' });
      const b = <Translate id="x.b" description="d">Your temporary password</Translate>;`;
    const messages = collectEnglishMessages('a.tsx', source);
    expect(messages.map((m) => [m.id, m.text])).toEqual([
      ['x.a', 'Ask your IT team'],
      ['x.b', 'Your temporary password'],
    ]);
    expect(checkGlossaryMessages('a.tsx', messages, 'en', glossary)).toHaveLength(2);
  });
});
