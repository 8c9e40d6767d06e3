import '@site/src/i18n/account';
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { redeemLoginLink } from '@site/src/api/account-links';
import { useLocale } from '@site/src/utils/use-locale';
import AccountPage from './_components/AccountPage';
import LinkAction from './_components/LinkAction';
import { Outcome } from './_components/Outcome';

export default function LoginLinkPage(): ReactNode {
  const locale = useLocale();
  return (
    <AccountPage
      title={translate({
        id: 'account.loginLink.title',
        message: 'Log in with a one-time link',
        description: 'One-time login link page title',
      })}
      description={translate({
        id: 'account.loginLink.description',
        message: 'Log in once without your password, with the link we emailed you.',
        description: 'One-time login link page meta description',
      })}
    >
      <LinkAction
        step="login-link"
        article="/docs/workers/login/login-link"
        intro={
          <Translate id="account.loginLink.intro" description="One-time login link page explanation">
            This link logs you in once, without your password. It stops working after you use it.
          </Translate>
        }
        action={
          <Translate id="account.loginLink.button" description="One-time login button">
            Log me in
          </Translate>
        }
        redeem={(token) => redeemLoginLink({ token, locale })}
        renderDone={(session) => (
          <Outcome
            tone="success"
            title={
              <Translate id="account.loginLink.done.title" description="Heading once logged in with the link">
                You are logged in
              </Translate>
            }
          >
            <p>
              <Translate
                id="account.loginLink.done.loginWith"
                description="Which identifier the worker logs in with (masked)"
                values={{ identifier: <strong>{session.account.loginWith.masked}</strong> }}
              >
                {'Next time, log in with {identifier}.'}
              </Translate>
            </p>
            {session.continueUrl ? (
              <Link className="button button--primary" href={session.continueUrl}>
                <Translate id="account.loginLink.done.continue" description="Button to continue to the app">
                  Continue to the app
                </Translate>
              </Link>
            ) : (
              <p>
                <Translate
                  id="account.loginLink.done.openApp"
                  description="Advice when no app address is configured"
                >
                  You can now open the app.
                </Translate>
              </p>
            )}
          </Outcome>
        )}
      />
    </AccountPage>
  );
}
