import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Head from '@docusaurus/Head';
import Translate, { translate } from '@docusaurus/Translate';

export default function SupportLinks(): ReactNode {
  return (
    <Layout
      title={translate({
        id: 'support.links.meta.title',
        message: 'Support link builder',
        description: 'Support page title',
      })}
    >
      <Head>
        <meta name="robots" content="noindex, nofollow" />
      </Head>
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="support.links.title" description="Support page heading">
            Support link builder
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
