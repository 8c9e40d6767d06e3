import type { ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { COMMON_PROBLEMS, TROUBLESHOOTER_PATH } from '../common-problems';
import { commonProblemsTitle, troubleshooterSuggestion } from '../messages';
import type { SearchRuntime } from '../runtime';
import styles from './styles.module.css';

/** What a search that found nothing offers: the six most common problems and the troubleshooter. */
export default function Suggestions({
  titles,
  headingId,
}: {
  titles: SearchRuntime['titles'];
  headingId: string;
}): ReactNode {
  return (
    <section aria-labelledby={headingId} className={styles.suggestions}>
      <h2 id={headingId} className={styles.heading}>
        {commonProblemsTitle()}
      </h2>
      <ul className={styles.list}>
        {COMMON_PROBLEMS.map((id) => {
          const article = titles.get(id);
          return article ? (
            <li key={id}>
              <Link to={article.path}>{article.title}</Link>
            </li>
          ) : null;
        })}
      </ul>
      <p>
        <Link className="button button--primary" to={TROUBLESHOOTER_PATH}>
          {troubleshooterSuggestion()}
        </Link>
      </p>
    </section>
  );
}
