import '@site/src/i18n/dev';
import type { ReactNode } from 'react';
import Head from '@docusaurus/Head';
import Layout from '@theme/Layout';
import Translate, { translate } from '@docusaurus/Translate';
import Mailbox from './_components/Mailbox';

/** `/dev/mailbox`: what the outbox holds, for a developer; kept out of search engines and the sitemap. */
export default function MailboxPage(): ReactNode {
  return (
    <Layout
      title={translate({
        id: 'dev.mailbox.title',
        message: 'Development mailbox',
        description: 'Mailbox page title',
      })}
      description={translate({
        id: 'dev.mailbox.description',
        message: 'The codes, links and messages the API would have sent, as their recipients would see them.',
        description: 'Mailbox page meta description',
      })}
    >
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="dev.mailbox.heading" description="Mailbox page heading">
            Development mailbox
          </Translate>
        </h1>
        <p>
          <Translate id="dev.mailbox.lead" description="Mailbox page: what it shows">
            Every message the API has sent in development, newest first: emails as a mail app shows them, text
            messages as a phone does. Nothing here left this machine.
          </Translate>
        </p>
        <Mailbox />
      </main>
    </Layout>
  );
}
