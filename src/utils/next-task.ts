/**
 * Resolves in a task of its own, after the browser has had a turn (to paint, to handle a tap).
 * Work that can wait a few milliseconds goes there, so that the task that asked for it stays short:
 * on a phone, a task over 50 ms is a page that does not answer a tap.
 *
 * A message to itself, not a timer: browsers delay timers in a hidden tab (up to a minute), not
 * messages. React's own scheduler yields the same way.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
