// Swagger UI's "Try it out" works at any address the service is reached at (issue 20): headless
// Chromium opens /api-docs at http://127.0.0.1:PORT and at http://localhost:PORT, executes GET
// /api/v1/health through the UI, and reads 200 in the UI's response section. The page's CSP allows only
// connect-src 'self', so this fails whenever the served spec's server names another origin.
// Started by run.sh with the service on API_PORT.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run.sh sets it)`);
  return value;
};
const PORT = env("API_PORT");

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: env("CHROMIUM"), headless: true, args: ["--no-sandbox"] });
});
after(async () => {
  await browser?.close();
});

/** Opens the docs at origin, runs getHealth through "Try it out" → "Execute"; the UI's answer. */
async function tryHealthAt(origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const console = [];
  page.on("console", (message) => console.push(message.text()));
  try {
    await page.goto(`${origin}/api-docs`);
    const operation = page.locator("#operations-Health-getHealth");
    await operation.locator(".opblock-summary").first().click();
    await operation.locator("button.try-out__btn").click();
    await operation.locator("button.execute").click();
    const status = operation.locator(".live-responses-table .response .response-col_status").first();
    await status.waitFor({ timeout: 20_000 });
    return {
      status: (await status.innerText()).trim(),
      requestUrl: (await operation.locator(".request-url pre").first().innerText()).trim(),
      console,
    };
  } finally {
    await context.close();
  }
}

describe("Swagger UI 'Try it out'", () => {
  for (const host of ["127.0.0.1", "localhost"]) {
    it(`executes a request from /api-docs opened at http://${host}:${PORT}`, async () => {
      const origin = `http://${host}:${PORT}`;
      const answer = await tryHealthAt(origin);
      assert.match(answer.status, /^200\b/, `UI shows status ${answer.status}; console: ${answer.console.join(" | ")}`);
      assert.equal(answer.requestUrl, `${origin}/api/v1/health`);
    });
  }
});
