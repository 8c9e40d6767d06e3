import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import { COMMON_PROBLEMS, TROUBLESHOOTER_PATH } from '@site/src/search/common-problems';
import HomeIcon, { type IconName } from '../HomeIcon';
import styles from './styles.module.css';

interface Problem {
  icon: IconName;
  title: ReactNode;
  description: ReactNode;
}

// The six problems workers meet most (src/search/common-problems.ts: a search that finds
// nothing offers the same ones), in the order they meet them: the code first, then passwords.
const cards: Record<(typeof COMMON_PROBLEMS)[number], Problem> = {
  'workers/login/code-not-received': {
    icon: 'message',
    title: (
      <Translate id="home.problems.codeNotReceived.title" description="Home card: the code does not arrive">
        I didn’t get my code
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.codeNotReceived.description"
        description="Home card: the code does not arrive, one line"
      >
        The text message or email with your login code hasn’t arrived.
      </Translate>
    ),
  },
  'workers/login/code-rejected': {
    icon: 'clock',
    title: (
      <Translate
        id="home.problems.codeRejected.title"
        description="Home card: the code is refused or expired"
      >
        My code is refused or expired
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.codeRejected.description"
        description="Home card: the code is refused or expired, one line"
      >
        Each code works once, for a limited time, and only the newest one counts.
      </Translate>
    ),
  },
  'workers/login/email-login': {
    icon: 'mail',
    title: (
      <Translate id="home.problems.emailLogin.title" description="Home card: no North American phone number">
        I don’t have a North American phone
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.emailLogin.description"
        description="Home card: no North American phone number, one line"
      >
        Get your login code by email instead of a text message.
      </Translate>
    ),
  },
  'workers/login/forgot-password': {
    icon: 'key',
    title: (
      <Translate id="home.problems.forgotPassword.title" description="Home card: forgot password">
        I forgot my password
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.forgotPassword.description"
        description="Home card: forgot password, one line"
      >
        Reset it by email, or ask for a temporary access code if you have no work email.
      </Translate>
    ),
  },
  'workers/login/account-locked': {
    icon: 'lock',
    title: (
      <Translate id="home.problems.accountLocked.title" description="Home card: account locked">
        My account is locked
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.accountLocked.description"
        description="Home card: account locked, one line"
      >
        Too many failed attempts: unlock it with the emailed unlock link, or ask for a new one.
      </Translate>
    ),
  },
  'workers/login/invalid-credentials': {
    icon: 'user',
    title: (
      <Translate
        id="home.problems.invalidCredentials.title"
        description="Home card: the 'invalid user or password' message"
      >
        “Invalid user or password”
      </Translate>
    ),
    description: (
      <Translate
        id="home.problems.invalidCredentials.description"
        description="Home card: the 'invalid user or password' message, one line"
      >
        Check whether you log in with a username, then reset your password.
      </Translate>
    ),
  },
};

export default function CommonProblems(): ReactNode {
  return (
    <section className={clsx('container', styles.section)} aria-labelledby="home-problems">
      <h2 id="home-problems" className={styles.heading}>
        <Translate id="home.problems.title" description="Home page: heading of the common problems">
          Most common problems
        </Translate>
      </h2>
      <ul className={styles.grid}>
        {COMMON_PROBLEMS.map((id) => [`/docs/${id}`, cards[id]] as const).map(
          ([to, { icon, title, description }]) => (
            <li key={to} className={styles.card}>
              <HomeIcon name={icon} className={styles.icon} />
              <h3 className={styles.cardTitle}>
                {/* The link covers the whole card (see the CSS) but its name stays the short title. */}
                <Link to={to} className={styles.cardLink}>
                  {title}
                </Link>
              </h3>
              <p className={styles.cardText}>{description}</p>
            </li>
          ),
        )}
      </ul>
      <div className={styles.more}>
        <HomeIcon name="route" className={styles.moreIcon} />
        <p className={styles.moreText}>
          <Translate
            id="home.problems.notListed"
            description="Home page: text before the troubleshooter link"
          >
            Not listed, or not sure what is wrong?
          </Translate>{' '}
          <Link to={TROUBLESHOOTER_PATH} className={styles.moreLink}>
            <Translate
              id="home.problems.troubleshooterLink"
              description="Home page: link to the troubleshooter under the common problems"
            >
              Answer a few questions in the troubleshooter
            </Translate>
          </Link>
          {' · '}
          <Link to="/docs/workers/login/" className={styles.moreLink}>
            <Translate
              id="home.problems.hubLink"
              description="Home page: link to the list of every login problem"
            >
              Browse every login problem
            </Translate>
          </Link>
        </p>
      </div>
    </section>
  );
}
