import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Head from '@docusaurus/Head';
import Translate, { translate } from '@docusaurus/Translate';

export default function SupportLookup(): ReactNode {
  return (
    <Layout
      title={translate({
        id: 'support.lookup.meta.title',
        message: 'Support account lookup',
        description: 'Support page title',
      })}
    >
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="support.lookup.title" description="Support page heading">
            Support account lookup
          </Translate>
        </h1>
        <p>
          <Translate id="support.placeholder.body" description="Support tools placeholder text">
            This support tool is not available yet.
          </Translate>
        </p>
      </main>
    </Layout>
  );
}
