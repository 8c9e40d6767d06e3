/**
 * Section "lighthouse": Lighthouse scores (performance, accessibility, best practices, SEO) of the three pages in
 * both languages, mobile and desktop presets, served by the production server (`npm start`), one fresh Chrome per
 * run. Full reports go to bench-results/lighthouse/ (JSON and HTML) for whoever fixes what they find.
 *
 * Options: --presets=mobile,desktop  --pages=home,article,troubleshoot  --langs=en,fr  --runs=1 (median of N)
 *          --lighthouse-budget=330 (seconds for all runs; runs that would not fit are reported as not run)
 *          --reuse (report from the JSON files saved by the last run; starts nothing)
 *          --lighthouse-url=http://host:port (measure that server instead of starting one)
 * Environment: CHROME_PATH (default /usr/bin/chromium).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Flags, Result } from 'lighthouse';
import {
  freePort,
  kib,
  registerCleanup,
  startAppServer,
  startServer,
  table,
  type RunningServer,
} from './lib';
import { LOCALES, PAGES, type PageId } from './assets';
import type { BenchContext, Check, Section, SectionReport } from './types';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

/** Targets from the issue: mobile performance ≥ 95 (desktop held to the same), the rest 100. */
const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

const PRESETS = ['mobile', 'desktop'] as const;
type Preset = (typeof PRESETS)[number];

const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A run takes ~15 s on an idle 2-core machine, up to ~50 s on a busy one. */
const FIRST_RUN_ESTIMATE_S = 40;
const RUN_TIMEOUT_MS = 120_000;

interface Loss {
  category: Category;
  id: string;
  title: string;
  score: number;
  displayValue: string;
  /** Score points this audit costs the category (0 for performance diagnostics, which explain the metrics). */
  points: number;
  /** A few of the elements or URLs it flags, to find them in the site. */
  examples: string[];
}

interface RunResult {
  preset: Preset;
  page: PageId;
  locale: string;
  url: string;
  seconds: number;
  scores?: Record<Category, number | null>;
  metrics?: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  js?: { requests: number; transfer: number; resource: number };
  benchmarkIndex?: number;
  load: number;
  losses: Loss[];
  error?: string;
}

function list<T extends string>(value: string | undefined, all: readonly T[], option: string): T[] {
  if (!value) return [...all];
  const wanted = value.split(',').map((v) => v.trim());
  const unknown = wanted.filter((v) => !all.includes(v as T));
  if (unknown.length > 0)
    throw new Error(`--${option}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return wanted as T[];
}

/** Audits that cost points in a category, and for performance the insights behind lost metric points. */
function lossesOf(lhr: Result): Loss[] {
  const losses: Loss[] = [];
  for (const category of CATEGORIES) {
    const cat = lhr.categories[category];
    if (!cat) continue;
    const totalWeight = cat.auditRefs.reduce((sum, ref) => sum + ref.weight, 0) || 1;
    for (const ref of cat.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      const weighted = ref.weight > 0;
      // Metrics: anything below green (0.9) is worth reporting; other audits: anything below a pass.
      const threshold = weighted && category === 'performance' ? 0.9 : 1;
      if (audit.score >= threshold) continue;
      losses.push({
        category,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue ?? '',
        points: weighted ? (100 * ref.weight * (1 - audit.score)) / totalWeight : 0,
        examples: examplesOf(audit.details),
      });
    }
  }
  return losses;
}

interface DetailItem {
  node?: { selector?: string; explanation?: string; nodeLabel?: string };
  url?: string;
}

/** Up to three flagged elements (`selector: why`) or URL paths from an audit's details. */
function examplesOf(details: unknown): string[] {
  const raw = (details as { items?: unknown } | undefined)?.items;
  const items = (Array.isArray(raw) ? (raw as DetailItem[]) : []).slice(0, 20);
  const examples = new Set<string>();
  for (const item of items) {
    if (item.node?.selector) {
      const why = (item.node.explanation ?? '').split('\n').pop()?.trim() ?? '';
      const contrast = /contrast of ([\d.]+) \(foreground color: (#\w+), background color: (#\w+)/.exec(why);
      const reason = contrast
        ? `contrast ${contrast[1]}:1, ${contrast[2]} on ${contrast[3]}`
        : why.slice(0, 100);
      examples.add(`${item.node.selector}${reason ? ` (${reason})` : ''}`);
    } else if (typeof item.url === 'string' && item.url) {
      try {
        examples.add(new URL(item.url).pathname);
      } catch {
        examples.add(item.url);
      }
    }
    if (examples.size >= 3) break;
  }
  return [...examples];
}

function numeric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? NaN;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

function scriptBytes(lhr: Result): { requests: number; transfer: number; resource: number } {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined;
  const scripts = (details?.items ?? []).filter((item) => item.resourceType === 'Script');
  return {
    requests: scripts.length,
    transfer: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
    resource: scripts.reduce((sum, s) => sum + (s.resourceSize ?? 0), 0),
  };
}

async function runLighthouse(
  url: string,
  preset: Preset,
  chromePath: string,
): Promise<{ lhr: Result; html: string }> {
  // Imported at run time on purpose: tsx would otherwise compile Lighthouse to CommonJS and wrap its functions
  // in esbuild's `__name` helper, which then breaks the functions Lighthouse evaluates inside the page.
  const [{ default: lighthouse, desktopConfig, generateReport }, chromeLauncher] = await Promise.all([
    import('lighthouse'),
    import('chrome-launcher'),
  ]);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: CHROME_FLAGS,
    handleSIGINT: false,
    logLevel: 'silent',
  });
  const unregister = registerCleanup(() => chrome.kill());
  const timer = setTimeout(() => chrome.kill(), RUN_TIMEOUT_MS);
  try {
    const flags: Flags = {
      port: chrome.port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: [...CATEGORIES],
      disableFullPageScreenshot: true,
      maxWaitForLoad: 45_000,
    };
    const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error('Lighthouse returned no result');
    return { lhr: result.lhr, html: generateReport(result.lhr, 'html') };
  } finally {
    clearTimeout(timer);
    unregister();
    chrome.kill();
  }
}

/** Fills a run's figures from its Lighthouse result. */
function summarizeRun(run: RunResult, lhr: Result): void {
  if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  run.scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : lhr.categories[c].score! * 100]),
  ) as Record<Category, number | null>;
  run.metrics = {
    fcp: numeric(lhr, 'first-contentful-paint'),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    si: numeric(lhr, 'speed-index'),
  };
  run.js = scriptBytes(lhr);
  run.benchmarkIndex = lhr.environment.benchmarkIndex;
  run.losses = lossesOf(lhr);
}

function median(runs: RunResult[]): RunResult {
  const ok = runs.filter((r) => r.scores?.performance != null);
  if (ok.length === 0) return runs[runs.length - 1];
  ok.sort((a, b) => (a.scores!.performance ?? 0) - (b.scores!.performance ?? 0));
  return ok[Math.floor((ok.length - 1) / 2)];
}

async function startSite(context: BenchContext): Promise<RunningServer> {
  if (existsSync(path.join(context.root, 'server', 'index.ts'))) return startAppServer(context.root);
  // Before the API server existed: the static server of Docusaurus (no compression, no cache headers).
  const port = await freePort();
  return startServer({
    command: path.join(context.root, 'node_modules', '.bin', 'docusaurus'),
    args: ['serve', '--port', String(port), '--host', '127.0.0.1', '--no-open'],
    cwd: context.root,
    readyUrl: `http://127.0.0.1:${port}/`,
    timeoutMs: 60_000,
    description: `docusaurus serve on 127.0.0.1:${port} (fallback: server/index.ts not there)`,
  });
}

export const lighthouse: Section = {
  async run(context: BenchContext): Promise<SectionReport> {
    const { options } = context;
    const presets = list(options.get('presets'), PRESETS, 'presets');
    const pages = list(
      options.get('pages'),
      PAGES.map((p) => p.id),
      'pages',
    );
    const langs = list(
      options.get('langs'),
      LOCALES.map((l) => l.id),
      'langs',
    );
    // --reuse: report from the JSON saved by the last run instead of running Lighthouse (no server, no Chrome).
    const reuse = options.has('reuse');
    const repeat = reuse ? 1 : Math.max(1, Number(options.get('runs') ?? 1) || 1);
    const budgetS = Number(options.get('lighthouse-budget') ?? 330) || 330;
    const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
    if (!existsSync(chromePath)) throw new Error(`no Chrome at ${chromePath}; set CHROME_PATH`);
    const outDir = path.join(context.root, 'bench-results', 'lighthouse');
    await mkdir(outDir, { recursive: true });

    const plan: { preset: Preset; page: (typeof PAGES)[number]; locale: (typeof LOCALES)[number] }[] = [];
    // Mobile first: it is the hard target, and comes first if the time budget cuts the list short.
    for (const preset of presets)
      for (const locale of LOCALES.filter((l) => langs.includes(l.id)))
        for (const page of PAGES.filter((p) => pages.includes(p.id))) plan.push({ preset, page, locale });

    // --lighthouse-url: measure a server that is already running (a staging host, a proxy in front of npm start).
    const given = options.get('lighthouse-url');
    if (!reuse && !given) context.progress('lighthouse: starting the server');
    const server: RunningServer = reuse
      ? { url: 'http://127.0.0.1', description: `none: --reuse of ${outDir}`, stop: async () => {} }
      : given
        ? {
            url: new URL(given).origin,
            description: `${new URL(given).origin} (given)`,
            stop: async () => {},
          }
        : await startSite(context);
    const started = Date.now();
    const results: RunResult[] = [];
    const notRun: string[] = [];
    const durations: number[] = [];
    try {
      for (const { preset, page, locale } of plan) {
        // The page's canonical URL (the French home is `/fr/`): no redirect to measure.
        const sitePath = `${locale.prefix}${page.path}`;
        const url = `${server.url}${sitePath}`;
        const label = `${preset} ${locale.id} ${page.id}`;
        const attempts: RunResult[] = [];
        for (let i = 0; i < repeat; i++) {
          const estimate = durations.length
            ? durations.reduce((a, b) => a + b, 0) / durations.length
            : FIRST_RUN_ESTIMATE_S;
          const elapsed = (Date.now() - started) / 1000;
          if (elapsed + estimate > budgetS) break;
          context.progress(
            `lighthouse: ${label}${repeat > 1 ? ` #${i + 1}` : ''} (${Math.round(elapsed)} s of ${budgetS} s)`,
          );
          const t0 = Date.now();
          const run: RunResult = {
            preset,
            page: page.id,
            locale: locale.id,
            url: sitePath,
            seconds: 0,
            load: reuse ? NaN : loadavg()[0],
            losses: [],
          };
          try {
            const base = `${preset}-${locale.id}-${page.id}`;
            let lhr: Result;
            if (reuse) {
              lhr = JSON.parse(await readFile(path.join(outDir, `${base}.json`), 'utf8')) as Result;
            } else {
              let fresh: Awaited<ReturnType<typeof runLighthouse>>;
              try {
                fresh = await runLighthouse(url, preset, chromePath);
              } catch (error) {
                // A trace Chrome failed to record (NO_NAVSTART, NO_FCP...) says nothing about the
                // page: one more try before the row is reported as not run.
                const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
                context.progress(`lighthouse: ${label} again (${reason})`);
                fresh = await runLighthouse(url, preset, chromePath);
              }
              lhr = fresh.lhr;
              // Saved before anything reads it: a report is never lost to a bug further down.
              await writeFile(path.join(outDir, `${base}.json`), JSON.stringify(lhr));
              await writeFile(path.join(outDir, `${base}.html`), fresh.html);
            }
            summarizeRun(run, lhr);
          } catch (error) {
            run.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
          }
          run.seconds = (Date.now() - t0) / 1000;
          durations.push(run.seconds);
          attempts.push(run);
        }
        if (attempts.length === 0) notRun.push(`${label}: time budget (${budgetS} s) spent`);
        else results.push(median(attempts));
      }
    } finally {
      if (!reuse) context.progress('lighthouse: stopping the server');
      await server.stop();
    }

    return report(results, notRun, {
      server: server.description,
      outDir: path.relative(context.root, outDir),
      seconds: (Date.now() - started) / 1000,
      repeat,
    });
  },
};

/** `all runs`, `all mobile`, or `mobile: en home, fr article; desktop: fr article`. */
function compactWhere(where: string[], results: RunResult[]): string {
  if (where.length === results.length) return 'all runs';
  const parts: string[] = [];
  for (const preset of PRESETS) {
    const ofPreset = results
      .filter((r) => r.preset === preset)
      .map((r) => `${r.preset} ${r.locale} ${r.page}`);
    const hit = where.filter((w) => w.startsWith(`${preset} `));
    if (hit.length === 0) continue;
    parts.push(
      hit.length === ofPreset.length
        ? `all ${preset}`
        : `${preset}: ${hit.map((w) => w.slice(preset.length + 1)).join(', ')}`,
    );
  }
  return parts.join('; ');
}

function report(
  results: RunResult[],
  notRun: string[],
  info: { server: string; outDir: string; seconds: number; repeat: number },
): SectionReport {
  const checks: Check[] = [];
  const rows: string[][] = [];
  for (const r of results) {
    if (r.error || !r.scores || !r.metrics || !r.js) {
      notRun.push(`${r.preset} ${r.locale} ${r.page}: ${r.error ?? 'no result'}`);
      continue;
    }
    const failed: string[] = [];
    for (const c of CATEGORIES) {
      const score = r.scores[c];
      const pass = score !== null && Math.round(score) >= TARGETS[c];
      if (!pass) failed.push(SHORT[c]);
      checks.push({
        label: `${r.preset} ${r.locale} ${r.page} · ${c}`,
        actual: score === null ? 'n/a' : String(Math.round(score)),
        target: TARGETS[c] === 100 ? '= 100' : `≥ ${TARGETS[c]}`,
        pass,
      });
    }
    rows.push([
      r.preset,
      r.locale,
      r.page,
      ...CATEGORIES.map((c) => (r.scores![c] === null ? 'n/a' : String(Math.round(r.scores![c]!)))),
      (r.metrics.fcp / 1000).toFixed(2),
      (r.metrics.lcp / 1000).toFixed(2),
      Math.round(r.metrics.tbt).toString(),
      r.metrics.cls.toFixed(3),
      `${r.js.requests}`,
      kib(r.js.transfer),
      String(r.benchmarkIndex ?? ''),
      Number.isNaN(r.load) ? '-' : r.load.toFixed(1),
      failed.length === 0 ? 'PASS' : `FAIL (${failed.join(', ')})`,
    ]);
  }

  const lines = [
    `Server: ${info.server}. One Chrome per run; ${info.repeat > 1 ? `median of ${info.repeat} runs` : '1 run'} per ` +
      `row; ${Math.round(info.seconds)} s. Targets: performance ≥ ${TARGETS.performance}, accessibility, best ` +
      'practices and SEO = 100.',
    '',
    ...table(
      [
        'preset',
        'lang',
        'page',
        'perf',
        'a11y',
        'bp',
        'seo',
        'FCP s',
        'LCP s',
        'TBT ms',
        'CLS',
        'JS req',
        'JS KiB',
        'bench',
        'load',
        'result',
      ],
      rows,
    ),
    '',
    'JS KiB: all scripts transferred (route chunks included), as sent on the wire. bench: Lighthouse ' +
      'benchmarkIndex of the machine; load: 1-min load average at the start of the run.',
  ];
  const indexes = results.map((r) => r.benchmarkIndex).filter((b): b is number => typeof b === 'number');
  if (indexes.length > 0 && Math.min(...indexes) < 1000) {
    lines.push(
      `Note: benchmarkIndex went down to ${Math.min(...indexes)} (a typical laptop scores 1500+): the CPU was slow ` +
        'or busy, which inflates TBT and LCP under mobile throttling; compare performance on an idle machine.',
    );
  }

  // Every audit that costs points, across runs, most expensive first.
  const byAudit = new Map<
    string,
    { loss: Loss; where: string[]; maxPoints: number; values: Set<string>; examples: Set<string> }
  >();
  for (const r of results) {
    for (const loss of r.losses) {
      const key = `${loss.category} ${loss.id}`;
      const entry = byAudit.get(key) ?? {
        loss,
        where: [],
        maxPoints: 0,
        values: new Set<string>(),
        examples: new Set<string>(),
      };
      entry.where.push(`${r.preset} ${r.locale} ${r.page}`);
      entry.maxPoints = Math.max(entry.maxPoints, loss.points);
      if (loss.displayValue) entry.values.add(loss.displayValue);
      for (const example of loss.examples) entry.examples.add(example);
      byAudit.set(key, entry);
    }
  }
  const entries = [...byAudit.values()].sort(
    (a, b) =>
      CATEGORIES.indexOf(a.loss.category) - CATEGORIES.indexOf(b.loss.category) ||
      b.maxPoints - a.maxPoints ||
      b.where.length - a.where.length,
  );
  const describe = (e: (typeof entries)[number], suffix = '') => {
    const where = compactWhere(e.where, results);
    const values = [...e.values].slice(0, 3).join(' / ');
    const head = `  ${e.loss.id} — ${e.loss.title}${values ? ` (${values})` : ''} [${where}]${suffix}`;
    return [head, ...[...e.examples].slice(0, 4).map((x) => `      e.g. ${x}`)].join('\n');
  };
  const costing = entries.filter((e) => e.maxPoints > 0);
  const explaining = entries.filter((e) => e.maxPoints === 0);
  lines.push('');
  if (costing.length === 0) {
    lines.push('No audit costs points.');
  } else {
    lines.push('Audits that cost points (−N: most points the audit costs one page in its category):');
    let current = '';
    for (const e of costing) {
      if (e.loss.category !== current) {
        current = e.loss.category;
        lines.push(` ${current}:`);
      }
      lines.push(describe(e, ` −${e.maxPoints.toFixed(1)}`));
    }
  }
  if (explaining.length > 0) {
    lines.push('', 'Failing insights and diagnostics without weight (they explain the metrics above):');
    for (const e of explaining) {
      lines.push(
        e.loss.category === 'performance'
          ? describe(e)
          : describe(e).replace(/^ {2}/, `  [${e.loss.category}] `),
      );
    }
  }
  lines.push('', `Full reports: ${info.outDir}/<preset>-<lang>-<page>.html (and .json).`);
  return { lines, checks, notRun };
}
