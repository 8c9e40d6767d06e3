import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from './db/demo-data';
import { loadConfig } from './config';

const readme = readFileSync(path.join(__dirname, 'README.md'), 'utf8');

describe('server/README.md', () => {
  it('lists every demo contact', () => {
    for (const account of DEMO_ACCOUNTS) {
      for (const contact of [account.email, account.phone, account.username].filter(Boolean)) {
        expect(readme, String(contact)).toContain(String(contact));
      }
    }
  });

  it('documents every environment variable the configuration reads', () => {
    const folder = path.join(__dirname, 'config');
    const source = readdirSync(folder)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(folder, file), 'utf8'))
      .join('\n');
    const names = [...source.matchAll(/^\s{2}([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(30);
    expect(loadConfig({})).toBeTruthy();
    for (const name of names) expect(readme, name).toContain(`\`${name}\``);
  });
});
