import { matchRoutes } from 'react-router-config';
import routes from '@generated/routes';
import routesChunkNames from '@generated/routesChunkNames';
import flat from '@docusaurus/core/lib/client/flat';
import prefetchFile from '@docusaurus/core/lib/client/prefetch';
import preloadRoute from '@docusaurus/core/lib/client/preload';

// Injected by Docusaurus into the bundle's runtime: the URL of a chunk by its name.
declare const __webpack_require__: { gca(chunkName: string): string | undefined };

const fetchedRoutes = new Set<string>();
const loadedRoutes = new Set<string>();
const fetchedFiles = new Set<string>();

const isSlowConnection = () => {
  const connection = (navigator as { connection?: { effectiveType?: string; saveData?: boolean } })
    .connection;
  return Boolean(connection?.effectiveType?.includes('2g') || connection?.saveData);
};

/** The chunks of each route, by its path without the route hash (`/docs/x-3f2` → `/docs/x`): built once. */
let chunksByRoute: Map<string, string[]> | null = null;
function chunksOf(routePath: string): string[] {
  if (!chunksByRoute) {
    chunksByRoute = new Map();
    for (const [nameWithHash, chunks] of Object.entries(routesChunkNames)) {
      const key = nameWithHash.replace(/-[^-]+$/, '');
      chunksByRoute.set(key, [
        ...(chunksByRoute.get(key) ?? []),
        ...Object.values(flat(chunks) as Record<string, string>),
      ]);
    }
  }
  return chunksByRoute.get(routePath) ?? [];
}

/** Work the page does not wait for, a piece at a time while the browser is idle. */
const idleWork: (() => void)[] = [];
function whenIdle(work: () => void): void {
  idleWork.push(work);
  if (idleWork.length > 1) return;
  const run = (deadline?: IdleDeadline) => {
    try {
      do idleWork.shift()!();
      while (idleWork.length > 0 && deadline && deadline.timeRemaining() > 2);
    } finally {
      // A piece that throws is reported as any error is, and the rest still runs.
      if (idleWork.length > 0) schedule();
    }
  };
  const schedule = () =>
    window.requestIdleCallback ? window.requestIdleCallback(run) : window.setTimeout(run, 50);
  schedule();
}

/**
 * Docusaurus's `window.docusaurus` (core's `client/docusaurus.js`): `preload` as it is; `prefetch` (a link
 * scrolled into view fetches its route's chunks ahead of a click) waits for idle time and asks for each file
 * once. The original, at once in the callback of every link that appears, matched the route table and
 * scanned every route's chunk list per link, and appended a `<link rel="prefetch">` per chunk of each
 * route: on an article on a phone, 172 of them for 18 distinct files, in two tasks of 10–20 ms (dev machine,
 * four times that on Lighthouse's phone) right after hydration.
 */
const prefetch = (routePath: string): false | Promise<void[]> => {
  if (isSlowConnection() || loadedRoutes.has(routePath) || fetchedRoutes.has(routePath)) return false;
  fetchedRoutes.add(routePath);
  return new Promise((resolve) =>
    whenIdle(() => {
      const files = matchRoutes(routes, routePath)
        .flatMap((match) => chunksOf(match.route.path!))
        .map((chunk) => __webpack_require__.gca(chunk))
        .filter((file): file is string => {
          // Nested routes share chunks: each file once, for this route as for the ones before.
          if (!file || file.includes('undefined') || fetchedFiles.has(file)) return false;
          fetchedFiles.add(file);
          return true;
        });
      resolve(Promise.all(files.map((file) => prefetchFile(file))));
    }),
  );
};

const preload = (routePath: string): false | Promise<void[]> => {
  if (isSlowConnection() || loadedRoutes.has(routePath)) return false;
  loadedRoutes.add(routePath);
  return preloadRoute(routePath);
};

export default Object.freeze({ prefetch, preload });
