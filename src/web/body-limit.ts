/**
 * A request body's limit, applied before anything reads it. A declared length
 * over the limit is refused on the header, without reading a byte; a body
 * without one (chunked) is counted as it is read and fails at the limit, so a
 * reader holds at most the limit, never a copy grown to it (Hono's bodyLimit
 * buffers a chunked body whole, doubling as it goes).
 */
import type { MiddlewareHandler } from "hono";
import { HTTPException } from "hono/http-exception";

const tooLarge = () => new HTTPException(413, { res: new Response("Payload Too Large", { status: 413 }) });

export function limitBody(maxSize: number): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const declared = raw.headers.get("content-length");
    if (declared !== null && !raw.headers.has("transfer-encoding")) {
      if (Number(declared) > maxSize) throw tooLarge();
      return next();
    }
    let size = 0;
    const counted = raw.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          size += chunk.byteLength;
          if (size > maxSize) controller.error(tooLarge());
          else controller.enqueue(chunk);
        },
      }),
    );
    c.req.raw = new Request(raw, { body: counted, duplex: "half" });
    await next();
    // Whatever the reader made of a body cut short, the answer is that it was too large.
    if (size > maxSize) c.res = tooLarge().getResponse();
  };
}
