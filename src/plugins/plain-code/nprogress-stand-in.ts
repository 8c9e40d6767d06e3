/**
 * The route-change progress bar, in the few lines the theme uses of `nprogress` (configure,
 * start, done) instead of the whole library on every page. Same markup as nprogress, so the
 * theme's own CSS (`#nprogress .bar`) draws it.
 */
let root: HTMLElement | null = null;

interface Progress {
  configure(): Progress;
  start(): void;
  done(): void;
}

const progress: Progress = {
  configure() {
    return progress;
  },
  start() {
    if (root || typeof document === 'undefined') return;
    root = document.createElement('div');
    root.id = 'nprogress';
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'bar');
    bar.style.transform = 'translate3d(-100%,0,0)';
    root.appendChild(bar);
    document.body.appendChild(root);
    // Runs most of the way slowly, as nprogress trickles, until `done`.
    requestAnimationFrame(() => {
      bar.style.transition = 'transform 10s cubic-bezier(0.1, 0.7, 0.2, 1)';
      bar.style.transform = 'translate3d(-10%,0,0)';
    });
  },
  done() {
    const current = root;
    if (!current) return;
    root = null;
    const bar = current.firstElementChild as HTMLElement;
    bar.style.transition = 'transform 200ms ease, opacity 300ms ease 200ms';
    bar.style.transform = 'translate3d(0,0,0)';
    bar.style.opacity = '0';
    setTimeout(() => current.remove(), 500);
  },
};

export default progress;
