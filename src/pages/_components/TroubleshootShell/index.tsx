/** What the troubleshooter page shows while its code loads, or when it cannot. */
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import styles from './styles.module.css';

export function Loading(): ReactNode {
  return (
    <div className={styles.shell} role="status">
      <p>
        <Translate id="troubleshooter.page.loading" description="Shown while the troubleshooter loads">
          Loading the troubleshooter…
        </Translate>
      </p>
    </div>
  );
}

export function LoadFailed({ tryAgain }: { tryAgain: () => void }): ReactNode {
  return (
    <div className={styles.shell} role="alert">
      <p>
        <Translate
          id="troubleshooter.page.loadFailed"
          description="Shown when the troubleshooter's code cannot be downloaded (offline...)"
        >
          The troubleshooter could not load: your connection may have dropped. The help articles answer the
          same questions.
        </Translate>
      </p>
      <p className={styles.actions}>
        <button type="button" className="button button--primary" onClick={tryAgain}>
          <Translate id="troubleshooter.page.retryLoad" description="Button to load the troubleshooter again">
            Try again
          </Translate>
        </button>
        <Link className="button button--secondary" to="/docs/workers/login/">
          <Translate id="troubleshooter.page.articles" description="Link to the login help articles">
            Read the login help articles
          </Translate>
        </Link>
      </p>
    </div>
  );
}
