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
// The chunk's modules are evaluated as it arrives; the troubleshooter is hydrated in the next task,
// not in the same one: on a phone (CPU slowed 4×), the blocking time after the main bundle fell from
// a median of 100 to 38 ms (8 cold loads of each, alternated).
const Troubleshooter = lazy(() =>
  import('@site/src/components/Troubleshooter').then(async (module) => {
    await nextTask();
    return module;
  }),
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
