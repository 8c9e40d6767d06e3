import '@site/src/i18n/account';
import type { ReactNode } from 'react';
import Translate, { translate } from '@docusaurus/Translate';
import { redeemEmailConfirmation } from '@site/src/api/account-links';
import { useLocale } from '@site/src/utils/use-locale';
import AccountPage from './_components/AccountPage';
import LinkAction from './_components/LinkAction';
import { Outcome } from './_components/Outcome';

export default function ConfirmEmailPage(): ReactNode {
  const locale = useLocale();
  return (
    <AccountPage
      title={translate({
        id: 'account.confirm.title',
        message: 'Confirm your email address',
        description: 'Email confirmation page title',
      })}
      description={translate({
        id: 'account.confirm.description',
        message: 'Confirm your email address with the link we sent you.',
        description: 'Email confirmation page meta description',
      })}
    >
      <LinkAction
        step="confirmation-email"
        article="/docs/workers/login/confirmation-email"
        intro={
          <Translate id="account.confirm.intro" description="Email confirmation page explanation">
            Confirm that this email address is yours, so you can log in and receive our messages.
          </Translate>
        }
        action={
          <Translate id="account.confirm.button" description="Email confirmation button">
            Confirm my email address
          </Translate>
        }
        redeem={(token) => redeemEmailConfirmation({ token, locale })}
        renderDone={() => (
          <Outcome
            tone="success"
            title={
              <Translate id="account.confirm.done.title" description="Heading once the email is confirmed">
                Your email address is confirmed
              </Translate>
            }
          >
            <p>
              <Translate id="account.confirm.done.body" description="Advice once the email is confirmed">
                You can now log in. If this link says it was already used, your address is confirmed: just log
                in.
              </Translate>
            </p>
          </Outcome>
        )}
      />
    </AccountPage>
  );
}
