// Calls the API from this page's origin the way the ABC Dashboard's HTTP client does (our own
// description of its frontend/src/infrastructure/api/client.ts and shared/utils/tracing.ts, both at
// 2f2acf2 and dd5520f): a JSON Content-Type on every call, a fresh trace per call in x-trace-id
// ("fe_<epoch ms>_<random base 36>"), x-span-id and x-sampled, the bearer token when it has one, and a
// cache-busting _t query parameter on GETs. The dashboard sends x-parent-span-id only for child spans.
(function () {
  "use strict";

  function randomBase36(length) {
    let out = "";
    while (out.length < length) {
      out += Math.random().toString(36).slice(2);
    }
    return out.slice(0, length);
  }

  // The exposed headers a page may read (Access-Control-Expose-Headers); null when withheld.
  const READ_HEADERS = ["x-correlation-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"];

  /**
   * One call. options: method, path (under the API's base URL), body, token (bearer), credentials
   * (fetch's: the dashboard's axios client leaves it at the default, "same-origin").
   * Resolves to {ok, status, body, headers, traceId} or {error, traceId} when the browser refuses.
   */
  window.dashboardCall = async function (apiBase, options) {
    const method = options.method || "GET";
    const traceId = "fe_" + Date.now() + "_" + randomBase36(9);
    const headers = {
      "Content-Type": "application/json",
      "x-trace-id": traceId,
      "x-span-id": randomBase36(9),
      "x-sampled": "true",
    };
    if (options.token) {
      headers.Authorization = "Bearer " + options.token;
    }
    const url = new URL(apiBase + options.path);
    if (method === "GET") {
      url.searchParams.set("_t", String(Date.now()));
    }
    const init = { method, headers, credentials: options.credentials || "same-origin" };
    if (options.body !== undefined) {
      init.body = JSON.stringify(options.body);
    }
    try {
      const response = await fetch(url, init);
      const text = await response.text();
      const read = {};
      for (const name of READ_HEADERS) {
        read[name] = response.headers.get(name);
      }
      return { ok: response.ok, status: response.status, body: text ? JSON.parse(text) : null, headers: read, traceId };
    } catch (e) {
      return { error: String(e), traceId };
    }
  };

  /** A simple GET without custom headers (no preflight): the browser withholds the answer unless CORS allows it. */
  window.simpleGet = async function (url) {
    try {
      const response = await fetch(url);
      return { ok: response.ok, status: response.status };
    } catch (e) {
      return { error: String(e) };
    }
  };
})();
