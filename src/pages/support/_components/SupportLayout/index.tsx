import type { ReactNode } from 'react';
import clsx from 'clsx';
import Layout from '@theme/Layout';
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { useLocation } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import styles from './styles.module.css';

interface Props {
  title: string;
  description: string;
  /** The signed-in agent and how to sign out (lookup and reports). */
  agent?: { name: string; signOut: () => void };
  children: ReactNode;
}

function ToolLink({ to, children }: { to: string; children: ReactNode }): ReactNode {
  const { pathname } = useLocation();
  const href = useBaseUrl(to);
  const current = pathname.replace(/\/$/, '') === href.replace(/\/$/, '');
  return (
    <Link
      to={to}
      className={clsx(styles.tool, current && styles.current)}
      aria-current={current ? 'page' : undefined}
    >
      {children}
    </Link>
  );
}

/** The frame of the support tools: not for search engines, a menu between the tools, the agent. */
export default function SupportLayout({ title, description, agent, children }: Props): ReactNode {
  return (
    <Layout title={title} description={description} noFooter={false}>
      <Head>
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
      </Head>
      <main className={clsx('container margin-vert--lg', styles.main)}>
        <div className={styles.bar}>
          <nav
            aria-label={translate({
              id: 'support.nav.label',
              message: 'Support tools',
              description: 'Accessible name of the menu between the support tools',
            })}
          >
            <ul className={styles.tools}>
              <li>
                <ToolLink to="/support/links">
                  <Translate id="support.nav.links" description="Support menu: the link builder">
                    Link builder
                  </Translate>
                </ToolLink>
              </li>
              <li>
                <ToolLink to="/support/lookup">
                  <Translate id="support.nav.lookup" description="Support menu: the account lookup">
                    Account lookup
                  </Translate>
                </ToolLink>
              </li>
              <li>
                <ToolLink to="/support/notices">
                  <Translate id="support.nav.notices" description="Support menu: the notices for workers">
                    Notices
                  </Translate>
                </ToolLink>
              </li>
              <li>
                <ToolLink to="/support/reports">
                  <Translate id="support.nav.reports" description="Support menu: the reports">
                    Reports
                  </Translate>
                </ToolLink>
              </li>
            </ul>
          </nav>
          {agent && (
            <p className={styles.agent}>
              <span>
                <Translate
                  id="support.session.signedInAs"
                  description="Support tools: who is signed in"
                  values={{ agent: <strong>{agent.name}</strong> }}
                >
                  {'Signed in as {agent}'}
                </Translate>
              </span>
              <button type="button" className="button button--sm button--secondary" onClick={agent.signOut}>
                <Translate id="support.session.signOut" description="Support tools: sign out button">
                  Sign out
                </Translate>
              </button>
            </p>
          )}
        </div>
        {children}
      </main>
    </Layout>
  );
}
