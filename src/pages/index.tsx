import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Translate, { translate } from '@docusaurus/Translate';

export default function Home(): ReactNode {
  return (
    <Layout
      title={translate({ id: 'home.meta.title', message: 'Help to log in', description: 'Home page title' })}
      description={translate({
        id: 'home.meta.description',
        message: 'Answers and a step-by-step troubleshooter for workers who cannot log in.',
        description: 'Home page meta description',
      })}
    >
      <main className="container margin-vert--lg">
        <h1>
          <Translate id="home.hero.title" description="Home page main heading">
            Can't log in? We'll sort it out.
          </Translate>
        </h1>
        <Link to="/docs/workers/login/">
          <Translate id="home.hero.hubLink" description="Link to the workers' login hub">
            See every login problem
          </Translate>
        </Link>
      </main>
    </Layout>
  );
}
