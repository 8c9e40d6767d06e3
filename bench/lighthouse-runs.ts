/**
 * Running Lighthouse once and reading its result: scores, the metrics the bench prints, the
 * script bytes a page loads, and what cost points (for the "lighthouse" section).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Flags, Result } from 'lighthouse';
import { freePort, registerCleanup, startAppServer, startServer, type RunningServer } from './lib';
import type { PageId } from './assets';
import type { BenchContext } from './types';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const SHORT: Record<Category, string> = {
  performance: 'perf',
  accessibility: 'a11y',
  'best-practices': 'bp',
  seo: 'seo',
};

/** Targets from the issue: mobile performance ≥ 95 (desktop held to the same), the rest 100. */
export const TARGETS: Record<Category, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
};

/** The issue's figures beside the scores: mobile blocking time, no layout shift, an article's JS. */
export const METRIC_TARGETS = { mobileTbtMs: 150, articleJsKiB: 130 };

export const PRESETS = ['mobile', 'desktop'] as const;
export type Preset = (typeof PRESETS)[number];

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
export const FIRST_RUN_ESTIMATE_S = 40;

/**
 * Runs per page, and the seconds all of them may take. One mobile run of the same build on this machine
 * gave a blocking time anywhere from 36 to 311 ms (the VM deschedules Chrome's main thread, and Lighthouse
 * scales what it measured by the throttling's CPU factor): Lighthouse's guide to variability takes the
 * median of five runs, which it says halves the spread. Five of each mobile row, three of each desktop one
 * (always 100 here): 48 runs, ~9 minutes on this machine.
 */
export const LIGHTHOUSE_DEFAULTS = { runs: { mobile: 5, desktop: 3 }, budgetS: 900 };
export const RUN_TIMEOUT_MS = 120_000;

export interface Loss {
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

export interface RunResult {
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
  /** The blocking time of every run of the row (the row shows the median run), or why a run gave none. */
  tbtRuns?: (number | string)[];
}

export function list<T extends string>(value: string | undefined, all: readonly T[], option: string): T[] {
  if (!value) return [...all];
  const wanted = value.split(',').map((v) => v.trim());
  const unknown = wanted.filter((v) => !all.includes(v as T));
  if (unknown.length > 0)
    throw new Error(`--${option}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return wanted as T[];
}

/** Audits that cost points in a category, and for performance the insights behind lost metric points. */
export function lossesOf(lhr: Result): Loss[] {
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

export function numeric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? NaN;
}

interface NetworkItem {
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

export function scriptBytes(lhr: Result): { requests: number; transfer: number; resource: number } {
  const details = lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined;
  const scripts = (details?.items ?? []).filter((item) => item.resourceType === 'Script');
  return {
    requests: scripts.length,
    transfer: scripts.reduce((sum, s) => sum + (s.transferSize ?? 0), 0),
    resource: scripts.reduce((sum, s) => sum + (s.resourceSize ?? 0), 0),
  };
}

export async function runLighthouse(
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
export function summarizeRun(run: RunResult, lhr: Result): void {
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

export function median(runs: RunResult[]): RunResult {
  const ok = runs.filter((r) => r.scores?.performance != null);
  if (ok.length === 0) return runs[runs.length - 1];
  ok.sort((a, b) => (a.scores!.performance ?? 0) - (b.scores!.performance ?? 0));
  return ok[Math.floor((ok.length - 1) / 2)];
}

export async function startSite(context: BenchContext): Promise<RunningServer> {
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
