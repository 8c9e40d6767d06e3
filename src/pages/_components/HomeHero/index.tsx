import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import SearchBar from '@theme/SearchBar';
import ServiceNotice from '@site/src/components/ServiceNotice';
import HomeIcon from '../HomeIcon';
import styles from './styles.module.css';

export default function HomeHero(): ReactNode {
  return (
    <section className={styles.hero} aria-labelledby="home-title">
      <div className={clsx('container', styles.inner)}>
        <h1 id="home-title" className={styles.title}>
          <Translate id="home.hero.title" description="Home page main heading">
            Can’t log in? Let’s get you back in.
          </Translate>
        </h1>
        <p className={styles.lead}>
          <Translate id="home.hero.lead" description="Home page: the sentence under the main heading">
            Search the help, pick your problem below, or answer a few questions and the troubleshooter will
            find the fix with you.
          </Translate>
        </p>
        {/* While messages are slow: said before anyone asks for a code. */}
        <ServiceNotice />
        <div
          className={styles.search}
          role="search"
          aria-label={translate({
            id: 'home.hero.searchLandmark',
            message: 'Search the help articles',
            description: 'Home page: accessible name of the search area of the hero',
          })}
        >
          <SearchBar />
          <p className={styles.searchHint}>
            <Translate id="home.hero.searchHint" description="Home page: examples under the search box">
              For example: code, password, locked, email
            </Translate>
          </p>
        </div>
        <div className={styles.actions}>
          <Link className={clsx('button button--primary button--lg', styles.primary)} to="/troubleshoot">
            <HomeIcon name="route" className={styles.buttonIcon} />
            <Translate
              id="home.hero.troubleshooter"
              description="Home page: main button to the troubleshooter"
            >
              Start the troubleshooter
            </Translate>
          </Link>
          <Link className={styles.secondary} to="/docs/workers/login/">
            <Translate id="home.hero.hubLink" description="Link to the workers' login hub">
              See every login problem
            </Translate>
          </Link>
        </div>
      </div>
    </section>
  );
}
