// Headless Chromium loads a page from another origin and calls the API from it as the ABC Dashboard
// does (page/dashboard-calls.js): first with the bearer token, then with cookies (credentials:
// "include"); a page from a third, foreign origin is refused. Started by run.sh, which starts the
// service with CLIENT_URL = http://127.0.0.1:$PAGE_PORT and passes the rest in the environment.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join } from "node:path";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run.sh sets it)`);
  return value;
};
const API_BASE = env("API_BASE");
const ADMIN_EMAIL = env("ADMIN_EMAIL");
const ADMIN_PASSWORD = env("ADMIN_PASSWORD");
const SERVICE_LOG = env("SERVICE_JSON_LOG");
const PAGE_DIR = new URL("./page/", import.meta.url).pathname;
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** The test page, served as static files on 127.0.0.1:port: one origin per port. */
function servePage(port) {
  const server = createServer(async (req, res) => {
    const name = new URL(req.url, "http://x").pathname.replace(/^\/+/, "") || "index.html";
    if (!/^[a-z-]+\.(html|js)$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(join(PAGE_DIR, name));
      res.writeHead(200, { "Content-Type": TYPES[extname(name)] }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

let browser;
const servers = [];
/** Chromium's console lines: a refused CORS call is explained only there. */
const consoleLines = [];

before(async () => {
  servers.push(await servePage(Number(env("PAGE_PORT"))), await servePage(Number(env("FOREIGN_PORT"))));
  browser = await chromium.launch({ executablePath: env("CHROMIUM"), headless: true, args: ["--no-sandbox"] });
});

after(async () => {
  await browser?.close();
  for (const server of servers) server.close();
});

/** A fresh browser profile (no cookies) with the test page open at http://127.0.0.1:port/. */
async function openPage(port) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("console", (message) => consoleLines.push(message.text()));
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  return page;
}

async function call(page, options) {
  const from = consoleLines.length;
  const result = await page.evaluate(([base, opts]) => window.dashboardCall(base, opts), [API_BASE, options]);
  return { ...result, console: consoleLines.slice(from) };
}

/** Asserts the browser let the page read a 2xx answer, with the browser's own explanation if not. */
function assertSucceeded(result, what) {
  const why = result.error ? `${result.error}; Chromium: ${result.console.join(" | ")}` : JSON.stringify(result.body);
  assert.ok(result.ok, `${what}: the page did not get a 2xx answer (${result.status ?? "refused by the browser"}): ${why}`);
}

async function logLinesWithTraceId(traceId) {
  if (!existsSync(SERVICE_LOG)) return [];
  return (await readFile(SERVICE_LOG, "utf8"))
    .split("\n")
    .filter((line) => line.includes(traceId))
    .map((line) => JSON.parse(line))
    .filter((entry) => entry.traceId === traceId);
}

const credentialsRuns = [
  { name: "bearer token, as the dashboard's client", credentials: undefined },
  { name: "cookies, credentials: 'include'", credentials: "include" },
];

for (const run of credentialsRuns) {
  describe(`from the dashboard's origin, ${run.name}`, () => {
    let page;
    let token;
    let loginTraceId;
    const bearer = () => (run.credentials === "include" ? undefined : token);

    before(async () => {
      page = await openPage(Number(env("PAGE_PORT")));
    });

    it("signs in", async () => {
      const login = await call(page, {
        method: "POST",
        path: "/auth/login",
        body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
        credentials: run.credentials,
      });
      assertSucceeded(login, "POST /auth/login");
      token = login.body.data.tokens.accessToken;
      loginTraceId = login.traceId;
      assert.ok(token.length > 20);
      // Access-Control-Expose-Headers: the page may read these.
      assert.match(login.headers["x-correlation-id"] ?? "", /.+/, "X-Correlation-ID is not exposed");
      assert.match(login.headers["x-ratelimit-limit"] ?? "", /^\d+$/, "X-RateLimit-Limit is not exposed");
    });

    it("reads the profile", async () => {
      const profile = await call(page, { path: "/auth/profile", token: bearer(), credentials: run.credentials });
      assertSucceeded(profile, "GET /auth/profile");
      assert.equal(profile.body.data.user.email, ADMIN_EMAIL);
    });

    it("lists the users", async () => {
      const users = await call(page, { path: "/users?page=1&limit=10", token: bearer(), credentials: run.credentials });
      assertSucceeded(users, "GET /users");
      assert.ok(Array.isArray(users.body.data) && users.body.data.length >= 1, "no users listed");
    });

    it("edits the profile", async () => {
      const displayName = `Browser ${run.credentials ?? "bearer"} run`;
      const edit = await call(page, {
        method: "PUT",
        path: "/auth/profile",
        body: { displayName, bio: "Edited from another origin by headless Chromium." },
        token: bearer(),
        credentials: run.credentials,
      });
      assertSucceeded(edit, "PUT /auth/profile");
      const again = await call(page, { path: "/auth/profile", token: bearer(), credentials: run.credentials });
      assertSucceeded(again, "GET /auth/profile after the edit");
      assert.equal(again.body.data.user.displayName, displayName);
    });

    it("leaves the page's trace id in the API's JSON log", async () => {
      assert.ok(loginTraceId, "no sign-in to follow");
      let lines = [];
      for (let attempt = 0; attempt < 50 && lines.length === 0; attempt++) {
        lines = await logLinesWithTraceId(loginTraceId);
        if (lines.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(lines.length > 0, `no line with traceId ${loginTraceId} in ${SERVICE_LOG}`);
      assert.ok(
        lines.some((entry) => entry.logger === "access" && entry.path === "/api/v1/auth/login"),
        "the sign-in's access-log line does not carry the trace id",
      );
    });
  });
}

describe("from a foreign origin", () => {
  let page;

  before(async () => {
    page = await openPage(Number(env("FOREIGN_PORT")));
  });

  it("cannot sign in (the preflight is refused)", async () => {
    const login = await call(page, {
      method: "POST",
      path: "/auth/login",
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    assert.ok(login.error, `the browser let a foreign page read the answer: ${JSON.stringify(login)}`);
  });

  it("(control) the same simple GET from the dashboard's origin is read", async () => {
    const own = await openPage(Number(env("PAGE_PORT")));
    const health = await own.evaluate((url) => window.simpleGet(url), `${API_BASE}/health/live`);
    assert.equal(health.status, 200, `the dashboard's origin could not read /health/live: ${JSON.stringify(health)}`);
  });

  it("cannot read even a simple GET", async () => {
    const health = await page.evaluate((url) => window.simpleGet(url), `${API_BASE}/health/live`);
    assert.ok(health.error, `the browser let a foreign page read the answer: ${JSON.stringify(health)}`);
  });
});
