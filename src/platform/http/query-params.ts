import { z } from 'zod';

// Query strings of search pages and APIs are read leniently: a malformed value is dropped and the rest
// still applies, so an old, shared or hand-edited link never breaks a page.

/** A repeated parameter (?theme=a&theme=b) as a list of the values that pass `item`, at most 20. */
export const lenientList = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(z.unknown())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.unknown()))
    .transform((values) => values.flatMap((v) => (item.safeParse(v).success ? [item.parse(v) as z.infer<T>] : [])).slice(0, 20))
    .catch([]);

/** A taxonomy slug. */
export const slugParam = z.string().regex(/^[a-z0-9-]{1,60}$/);
