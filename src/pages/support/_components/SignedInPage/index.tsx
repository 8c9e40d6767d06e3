import type { ReactNode } from 'react';
import Translate from '@docusaurus/Translate';
import { useSupportSession } from '@site/src/support/session';
import SignIn from '../SignIn';
import SupportLayout from '../SupportLayout';

interface Props {
  title: string;
  description: string;
  heading: ReactNode;
  /** The tool itself, once an agent is signed in. */
  children: (session: { token: string; onUnauthorized: () => void }) => ReactNode;
  /** What the page shows signed in or not, after the tool. */
  after?: (signedIn: boolean) => ReactNode;
}

/** A support page behind the sign-in: the saved session checked, else the sign-in form, else the tool. */
export default function SignedInPage({ title, description, heading, children, after }: Props): ReactNode {
  const session = useSupportSession();
  return (
    <SupportLayout
      title={title}
      description={description}
      agent={session.state === 'signed-in' ? { name: session.agent, signOut: session.signOut } : undefined}
    >
      <h1>{heading}</h1>
      {session.state === 'checking' && (
        <p role="status">
          <Translate id="support.session.checking" description="Support tools: checking the saved token">
            Checking your session…
          </Translate>
        </p>
      )}
      {session.state === 'signed-out' && <SignIn signIn={session.signIn} expired={session.expired} />}
      {session.state === 'signed-in' && children({ token: session.token, onUnauthorized: session.expire })}
      {after?.(session.state === 'signed-in')}
    </SupportLayout>
  );
}
