import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';

/** The two column headings of the reports' tables that count each language apart. */
export default function LanguageColumns(): ReactNode {
  return (
    <>
      <th scope="col">
        <Translate id="support.reports.column.english" description="Reports: column of English answers">
          In English
        </Translate>
      </th>
      <th scope="col">
        <Translate id="support.reports.column.french" description="Reports: column of French answers">
          In French
        </Translate>
      </th>
    </>
  );
}
