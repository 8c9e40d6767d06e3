import '@site/src/i18n/account';
import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';
import { redeemUnlock } from '@site/src/api/account-links';
import { useLocale } from '@site/src/utils/use-locale';
import AccountPage from './_components/AccountPage';
import LinkAction from './_components/LinkAction';
import { Outcome } from './_components/Outcome';

export default function UnlockPage(): ReactNode {
  const locale = useLocale();
  return (
    <AccountPage
      title={translate({
        id: 'account.unlock.title',
        message: 'Unlock your account',
        description: 'Unlock page title',
      })}
      description={translate({
        id: 'account.unlock.description',
        message: 'Unlock your account with the link we emailed you.',
        description: 'Unlock page meta description',
      })}
    >
      <LinkAction
        step="account-locked"
        article="/docs/workers/login/account-locked"
        intro={
          <Translate id="account.unlock.intro" description="Unlock page explanation">
            Your account was locked after too many failed login attempts. Press the button to unlock it.
          </Translate>
        }
        action={
          <Translate id="account.unlock.button" description="Unlock button">
            Unlock my account
          </Translate>
        }
        redeem={(token) => redeemUnlock({ token, locale })}
        renderDone={() => (
          <Outcome
            tone="success"
            title={
              <Translate id="account.unlock.done.title" description="Heading once the account is unlocked">
                Your account is unlocked
              </Translate>
            }
          >
            <p>
              <Translate id="account.unlock.done.body" description="Advice once the account is unlocked">
                You can log in again. Not sure of your password? Reset it rather than guessing: too many
                failed attempts lock the account again.
              </Translate>
            </p>
            <Link to="/docs/workers/login/forgot-password">
              <Translate id="account.unlock.done.forgot" description="Link to the forgot-password article">
                I forgot my password
              </Translate>
            </Link>
          </Outcome>
        )}
      />
    </AccountPage>
  );
}
