/**
 * Work of several organizations handed out in turns, one item of each in
 * rotation: the first message of every office goes out in the first round,
 * whatever another office's burst. Organizations join while the round runs
 * (they are prepared in batches while the first ones send); `next` waits for
 * work until `close` says no more is coming.
 */
export interface RoundRobin<T> {
  /**
   * Adds an organization's items; one joining is served next (its first
   * message is the one most overdue), then takes its place in the rotation.
   */
  add(key: string, items: T[]): void;
  /**
   * Adds several organizations before any waiting taker is served: a batch
   * prepared together joins the rotation together, so the first taker does
   * not get all of the first organization's items while the rest join.
   */
  addAll(entries: Iterable<readonly [string, T[]]>): void;
  /** No more organizations will be added: `next` gives undefined once all is handed out. */
  close(): void;
  /** The next item in rotation, waiting while the rotation is empty and not closed. */
  next(): Promise<T | undefined>;
}

export function createRoundRobin<T>(): RoundRobin<T> {
  const queues = new Map<string, T[]>();
  const rotation: string[] = [];
  let cursor = 0;
  /** Keys joined since the last take: they wait at the cursor, in the order they joined. */
  let joined = 0;
  let closed = false;
  const waiting: Array<(item: T | undefined) => void> = [];
  const take = (): T | undefined => {
    while (rotation.length > 0) {
      if (cursor >= rotation.length) cursor = 0;
      const key = rotation[cursor] as string;
      const queue = queues.get(key) ?? [];
      const item = queue.shift();
      if (joined > 0) joined--;
      if (queue.length === 0) {
        queues.delete(key);
        rotation.splice(cursor, 1);
      } else cursor++;
      if (item !== undefined) return item;
    }
    return undefined;
  };
  const handOut = (): void => {
    while (waiting.length > 0) {
      const item = take();
      if (item === undefined && !closed) return;
      waiting.shift()?.(item);
    }
  };
  const join = (key: string, items: T[]): void => {
    if (items.length === 0) return;
    const queue = queues.get(key);
    if (queue) queue.push(...items);
    else {
      queues.set(key, [...items]);
      if (cursor >= rotation.length) cursor = 0;
      rotation.splice(cursor + joined, 0, key);
      joined++;
    }
  };
  return {
    add(key, items) {
      join(key, items);
      handOut();
    },
    addAll(entries) {
      for (const [key, items] of entries) join(key, items);
      handOut();
    },
    close() {
      closed = true;
      handOut();
    },
    next() {
      const item = take();
      if (item !== undefined || closed) return Promise.resolve(item);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}
