import '@site/src/i18n/home';
import type { ReactNode } from 'react';
import Layout from '@theme/Layout';
import { translate } from '@docusaurus/Translate';
import HomeHero from './_components/HomeHero';
import CommonProblems from './_components/CommonProblems';
import ContactHelp from './_components/ContactHelp';
import EmployerCallout from './_components/EmployerCallout';

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
      <main>
        <HomeHero />
        <CommonProblems />
        <ContactHelp />
        <EmployerCallout />
      </main>
    </Layout>
  );
}
