import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

// `/metrics` under `npm run start:cluster`: a scrape reaches one server process, but should report them
// all. prom-client's AggregatorRegistry collects every process's registry over the cluster's IPC in the
// primary; a server process asks the primary for that sum when it is scraped.

const ASK = 'peerpolis:metrics-ask';
const ANSWER = 'peerpolis:metrics-answer';
// prom-client gives up on a process that does not answer after 5 s (one just forked, or dying): a little
// longer here, so that its reason arrives first.
const TIMEOUT_MS = 6000;

type Answer = { type: typeof ANSWER; id: number; text?: string; error?: string };

/** In the primary: answers each server process's request with every process's counters, summed. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: { type?: string; id?: number }) => {
    if (message?.type !== ASK) return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => worker.send({ type: ANSWER, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

/**
 * In a server process of the cluster: lets the primary read `registry`, and returns how to ask the
 * primary for the sum over every process.
 */
export function joinClusterMetrics(registry: Registry): () => Promise<string> {
  new AggregatorRegistry(); // its listeners answer the primary's requests for this process's registry
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on('message', (message: Answer) => {
    if (message?.type !== ANSWER) return;
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) request?.reject(new Error(message.error));
    else request?.resolve(message.text ?? '');
  });
  return () =>
    new Promise((resolve, reject) => {
      const id = next++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error('the primary process did not answer'));
      }, TIMEOUT_MS);
      waiting.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send?.({ type: ASK, id });
    });
}
