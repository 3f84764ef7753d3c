// The TypeScript SDK against the running service, as a frontend would use it: sign in, read the
// profile with the access token, call with an API key until it is revoked, end another session, and see a
// documented error come back as a ResponseError; then a user enrols an authenticator app and signs in in
// two steps with a code computed from the returned secret.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const sdk = require("../target/typescript/dist/index.js");

const basePath = process.env.BASE_URL;
const email = process.env.ADMIN_EMAIL;
const password = process.env.ADMIN_PASSWORD;

const auth = new sdk.AuthApi(new sdk.Configuration({ basePath }));
const login = await auth.login({ loginRequest: { email, password } });
assert.equal(login.success, true);
assert.equal(login.data.user.email, email);
assert.equal(login.data.user.role, "admin");
assert.ok(login.data.tokens.accessToken.length > 20);

const signedIn = new sdk.AuthApi(new sdk.Configuration({ basePath, accessToken: login.data.tokens.accessToken }));
const profile = await signedIn.getProfile({});
assert.equal(profile.data.isAuthenticated, true);
assert.equal(profile.data.user.email, email);
assert.ok(profile.data.user.createdAt instanceof Date);

const users = new sdk.UsersApi(new sdk.Configuration({ basePath, accessToken: login.data.tokens.accessToken }));
const page = await users.listUsers({ limit: 5, sortBy: "email", sortOrder: "asc" });
assert.ok(page.meta.pagination.total >= 1);

// An integration's API key: created by the signed-in admin, then the only credential of a client.
const keys = new sdk.ApiKeysApi(new sdk.Configuration({ basePath, accessToken: login.data.tokens.accessToken }));
const created = await keys.createApiKey({ createApiKeyRequest: { name: "TypeScript smoke", scopes: new Set(["users:read"]) } });
assert.match(created.data.key, /^abc_[a-z2-7]{8}_[A-Za-z0-9_-]{43}$/);
const integration = new sdk.UsersApi(new sdk.Configuration({ basePath, apiKey: created.data.key }));
assert.ok((await integration.listUsers({ limit: 1 })).meta.pagination.total >= 1);
await keys.revokeApiKey({ id: created.data.id });
await assert.rejects(integration.listUsers({ limit: 1 }), (e) => {
  assert.equal(e.response.status, 401);
  return true;
});

// Sessions and devices: a second sign-in lists both sessions and ends the first one, whose token then fails.
const second = await auth.login({ loginRequest: { email, password } });
const sessions = new sdk.SessionsApi(new sdk.Configuration({ basePath, accessToken: second.data.tokens.accessToken }));
const mine = await sessions.listMySessions({});
assert.equal(mine.data.length, 2);
assert.equal(mine.data[0].current, true);
assert.ok(mine.data[1].lastUsedAt instanceof Date);
assert.equal(typeof mine.data[1].device, "string");
await sessions.revokeMySession({ sessionId: mine.data[1].id });
await assert.rejects(signedIn.getProfile({}), (e) => e.response.status === 401);

await assert.rejects(auth.login({ loginRequest: { email, password: "Wr0ngPassword" } }), (e) => {
  assert.equal(e.name, "ResponseError");
  assert.equal(e.response.status, 401);
  return true;
});

// RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30 s, 6 digits), independent of the service.
function totp(base32Secret, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32Secret.replace(/=+$/, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const hash = createHmac("sha1", key).update(counter).digest();
  const offset = hash[hash.length - 1] & 0x0f;
  return String((hash.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

const staffEmail = `ts-mfa-${Date.now()}@example.com`;
// The admin's second session: the first one was ended above.
const admin = new sdk.UsersApi(new sdk.Configuration({ basePath, accessToken: second.data.tokens.accessToken }));
await admin.createUser({
  createUserRequest: { email: staffEmail, firstName: "Tess", lastName: "Totp", role: "staff", password: "Sup3rSecret" },
});
const first = await auth.login({ loginRequest: { email: staffEmail, password: "Sup3rSecret" } });
const twoFactor = new sdk.TwoFactorApi(new sdk.Configuration({ basePath, accessToken: first.data.tokens.accessToken }));
const enrollment = await twoFactor.enrollTotp({});
assert.match(enrollment.data.qrCodeSvg, /^<svg /);
const confirmed = await twoFactor.confirmTotp({ totpCodeRequest: { code: totp(enrollment.data.secret) } });
assert.equal(confirmed.data.recoveryCodes.length, 10);

const challenge = await auth.login({ loginRequest: { email: staffEmail, password: "Sup3rSecret" } });
assert.equal(challenge.data.mfaRequired, true);
assert.equal(challenge.data.tokens, undefined);
// A recovery code: the app's code of this 30-second step was used by the confirmation.
const anonymous = new sdk.TwoFactorApi(new sdk.Configuration({ basePath }));
const verified = await anonymous.verifyMfa({
  mfaVerifyRequest: { mfaToken: challenge.data.mfaToken, code: confirmed.data.recoveryCodes[0] },
});
assert.ok(verified.data.tokens.accessToken.length > 20);
assert.equal(verified.data.user.mfaEnabled, true);
console.log("TypeScript SDK smoke test: login, profile, users list, an API key until revoked, ending a session, a 401 as ResponseError, two-factor sign-in — ok");
