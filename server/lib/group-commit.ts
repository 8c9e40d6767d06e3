/**
 * Group commit: calls that arrive while a run is under way wait and go together into the next
 * run (up to `max` at a time), so that under load one transaction serves many requests, and at
 * rest a call runs at once. Each call gets its own result, or the run's error.
 */
export function groupCommit<I, O>(run: (inputs: I[]) => Promise<O[]>, max: number): (input: I) => Promise<O> {
  const waiting: { input: I; resolve: (output: O) => void; reject: (error: unknown) => void }[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    try {
      while (waiting.length > 0) {
        const group = waiting.splice(0, max);
        try {
          const outputs = await run(group.map((entry) => entry.input));
          group.forEach((entry, i) => entry.resolve(outputs[i]));
        } catch (error) {
          for (const entry of group) entry.reject(error);
        }
      }
    } finally {
      running = false;
    }
  };
  return (input) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      if (!running) void drain();
    });
}

/** One group-commit function per owner (a service context: tests run many side by side). */
export function groupCommitPer<K extends object, I, O>(
  make: (owner: K) => (inputs: I[]) => Promise<O[]>,
  max: number,
): (owner: K, input: I) => Promise<O> {
  const byOwner = new WeakMap<K, (input: I) => Promise<O>>();
  return (owner, input) => {
    let commit = byOwner.get(owner);
    if (!commit) byOwner.set(owner, (commit = groupCommit(make(owner), max)));
    return commit(input);
  };
}
