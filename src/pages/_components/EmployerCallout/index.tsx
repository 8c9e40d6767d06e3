import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import HomeIcon from '../HomeIcon';
import styles from './styles.module.css';

/** The way in for managers and administrators, who land here looking for the employer-side articles. */
export default function EmployerCallout(): ReactNode {
  return (
    <section className={styles.band} aria-labelledby="home-employers">
      <div className={clsx('container', styles.inner)}>
        <HomeIcon name="building" className={styles.icon} />
        <div className={styles.body}>
          <h2 id="home-employers" className={styles.title}>
            <Translate id="home.employers.title" description="Home page: heading of the employers' call-out">
              Helping a worker who can’t log in?
            </Translate>
          </h2>
          <p className={styles.text}>
            <Translate id="home.employers.body" description="Home page: text of the employers' call-out">
              Managers and administrators: check the worker’s contact details, resend the invitation or issue
              a temporary access code.
            </Translate>
          </p>
        </div>
        <Link className="button button--secondary button--lg" to="/docs/employers/worker-cannot-log-in">
          <Translate id="home.employers.link" description="Home page: button to the employers' guide">
            Read the employer guide
          </Translate>
        </Link>
      </div>
    </section>
  );
}
