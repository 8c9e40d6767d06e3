/** The troubleshooter while messages are slow: email first for a code that does not come by text. */
import { describe, expect, it } from 'vitest';
import { waitFor } from 'xstate';
import { CHECK_OUTCOMES, SEND_OUTCOMES, SERVICE_OUTCOMES, startScripted as start } from './test-model';
import { requestChannel } from './service-advice';

type Started = ReturnType<typeof start>;
const known = ({ actor }: Started) => waitFor(actor, (snapshot) => snapshot.context.service !== null);

describe('the troubleshooter and the service status', () => {
  it('offers email first on "my code does not arrive" while text messages are slow', async () => {
    const run = start({ service: [SERVICE_OUTCOMES.smsDelayed] });
    await known(run);
    run.actor.send({ type: 'user.waiting-for-code' });
    expect(run.step()).toBe('code-not-received');
    expect(run.actor.getSnapshot().can({ type: 'user.use-email' })).toBe(true);
    run.actor.send({ type: 'user.use-email' });
    expect(run.step()).toBe('email-login');
    expect(run.actor.getSnapshot().context).toMatchObject({ purpose: 'login-code', channel: 'email' });
  });

  it('does not offer it while all is well, nor when emails are not getting through either', async () => {
    for (const service of [SERVICE_OUTCOMES.ok, SERVICE_OUTCOMES.allDown, SERVICE_OUTCOMES.unreachable]) {
      const run = start({ service: [service] });
      if (service.type === 'ok') await known(run);
      run.actor.send({ type: 'user.waiting-for-code' });
      expect(run.step()).toBe('code-not-received');
      expect(run.actor.getSnapshot().can({ type: 'user.use-email' })).toBe(false);
    }
  });

  it('asks again when a code was sent, and offers email under a code sent by text', async () => {
    const run = start({
      service: [SERVICE_OUTCOMES.ok, SERVICE_OUTCOMES.smsDelayed],
      check: [CHECK_OUTCOMES.phone],
      send: [SEND_OUTCOMES.sent],
    });
    await known(run);
    run.actor.send({ type: 'user.check-my-account' });
    run.actor.send({ type: 'user.submit-contact', contact: '514 555 0134' });
    await run.settle();
    expect(run.step()).toBe('code-sent');
    await waitFor(run.actor, (snapshot) => snapshot.context.service?.channels.sms.state === 'delayed');
    expect(requestChannel(run.actor.getSnapshot().context)).toBe('sms');
    expect(run.actor.getSnapshot().can({ type: 'user.use-email' })).toBe(true);
  });

  it('does not offer email under a code sent by email, and keeps what it knew when the API does not answer', async () => {
    const run = start({
      service: [SERVICE_OUTCOMES.smsDelayed, SERVICE_OUTCOMES.unreachable],
      check: [CHECK_OUTCOMES.email],
      send: [SEND_OUTCOMES.sent],
    });
    await known(run);
    run.actor.send({ type: 'user.check-my-account' });
    run.actor.send({ type: 'user.submit-contact', contact: 'sam@example.com' });
    await run.settle();
    expect(run.step()).toBe('code-sent');
    expect(requestChannel(run.actor.getSnapshot().context)).toBe('email');
    expect(run.actor.getSnapshot().can({ type: 'user.use-email' })).toBe(false);
    expect(run.actor.getSnapshot().context.service?.channels.sms.state).toBe('delayed');
  });
});
