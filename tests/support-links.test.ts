import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createActor, type AnyStateNode } from 'xstate';
import { loadRules } from '../server/config/public';
import { LINK_INDEX_FILE } from '../src/plugins/support-links';
import { ruleText } from '../shared/rules-text';
import { LINK_CONTRACT } from '../src/link-contract';
import {
  buildLinkRows,
  filterRows,
  localizedUrl,
  type LinkIndex,
  type LinkRow,
} from '../src/support/link-index';
import { troubleshooterMachine } from '../src/troubleshooter/troubleshooter.machine';

// The step titles go through Docusaurus' translate(), which the build swaps for the page's language;
// here every title is its English message, recorded with its id to compare with the French file.
const titles = vi.hoisted(() => new Map<string, string>());
vi.mock('@docusaurus/Translate', () => ({
  translate: ({ id, message }: { id: string; message: string }) => {
    titles.set(id, message);
    return message;
  },
}));
const { troubleshooterSteps } = await import('../src/support/step-links');

// The link builder's data as a real build makes it: Docusaurus loads the site's plugins for each
// locale (the docs plugin reads the articles, the support-links plugin builds the index in
// `allContentLoaded`), with the generated files in a temporary folder.
type LoadContext = { generatedFilesDir: string };
const site = '@docusaurus/core/lib/server/site';
const plugins = '@docusaurus/core/lib/server/plugins/plugins';

async function loadIndex(locale: 'en' | 'fr', generatedFilesDir: string): Promise<LinkIndex> {
  const { loadContext } = (await import(site)) as {
    loadContext: (params: { siteDir: string; locale: string }) => Promise<LoadContext>;
  };
  const { loadPlugins } = (await import(plugins)) as {
    loadPlugins: (context: LoadContext) => Promise<unknown>;
  };
  const context = await loadContext({ siteDir: process.cwd(), locale });
  context.generatedFilesDir = generatedFilesDir;
  await loadPlugins(context);
  // The support pages import this file (the plugin's data, not global data).
  return JSON.parse(
    readFileSync(path.join(generatedFilesDir, 'support-links', 'default', LINK_INDEX_FILE), 'utf8'),
  ) as LinkIndex;
}

/** `## Title {#id}` lines outside fenced code, read plainly (not with the plugin's parser). */
function headingIdsOf(file: string): string[] {
  const ids: string[] = [];
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const match = !fenced && /^#{2,6}\s.*\{#([\w-]+)\}\s*$/.exec(line);
    if (match) ids.push(match[1]);
  }
  return ids;
}

function mdxFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? mdxFiles(dir, path.join(prefix, entry.name))
      : /\.mdx?$/.test(entry.name)
        ? [path.join(prefix, entry.name)]
        : [],
  );
}

const docId = (file: string) =>
  file
    .replace(/\.mdx?$/, '')
    .split(path.sep)
    .join('/');

describe('the support link builder', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'support-links-'));
  const indexes = {} as Record<'en' | 'fr', LinkIndex>;
  beforeAll(async () => {
    indexes.en = await loadIndex('en', path.join(tmp, 'en'));
    indexes.fr = await loadIndex('fr', path.join(tmp, 'fr'));
  }, 120_000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const sources = {
    en: 'docs',
    fr: 'i18n/fr/docusaurus-plugin-content-docs/current',
  } as const;

  for (const locale of ['en', 'fr'] as const) {
    it(`lists every article and every heading id of docs (${locale}), in the source order`, () => {
      const files = mdxFiles(sources[locale]);
      expect(files.length).toBeGreaterThanOrEqual(15);
      const articles = new Map(indexes[locale].articles.map((article) => [article.id, article]));
      expect([...articles.keys()].sort()).toEqual(files.map(docId).sort());
      for (const file of files) {
        const ids = headingIdsOf(path.join(sources[locale], file));
        expect(ids.length, file).toBeGreaterThan(0);
        expect(
          articles.get(docId(file))!.sections.map((section) => section.id),
          file,
        ).toEqual(ids);
      }
    });
  }

  it('gives each article the same path and sections in both languages, French titles in French', () => {
    const strip = (index: LinkIndex) =>
      index.articles.map((article) => ({
        id: article.id,
        path: article.path,
        sidebar: article.sidebar,
        sections: article.sections.map((section) => section.id),
      }));
    expect(strip(indexes.fr)).toEqual(strip(indexes.en));
    const title = (locale: 'en' | 'fr', id: string) =>
      indexes[locale].articles.find((article) => article.id === id)!.title;
    expect(title('en', 'workers/login/account-locked')).not.toBe(title('fr', 'workers/login/account-locked'));
  });

  it('titles a section whose heading states a rule with the rule as the page says it', () => {
    const rules = loadRules();
    const title = (locale: 'en' | 'fr') =>
      indexes[locale].articles
        .find((article) => article.id === 'workers/login/code-rejected')!
        .sections.find((section) => section.id === 'expired')!.title;
    expect(title('en')).toBe(`A code expires after ${ruleText(rules, 'code-lifetime', 'en')}`);
    expect(title('fr')).toBe(`Un code expire après ${ruleText(rules, 'code-lifetime', 'fr')}`);
  });

  it('covers every article page of the link contract, hub first', () => {
    const paths = indexes.en.articles.map((article) => article.path);
    expect(paths[0]).toBe('/docs/workers/login/');
    for (const contract of LINK_CONTRACT.filter((item) => item.startsWith('/docs/'))) {
      expect(paths).toContain(contract);
    }
  });

  it('makes one row per article and per heading, with English and French links', () => {
    const rows = buildLinkRows(indexes.en, []);
    const sections = indexes.en.articles.reduce((sum, article) => sum + article.sections.length, 0);
    expect(rows).toHaveLength(indexes.en.articles.length + sections);
    const spam = rows.find((row) => row.key === 'section:workers/login/code-not-received#check-spam')!;
    expect(localizedUrl('https://help.example.com', spam.target, 'en')).toBe(
      'https://help.example.com/docs/workers/login/code-not-received#check-spam',
    );
    expect(localizedUrl('https://help.example.com', spam.target, 'fr')).toBe(
      'https://help.example.com/fr/docs/workers/login/code-not-received#check-spam',
    );
    expect(rows.filter((row) => row.group === 'employers').map((row) => row.kind)[0]).toBe('article');
  });

  it('filters on every word, without accents or case', () => {
    const rows = buildLinkRows(indexes.fr, []);
    const found = filterRows(rows, 'DEVERROUILLAGE courriel');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((row) => /déverrouillage/i.test(`${row.title} ${row.parent}`))).toBe(true);
    expect(filterRows(rows, 'check-spam').map((row) => row.key)).toEqual([
      'section:workers/login/code-not-received#check-spam',
      'section:workers/login/confirmation-email#check-spam',
    ]);
    expect(filterRows(rows, '   ')).toHaveLength(rows.length);
    expect(filterRows(rows, 'zzz-nothing')).toEqual([]);
  });

  describe('troubleshooter steps', () => {
    /** Every state of the machine tagged 'step', read from the machine itself. */
    function stepStates(node: AnyStateNode = troubleshooterMachine().root): string[] {
      return Object.values(node.states).flatMap((child) => [
        ...(child.tags.includes('step') ? [child.key] : []),
        ...stepStates(child),
      ]);
    }
    const steps = troubleshooterSteps();
    const french = JSON.parse(readFileSync('i18n/fr/code.json', 'utf8')) as Record<
      string,
      { message: string }
    >;

    it('lists every step state of the machine, and nothing else', () => {
      const states = stepStates();
      expect(states.length).toBeGreaterThanOrEqual(30);
      expect(steps.map((step) => step.id).sort()).toEqual([...states].sort());
    });

    it('titles each step with its question, which has a French translation', () => {
      for (const step of steps) {
        expect(step.title, step.id).toBe(titles.get(`troubleshooter.step.${step.id}.title`));
        expect(french[`troubleshooter.step.${step.id}.title`]?.message, step.id).toBeTruthy();
      }
    });

    it('says where a deep link lands, as the machine really opens it', () => {
      for (const step of steps) {
        const actor = createActor(troubleshooterMachine(), { input: { step: step.id } }).start();
        expect(actor.getSnapshot().value, step.id).toBe(step.landsOn ?? step.id);
        actor.stop();
      }
      expect(steps.filter((step) => step.landsOn === null).length).toBeGreaterThan(steps.length / 2);
    });

    it('gives each step an English and a French link, with the optional channel prefill', () => {
      const rows = buildLinkRows({ articles: [] }, steps, { channel: 'email' });
      expect(rows).toHaveLength(steps.length);
      const spam = rows.find((row) => row.key === 'step:check-spam') as LinkRow;
      expect(spam.group).toBe('troubleshooter');
      expect(localizedUrl('https://help.example.com', spam.target, 'en')).toBe(
        'https://help.example.com/troubleshoot?step=check-spam&channel=email',
      );
      expect(localizedUrl('https://help.example.com', spam.target, 'fr')).toBe(
        'https://help.example.com/fr/troubleshoot?step=check-spam&channel=email',
      );
      const plain = buildLinkRows({ articles: [] }, steps);
      expect(plain.find((row) => row.key === 'step:check-spam')?.target).toBe(
        '/troubleshoot?step=check-spam',
      );
      expect(filterRows(plain, 'spam').map((row) => row.id)).toContain('check-spam');
      // The machine takes the prefill from such a link.
      const actor = createActor(troubleshooterMachine(), {
        input: { step: 'enter-contact', channel: 'sms' },
      });
      expect(actor.start().getSnapshot().context.channel).toBe('sms');
      actor.stop();
    });
  });
});
