// URL search-param schemas. zod/mini keeps the first page's JavaScript small (full zod adds ~20 KB gzip).
// Every param is optional and a malformed one is dropped rather than failing the page: URLs get edited by hand.
import { z } from 'zod/mini';

export { z };

type Schema = z.ZodMiniType;

/** An optional search param; a value that does not parse becomes undefined. */
export function optional<T extends Schema>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

export const text = (max: number) => z.string().check(z.maxLength(max));
export const positiveId = () => z.number().check(z.int(), z.positive());

/** URL search params of a list page; each page extends it with its own filters. */
export const tableSearchShape = {
  q: optional(text(200)),
  sort: optional(text(64)),
  size: optional(positiveId().check(z.maximum(200))),
  after: optional(text(512)),
  /** The cursors of the pages before this one ('' is the first page), for "previous". */
  back: optional(z.array(text(512)).check(z.maxLength(1000))),
};
export const tableSearch = z.object(tableSearchShape);
export type TableSearch = z.infer<typeof tableSearch>;

/** A yes/no filter. The router reads `?active=false` as the boolean false, a link may carry the text: both work. */
export const flag = () =>
  optional(z.pipe(z.union([z.boolean(), z.enum(['true', 'false'])]), z.transform((v) => String(v) as 'true' | 'false')));
