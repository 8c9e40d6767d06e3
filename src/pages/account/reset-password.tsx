import '@site/src/i18n/account';
import type { ReactNode } from 'react';
import { translate } from '@docusaurus/Translate';
import AccountPage from './_components/AccountPage';
import ResetPasswordForm from './_components/ResetPasswordForm';

export default function ResetPasswordPage(): ReactNode {
  return (
    <AccountPage
      title={translate({
        id: 'account.reset.title',
        message: 'Choose a new password',
        description: 'Password reset page title',
      })}
      description={translate({
        id: 'account.reset.description',
        message: 'Choose a new password with the link we emailed you.',
        description: 'Password reset page meta description',
      })}
    >
      <ResetPasswordForm />
    </AccountPage>
  );
}
