import { startTransition, useEffect, useState } from 'react';

type WindowSize = 'desktop' | 'mobile' | 'ssr';

/** Infima's breakpoint, as in the theme: the CSS switches layouts at the same width. */
const DESKTOP_BREAKPOINT = 996;

/**
 * The theme's `useWindowSize` (same answers: `ssr` while the page is server-rendered and hydrated, then
 * `desktop` or `mobile`), with the switch made as a transition. On a phone that first switch is the
 * page's largest render after hydration: the desktop sidebar and table of contents leave, the menu's
 * drawer and the sidebar's place in it come. Urgent, it ran as one blocking task (35–50 ms on the dev
 * machine, about four times that on the phone Lighthouse models); as a transition React renders it in
 * slices and the page stays responsive meanwhile.
 */
export function useWindowSize({
  desktopBreakpoint = DESKTOP_BREAKPOINT,
}: { desktopBreakpoint?: number } = {}): WindowSize {
  // Constant on the server and during hydration, or the hydrated markup would not match.
  const [windowSize, setWindowSize] = useState<WindowSize>('ssr');
  useEffect(() => {
    const update = () => {
      const next = window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile';
      startTransition(() => setWindowSize(next));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [desktopBreakpoint]);
  return windowSize;
}
