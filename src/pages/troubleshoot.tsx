import '@site/src/i18n/home';
import '@site/src/i18n/troubleshooter';
import { lazy, Suspense, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import ErrorBoundary from '@docusaurus/ErrorBoundary';
import Translate, { translate } from '@docusaurus/Translate';
import { nextTask } from '@site/src/utils/next-task';
import { LoadFailed, Loading } from './_components/TroubleshootShell';
import styles from './_components/TroubleshootShell/styles.module.css';

// The machine and XState load with this chunk only: the navbar's link prefetches this page's module
// on every page, and that module must stay free of them (articles do not ship XState).
// Evaluating the chunk, building the machine and hydrating the troubleshooter are three tasks, not
// one: on a phone (CPU slowed 4×), each would otherwise add its length to the blocking time.
const Troubleshooter = lazy(() =>
  import('@site/src/components/Troubleshooter/chunk').then(
    async ({ default: component, troubleshooterMachine }) => {
      await nextTask();
      troubleshooterMachine();
      await nextTask();
      return { default: component };
    },
  ),
);

export default function Troubleshoot(): ReactNode {
  return (
    <Layout
      title={translate({
        id: 'troubleshooter.page.title',
        message: 'Troubleshooter',
        description: 'Title of the troubleshooter page (browser tab)',
      })}
      description={translate({
        id: 'troubleshooter.page.description',
        message: 'Answer a few questions to find out why you cannot log in, and fix it on the spot.',
        description: 'Meta description of the troubleshooter page',
      })}
    >
      <main className={styles.main}>
        <h1 className={styles.title}>
          <Translate id="troubleshooter.page.heading" description="Main heading of the troubleshooter page">
            Login troubleshooter
          </Translate>
        </h1>
        <ErrorBoundary fallback={({ tryAgain }) => <LoadFailed tryAgain={tryAgain} />}>
          <Suspense fallback={<Loading />}>
            <Troubleshooter />
          </Suspense>
        </ErrorBoundary>
      </main>
    </Layout>
  );
}
