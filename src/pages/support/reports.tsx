import '@site/src/i18n/support';
import '@site/src/i18n/troubleshooter';
import { useState, type ReactNode } from 'react';
import { useHistory, useLocation } from '@docusaurus/router';
import Translate, { translate } from '@docusaurus/Translate';
import { lastDays, periodFromSearch, periodSearch, type Period } from '@site/src/support/report-period';
import { useReport } from '@site/src/support/use-report';
import { useLocale } from '@site/src/utils/use-locale';
import Report from './_components/Report';
import ReportPeriod from './_components/ReportPeriod';
import ReportStatus from './_components/ReportStatus';
import SearchReport from './_components/SearchReport';
import SignedInPage from './_components/SignedInPage';

function Reports({ token, onUnauthorized }: { token: string; onUnauthorized: () => void }): ReactNode {
  const locale = useLocale();
  const location = useLocation();
  const history = useHistory();
  // The period the report is asked for (each new one loads it), in the address to be shared.
  const [request, setRequest] = useState(() => periodFromSearch(location.search) ?? lastDays(30));
  const { loading, report, problem } = useReport(token, locale, request, onUnauthorized);
  const show = (period: Period) => {
    history.replace({ pathname: location.pathname, search: periodSearch(period), hash: location.hash });
    setRequest(period);
  };
  return (
    <>
      <ReportPeriod initial={request} loading={loading} onShow={show} />
      <ReportStatus loading={loading} report={report} problem={problem} />
      {report && <Report report={report} locale={locale} />}
      {report && (
        <SearchReport token={token} locale={locale} period={request} onUnauthorized={onUnauthorized} />
      )}
    </>
  );
}

export default function SupportReports(): ReactNode {
  return (
    <SignedInPage
      title={translate({
        id: 'support.reports.meta.title',
        message: 'Support reports',
        description: 'Support page title',
      })}
      description={translate({
        id: 'support.reports.meta.description',
        message: 'Helpfulness of the articles and where workers leave the troubleshooter.',
        description: 'Reports: meta description',
      })}
      heading={
        <Translate id="support.reports.title" description="Support page heading">
          Support reports
        </Translate>
      }
    >
      {(session) => <Reports token={session.token} onUnauthorized={session.onUnauthorized} />}
    </SignedInPage>
  );
}
