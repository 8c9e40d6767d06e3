import type { ReactNode } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Translate from '@docusaurus/Translate';
import Heading from '@theme/Heading';
import type { Props } from '@theme/NotFound/Content';

/**
 * The 404 page of a help center should still help: instead of "tell the site owner", it points to
 * the pages that solve login problems (in the visitor's language, since it is rendered per locale).
 */
export default function NotFoundContent({ className }: Props): ReactNode {
  return (
    <main className={clsx('container margin-vert--xl', className)}>
      <div className="row">
        <div className="col col--6 col--offset-3">
          <Heading as="h1" className="hero__title">
            <Translate id="theme.NotFound.title" description="The title of the 404 page">
              Page Not Found
            </Translate>
          </Heading>
          <p>
            <Translate id="theme.NotFound.p1" description="The first paragraph of the 404 page">
              We could not find what you were looking for.
            </Translate>
          </p>
          <p>
            <Translate id="notFound.help.intro" description="404 page: introduces the list of helpful links">
              The link may be old or incomplete. These pages can help you log in:
            </Translate>
          </p>
          <ul>
            <li>
              <Link to="/">
                <Translate id="notFound.help.home" description="404 page: link to the help home page">
                  Help home page
                </Translate>
              </Link>
            </li>
            <li>
              <Link to="/docs/workers/login/">
                <Translate id="notFound.help.hub" description="404 page: link to the workers' login hub">
                  Every login problem and its solution
                </Translate>
              </Link>
            </li>
            <li>
              <Link to="/troubleshoot">
                <Translate
                  id="notFound.help.troubleshooter"
                  description="404 page: link to the troubleshooter"
                >
                  The step-by-step troubleshooter
                </Translate>
              </Link>
            </li>
          </ul>
        </div>
      </div>
    </main>
  );
}
