// The TypeScript SDK against the running service, as a frontend would use it: sign in, read the
// profile with the access token, and see a documented error come back as a ResponseError.
import assert from "node:assert/strict";
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

await assert.rejects(auth.login({ loginRequest: { email, password: "Wr0ngPassword" } }), (e) => {
  assert.equal(e.name, "ResponseError");
  assert.equal(e.response.status, 401);
  return true;
});
console.log("TypeScript SDK smoke test: login, profile, users list and a 401 as ResponseError — ok");
