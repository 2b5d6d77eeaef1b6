// Every call to Lark gets a bounded time. The SDK's own HTTP instance has no timeout, so a
// request Lark never answers would hold a delivery slot for good; this one gives up after
// `timeoutMs` (uploads, which carry a file, after several times that) with an error the sender
// classifies as transient: the delivery is retried later with the same uuid, which Lark
// de-duplicates if the abandoned request did go through.
import { defaultHttpInstance, type HttpInstance, type HttpRequestOptions } from "@larksuiteoapi/node-sdk";

/** An upload carries up to ATTACHMENT_MAX_MB; it gets this many times the ordinary timeout. */
const UPLOAD_FACTOR = 6;

/** The SDK's instance answers with the body (its response interceptor), which is what HttpInstance says; axios's types do not know. */
const sdkDefault = defaultHttpInstance as unknown as HttpInstance;

export function boundedHttp(timeoutMs: number, base: HttpInstance = sdkDefault): HttpInstance {
  const bounded = <D>(o: HttpRequestOptions<D> | undefined): HttpRequestOptions<D> => {
    if (o?.timeout !== undefined) return o;
    const type = String(o?.headers?.["Content-Type"] ?? o?.headers?.["content-type"] ?? "");
    return { ...o, timeout: type.startsWith("multipart/") ? timeoutMs * UPLOAD_FACTOR : timeoutMs };
  };
  return {
    request: (o) => base.request(bounded(o)),
    get: (url, o) => base.get(url, bounded(o)),
    delete: (url, o) => base.delete(url, bounded(o)),
    head: (url, o) => base.head(url, bounded(o)),
    options: (url, o) => base.options(url, bounded(o)),
    post: (url, data, o) => base.post(url, data, bounded(o)),
    put: (url, data, o) => base.put(url, data, bounded(o)),
    patch: (url, data, o) => base.patch(url, data, bounded(o)),
  };
}
