import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';

export default function Troubleshoot(): ReactNode {
  return (
    <Layout
      title={translate({
        id: 'troubleshoot.meta.title',
        message: 'Troubleshooter',
        description: 'Troubleshooter page title',
      })}
    >
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="troubleshoot.placeholder.title" description="Troubleshooter placeholder heading">
            The troubleshooter is on its way
          </Translate>
        </h1>
        <p>
          <Translate id="troubleshoot.placeholder.body" description="Troubleshooter placeholder text">
            The interactive troubleshooter is not available yet. Until it is, the login help articles cover
            every case.
          </Translate>
        </p>
        <Link to="/docs/workers/login/">
          <Translate
            id="troubleshoot.placeholder.hubLink"
            description="Link from the placeholder to the login hub"
          >
            Go to the login help articles
          </Translate>
        </Link>
      </main>
    </Layout>
  );
}
