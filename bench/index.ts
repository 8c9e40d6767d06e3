/**
 * `npm run bench`: performance figures of the whole product in one report. Not part of the tests.
 *
 *   npm run bench                                   every section, in order
 *   npm run bench -- --only=assets,lighthouse       some sections
 *   npm run bench -- --skip=lighthouse
 *   npm run bench -- --no-build                     use build/ as it is, even if stale
 *   npm run bench -- --help
 *
 * Each section is a module exporting a `Section` (bench/types.ts); the report goes to stdout, progress to
 * stderr. Figures below their targets print FAIL but the exit code stays 0: the bench measures, the tests judge.
 * The exit code is 1 only when a section could not measure at all.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStaleness, cleanupAll, responseFloorMs, runCommand } from './lib';
import { LIGHTHOUSE_DEFAULTS } from './lighthouse-runs';
import { PROBE_PAIRS } from './storm';
import type { BenchContext, Section, SectionReport } from './types';

interface SectionEntry {
  name: string;
  title: string;
  /** Needs build/ up to date. */
  needsBuild: boolean;
  load?: () => Promise<Section>;
  /** Why a planned section cannot run yet. */
  pending?: string;
}
// A section that cannot run yet gets `pending: 'why'` instead of `load`; the report says so.

const SECTIONS: SectionEntry[] = [
  {
    name: 'api',
    title: 'API under load (autocannon)',
    needsBuild: true, // npm start serves the site too
    load: async () => (await import('./api')).api,
  },
  {
    name: 'storm',
    title: 'a login storm: overload, pages first, the timing of what follows a help request',
    needsBuild: true,
    load: async () => (await import('./storm')).storm,
  },
  {
    name: 'timing',
    title: 'help-requests response time, known vs unknown contacts',
    needsBuild: false,
    load: async () => {
      const { formatTiming, measureHelpRequests } = await import('./help-request-timing');
      return {
        async run() {
          const lines: string[] = [];
          // The floor the servers use, then none: what the floor hides. The judged figure is the
          // storm's timing probe; these say how much the floor pads.
          for (const floorMs of [responseFloorMs(), 0])
            lines.push(formatTiming(await measureHelpRequests(floorMs)), '');
          return { lines, checks: [] };
        },
      };
    },
  },
  {
    name: 'assets',
    title: 'JS and CSS per page (budgets)',
    needsBuild: true,
    load: async () => (await import('./assets')).assets,
  },
  {
    name: 'lighthouse',
    title: 'Lighthouse, mobile and desktop',
    needsBuild: true,
    load: async () => (await import('./lighthouse')).lighthouse,
  },
];

const HELP = `npm run bench -- [options]
  --only=a,b              run only these sections (${SECTIONS.map((s) => s.name).join(', ')})
  --skip=a,b              run all sections but these
  --no-build              use build/ as it is (default: rebuild when missing or older than the sources)
 api:
  --api-duration=S        seconds per target (default 10)  --api-connections=N (default 50)
 storm:
  --storm-duration=S      seconds of each load (default 10)  --storm-connections=N (overload, default 600)
  --probe-pairs=N         timing-probe pairs of each kind (default ${PROBE_PAIRS})
 lighthouse:
  --presets=mobile,desktop  --pages=home,article,troubleshoot  --langs=en,fr
  --runs=N                median of N runs per page (default ${LIGHTHOUSE_DEFAULTS.runs.mobile} mobile, ${LIGHTHOUSE_DEFAULTS.runs.desktop} desktop)
  --lighthouse-budget=S   seconds for all Lighthouse runs (default ${LIGHTHOUSE_DEFAULTS.budgetS})
  --reuse                 report from the JSON saved by the last run (bench-results/lighthouse/), run nothing
  --lighthouse-url=URL    measure the server at URL instead of starting one
 environment: CHROME_PATH (default /usr/bin/chromium)`;

function parseOptions(argv: string[]): Map<string, string> {
  const options = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument ${arg}\n${HELP}`);
    options.set(match[1], match[2] ?? 'true');
  }
  return options;
}

function names(value: string | undefined, option: string): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((v) => v.trim());
  const unknown = list.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(
      `--${option}: unknown section ${unknown.join(', ')} (known: ${SECTIONS.map((s) => s.name).join(', ')})`,
    );
  }
  return list;
}

function gitRevision(root: string): string {
  try {
    const rev = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${rev} (with uncommitted changes)` : rev;
  } catch {
    return 'unknown revision';
  }
}

const rule = (title: string) => `\n== ${title} ${'='.repeat(Math.max(3, 100 - title.length))}`;

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const options = parseOptions(process.argv.slice(2));
  if (options.has('help')) {
    console.log(HELP);
    return 0;
  }
  const only = names(options.get('only'), 'only');
  const skip = names(options.get('skip'), 'skip') ?? [];
  const selected = SECTIONS.filter((s) => (only ? only.includes(s.name) : true) && !skip.includes(s.name));

  const context: BenchContext = {
    root,
    options,
    progress: (message) => process.stderr.write(`  … ${message}\n`),
  };
  const started = Date.now();
  console.log(
    `Bench of ${gitRevision(root)} · Node ${process.version} · ${availableParallelism()} CPUs · ` +
      `load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} · ${new Date().toISOString()}`,
  );

  if (selected.some((s) => s.needsBuild && s.load) && !options.has('no-build')) {
    const why = await buildStaleness(root);
    if (why) {
      context.progress(`building the site: ${why}`);
      await runCommand('npm', ['run', 'build', '--silent'], root);
    }
  }

  const summary: { name: string; report?: SectionReport; error?: string; pending?: string }[] = [];
  for (const entry of selected) {
    console.log(rule(`${entry.name}: ${entry.title}`));
    if (!entry.load) {
      console.log(`NOT RUN: ${entry.pending}`);
      summary.push({ name: entry.name, pending: entry.pending });
      continue;
    }
    const t0 = Date.now();
    try {
      const report = await (await entry.load()).run(context);
      console.log(report.lines.join('\n'));
      if (report.notRun?.length)
        console.log(['', 'Not run:', ...report.notRun.map((n) => `  ${n}`)].join('\n'));
      console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
      summary.push({ name: entry.name, report });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.log(`ERROR: ${message}`);
      summary.push({ name: entry.name, error: message.split('\n')[0] });
      await cleanupAll();
    }
  }

  console.log(rule('summary'));
  for (const s of summary) {
    if (s.pending) console.log(`${s.name}: not run (${s.pending})`);
    else if (s.error) console.log(`${s.name}: ERROR (${s.error})`);
    else if (s.report) {
      const failed = s.report.checks.filter((c) => !c.pass);
      const notRun = s.report.notRun?.length ?? 0;
      console.log(
        `${s.name}: ${s.report.checks.length ? `${s.report.checks.length - failed.length}/${s.report.checks.length} targets met` : 'measured, no targets'}` +
          (notRun ? `, ${notRun} measurement(s) not run` : '') +
          (failed.length ? ':' : ''),
      );
      // One line per kind of figure (`JS br`, `performance`...): the pages that miss it and by how much.
      const kinds = new Map<string, typeof failed>();
      for (const c of failed) {
        const [where, kind = ''] = c.label.split(' · ');
        const key = `${kind} (target ${c.target})`;
        kinds.set(key, [...(kinds.get(key) ?? []), { ...c, label: where }]);
      }
      for (const [kind, checks] of kinds) {
        console.log(`  FAIL ${kind}: ${checks.map((c) => `${c.label} ${c.actual}`).join(', ')}`);
      }
    }
  }
  console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return summary.some((s) => s.error) ? 1 : 0;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\nbench: ${signal}, stopping what it started…\n`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

main()
  .then(async (code) => {
    await cleanupAll();
    process.exitCode = code;
  })
  .catch(async (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? error.message : error);
    await cleanupAll();
    process.exitCode = 1;
  });
