import { describe, expect, it } from 'vitest';
import { emailDocument, smsParts } from './outbox';

describe('the mailbox shows a message as its recipient would', () => {
  it('opens an email’s links in a new tab, outside the sandbox', () => {
    expect(emailDocument('<html lang="en"><head><meta charset="utf-8"></head><body>x</body></html>')).toBe(
      '<html lang="en"><head><base target="_blank"><meta charset="utf-8"></head><body>x</body></html>',
    );
    expect(emailDocument('<p>no head</p>')).toBe('<base target="_blank"><p>no head</p>');
  });

  it('makes the addresses of an SMS tappable, keeping its other lines as they are', () => {
    expect(
      smsParts(
        'App: your code is 123456.\nhttps://help.example.com/troubleshoot?step=code-rejected\n\n@help.example.com #123456',
      ),
    ).toEqual([
      { text: 'App: your code is 123456.\n' },
      { link: 'https://help.example.com/troubleshoot?step=code-rejected' },
      { text: '\n\n@help.example.com #123456' },
    ]);
  });
});
