#!/usr/bin/env python3
"""Writes the dashboard frontend's consumer pacts, one per frontend version, from the reading notes below.

Our own description of what the dashboard (github.com/josephnguyen-macusaone/abc-dashboard, folder
frontend/) sends and reads, taken from its code at the commits named in VERSIONS — no frontend code is
copied. Each interaction names the frontend files it comes from (paths under frontend/src/). Response
bodies hold only the fields the dashboard reads; every field gets a matcher (type, integer, ISO date-time,
E.164, role enum), `success` is exact because the dashboard branches on it.

Refresh (see docs/contract-testing.md): edit the notes, run `python3 e2e-tests/pacts/dashboard-pacts.py`,
commit the JSON it writes next to this file.
"""
import json
import pathlib

ISO = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
E164 = r"^\+[1-9]\d{7,14}$"
ROLE = r"^(admin|manager|staff)$"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"
# api/client.ts (request interceptor) + shared/utils/tracing.ts injectIntoHeaders: every request.
TRACE = {"x-trace-id": "fe_1764806400000_k3j4h5g6f", "x-span-id": "a1b2c3d4e", "x-sampled": "true"}
# api/client.ts: every GET gets a cache-busting `_t` (Date.now()).
CACHE_BUST = {"_t": ["1764806400000"]}

USER = {  # example values of every user field the dashboard reads somewhere
    "id": "6745a1f0c2d7e5b1a4c8e9d2", "username": "jane_doe", "email": "jane.doe@example.com",
    "firstName": "Jane", "lastName": "Doe", "displayName": "Jane Doe", "role": "staff",
    "isActive": True, "emailVerified": True, "isFirstLogin": False, "phone": "+14155550123",
    "bio": "Ops lead", "langKey": "en",
    "createdAt": "2026-11-01T09:30:00.000Z", "updatedAt": "2026-11-01T09:30:00.000Z",
}
# entities/user-entity.ts User.fromObject (login, register, verify, profile update), always-present fields.
FROM_OBJECT = ["id", "username", "email", "firstName", "lastName", "displayName", "role", "isActive",
               "emailVerified", "isFirstLogin", "createdAt", "updatedAt"]
# repositories/user-repository.ts mapUserProfileToDomain (list, get, create, update).
PROFILE_MAP = ["id", "username", "email", "displayName", "role", "isActive", "createdAt", "updatedAt"]


def user(fields, **overrides):
    u = {k: USER[k] for k in fields}
    u.update(overrides)
    return u


def rules_for(value, path, rules):
    if isinstance(value, dict):
        for k, v in value.items():
            rules_for(v, f"{path}.{k}", rules)
    elif isinstance(value, list):
        rules[path] = {"matchers": [{"match": "type", "min": 1}], "combine": "AND"}
        if value:
            rules_for(value[0], f"{path}[*]", rules)
    elif path == "$.success":
        pass  # exact: the dashboard branches on it
    elif isinstance(value, bool):
        rules[path] = {"matchers": [{"match": "type"}], "combine": "AND"}
    elif isinstance(value, int):
        rules[path] = {"matchers": [{"match": "integer"}], "combine": "AND"}
    elif path.endswith(".role"):
        rules[path] = {"matchers": [{"match": "regex", "regex": ROLE}], "combine": "AND"}
    elif path.endswith("At") or path == "$.timestamp":
        rules[path] = {"matchers": [{"match": "regex", "regex": ISO}], "combine": "AND"}
    elif path.endswith(".phone"):
        rules[path] = {"matchers": [{"match": "regex", "regex": E164}], "combine": "AND"}
    else:
        rules[path] = {"matchers": [{"match": "type"}], "combine": "AND"}


def interaction(description, files, state, method, path, status, *, query=None, body=None, auth=True,
                cookie=None, read=None, body_from_state=(), path_from_state=None):
    request = {"method": method, "path": path}
    headers = dict(TRACE)
    if body is not None:
        headers["Content-Type"] = "application/json"
        request["body"] = body
    if auth:
        headers["Authorization"] = f"Bearer {TOKEN}"
    if cookie:
        headers["Cookie"] = f"{cookie}=5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"
    if method == "GET":
        query = {**(query or {}), **CACHE_BUST}
    if query:
        request["query"] = query
    request["headers"] = headers
    generators = {}
    if auth:
        generators.setdefault("header", {})["Authorization"] = {
            "type": "ProviderState", "expression": "Bearer ${accessToken}", "dataType": "STRING"}
    if cookie:
        generators.setdefault("header", {})["Cookie"] = {
            "type": "ProviderState", "expression": f"{cookie}=${{{cookie}}}", "dataType": "STRING"}
    for field in body_from_state:  # "field" or "field=stateValue"
        field, _, value = field.partition("=")
        generators.setdefault("body", {})[f"$.{field}"] = {
            "type": "ProviderState", "expression": f"${{{value or field}}}", "dataType": "STRING"}
    if path_from_state:
        generators["path"] = {"type": "ProviderState", "expression": path_from_state, "dataType": "STRING"}
    if generators:
        request["generators"] = generators
    response = {"status": status}
    if read is not None:
        response["headers"] = {"Content-Type": "application/json"}
        response["body"] = read
        rules = {}
        rules_for(read, "$", rules)
        response["matchingRules"] = {
            "header": {"Content-Type": {"matchers": [{"match": "regex", "regex": "application/json(;.*)?"}],
                                       "combine": "AND"}},
            "body": rules}
    return {"description": f"{description} [{', '.join(files)}]", "providerStates": [{"name": state}],
            "request": request, "response": response}


def ok(data):
    return {"success": True, "data": data}


def error(status):
    return {"success": False, "message": "Invalid email or password",
            "error": {"code": status, "message": "Invalid email or password"}}


USER_ID = "/api/v1/users/6745a1f0c2d7e5b1a4c8e9d2"
STATS = {"totalUsers": 42, "activeUsers": 40, "inactiveUsers": 2,
         "usersByRole": {"admin": 2, "manager": 5, "staff": 35}, "recentUsers": 3}
PAGINATION = {"page": 1, "limit": 10, "total": 42, "totalPages": 5}
LOGIN = ["organisms/form/login-form.tsx", "stores/auth-store.ts", "repositories/auth-repository.ts",
         "api/auth.ts", "entities/user-entity.ts"]


def baseline():
    return [
        interaction("a visitor registers and is signed in at once",
                    ["organisms/form/register-form.tsx", "stores/auth-store.ts", "repositories/auth-repository.ts",
                     "api/auth.ts", "entities/user-entity.ts"],
                    "email verification is off and no account exists for the email", "POST",
                    "/api/v1/auth/register", 201,
                    body={"username": "jane_doe", "email": "jane.doe@example.com", "password": "Sup3rSecret",
                          "firstName": "Jane", "lastName": "Doe", "role": "staff"},
                    body_from_state=("email", "username"), auth=False,
                    read=ok({"user": user(FROM_OBJECT, emailVerified=False),
                             "tokens": {"accessToken": TOKEN, "refreshToken": "5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"}})),
        interaction("a visitor verifies the email with the mailed token",
                    ["pages/auth/verify-email-page.tsx", "stores/auth-store.ts", "repositories/auth-repository.ts",
                     "api/auth.ts"],
                    "an account awaits email verification", "POST", "/api/v1/auth/verify-email", 200,
                    body={"token": "q3mW0x9rVt1Zb8Kc2Ld7Nf4Hg6Pj5Sa0Ue3Yi9Ow1Xr"}, body_from_state=("token",), auth=False,
                    read=ok({"user": {"id": USER["id"], "email": USER["email"], "isActive": True},
                             "message": "Email verified"})),
        *common_auth(LOGIN),
        interaction("the dashboard loads the signed-in user's profile",
                    ["stores/auth-store.ts", "repositories/auth-repository.ts (getProfile)", "api/auth.ts"],
                    "a signed-in user", "GET", "/api/v1/auth/profile", 200,
                    read=ok({})),
        interaction("a user edits the profile with a national phone number",
                    ["organisms/form/profile-update-form.tsx", "stores/auth-store.ts",
                     "repositories/auth-repository.ts", "api/auth.ts", "entities/user-entity.ts"],
                    "a signed-in user", "PUT", "/api/v1/auth/profile", 200,
                    body={"displayName": "Jane D.", "bio": "Night shift", "phone": "(415) 555-0123"},
                    read=ok({"user": user(FROM_OBJECT + ["bio", "phone"], displayName="Jane D.")})),
        interaction("the dashboard refreshes the tokens with the refresh cookie",
                    ["api/client.ts (401 handler)", "stores/auth-store.ts", "repositories/auth-repository.ts",
                     "api/auth.ts"],
                    "a signed-in user", "POST", "/api/v1/auth/refresh", 200, auth=False, cookie="refreshToken",
                    read=ok({"tokens": {"accessToken": TOKEN, "refreshToken": "5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"}})),
        *users_section(list_query={"page": ["1"], "limit": ["10"]}, list_files=[
            "organisms/user-management/users-list.tsx", "repositories/user-repository.ts", "api/users.ts"],
            update_method="PUT", update_form="organisms/user-management/user-edit-form.tsx",
            create_form="organisms/user-management/user-create-form.tsx",
            create_body={"username": "sam_staff", "email": "sam.staff@example.com", "displayName": "Sam Staff",
                         "role": "staff"},
            delete_files=["organisms/user-management/user-delete-dialog.tsx", "repositories/user-repository.ts",
                          "api/users.ts"],
            stats_files=["organisms/user-management/user-stats.tsx", "repositories/user-repository.ts",
                         "api/users.ts"]),
        interaction("a staff member opens the user list (the permission table grants staff read_user)",
                    ["shared/constants/index.ts (ROLE_PERMISSIONS)", "organisms/user-management/users-list.tsx",
                     "repositories/user-repository.ts", "api/users.ts"],
                    "a staff member is signed in", "GET", "/api/v1/users", 200,
                    query={"page": ["1"], "limit": ["10"]},
                    read={"success": True, "data": [user(PROFILE_MAP)], "meta": {"pagination": PAGINATION}}),
        interaction("a staff member opens a user",
                    ["shared/constants/index.ts (ROLE_PERMISSIONS)", "repositories/user-repository.ts (getUserById)",
                     "api/users.ts"],
                    "a staff member is signed in and another staff member exists", "GET", USER_ID, 200,
                    path_from_state="/api/v1/users/${userId}", read=ok({"user": user(PROFILE_MAP)})),
    ]


def common_auth(login_files):
    return [
        interaction("a user signs in", login_files, "a verified account", "POST", "/api/v1/auth/login", 200,
                    body={"email": "jane.doe@example.com", "password": "Sup3rSecret"},
                    body_from_state=("email", "password"), auth=False,
                    read=ok({"user": user(FROM_OBJECT),
                             "tokens": {"accessToken": TOKEN, "refreshToken": "5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"}})),
        interaction("a sign-in with a wrong password", ["api/errors.ts (handleApiError)"] + login_files[:1],
                    "a verified account", "POST", "/api/v1/auth/login", 401,
                    body={"email": "jane.doe@example.com", "password": "Wr0ngPassword"},
                    body_from_state=("email",), auth=False, read=error(401)),
        interaction("a user signs out", ["templates/dashboard-template.tsx", "stores/auth-store.ts",
                                         "repositories/auth-repository.ts", "api/auth.ts"],
                    "a signed-in user", "POST", "/api/v1/auth/logout", 200),
        interaction("a user changes the password",
                    ["change-password-form.tsx", "stores/auth-store.ts", "repositories/auth-repository.ts",
                     "api/auth.ts"],
                    "a signed-in user", "POST", "/api/v1/auth/change-password", 200,
                    body={"currentPassword": "Sup3rSecret", "newPassword": "N3wSup3rSecret"},
                    body_from_state=("currentPassword=password",),
                    read=ok({"message": "Password changed"})),
    ]


def users_section(list_query, list_files, update_method, update_form, create_form, create_body, delete_files,
                  stats_files):
    return [
        interaction("an admin lists the users", list_files, "an admin is signed in", "GET", "/api/v1/users", 200,
                    query=list_query,
                    read={"success": True, "data": [user(PROFILE_MAP)], "meta": {"pagination": PAGINATION}}),
        interaction("an admin opens the user statistics", stats_files, "an admin is signed in", "GET",
                    "/api/v1/users/stats", 200, read=ok(STATS)),
        interaction("an admin opens a user", ["repositories/user-repository.ts (getUserById)", "api/users.ts"],
                    "an admin is signed in and a staff member exists", "GET", USER_ID, 200,
                    path_from_state="/api/v1/users/${userId}", read=ok({"user": user(PROFILE_MAP)})),
        interaction("an admin creates a user with the create form's payload",
                    [create_form, "repositories/user-repository.ts (createUser)", "api/users.ts"],
                    "an admin is signed in and no account exists for the email", "POST", "/api/v1/users", 201,
                    body=create_body, body_from_state=("email", "username"),
                    read=ok({"user": user(PROFILE_MAP, username="sam_staff", email="sam.staff@example.com",
                                          displayName="Sam Staff")})),
        interaction("an admin edits a user with a national phone number",
                    [update_form, "repositories/user-repository.ts (updateUser)", "api/users.ts"],
                    "an admin is signed in and a staff member exists", update_method, USER_ID, 200,
                    body={"displayName": "Sam Night", "phone": "415-555-0199", "role": "manager"},
                    path_from_state="/api/v1/users/${userId}",
                    read=ok({"user": user(PROFILE_MAP + ["phone"], displayName="Sam Night", phone="+14155550199",
                                          role="manager")})),
        interaction("an admin deletes a user", delete_files, "an admin is signed in and a staff member exists",
                    "DELETE", USER_ID, 200, path_from_state="/api/v1/users/${userId}",
                    read=ok({"message": "User deleted"})),
    ]


def later():
    profile_read = user(["id", "username", "email", "displayName", "role", "isActive", "isFirstLogin",
                         "createdAt", "updatedAt"])
    return [
        *common_auth(["organisms/auth/login-form.tsx", "stores/auth-store.ts", "repositories/auth-repository.ts",
                      "api/auth.ts", "entities/user-entity.ts"]),
        interaction("the dashboard loads the signed-in user's profile",
                    ["stores/auth-store.ts", "repositories/auth-repository.ts", "api/auth.ts (getProfile)"],
                    "a signed-in user", "GET", "/api/v1/auth/profile", 200,
                    read=ok({"user": profile_read})),
        interaction("a user edits the profile at /profile with a national phone number",
                    ["organisms/user/profile-update-form.tsx", "stores/auth-store.ts",
                     "repositories/auth-repository.ts", "api/auth.ts (updateProfile)", "entities/user-entity.ts"],
                    "a signed-in user", "PUT", "/api/v1/profile", 200,
                    body={"displayName": "Jane D.", "bio": "Night shift", "phone": "(415) 555-0123"},
                    read=ok({"user": user(FROM_OBJECT + ["bio", "phone"], displayName="Jane D.")})),
        interaction("the dashboard refreshes the tokens with the stored refresh token",
                    ["api/client.ts (401 handler)", "stores/auth-store.ts", "api/auth.ts (refreshToken)"],
                    "a signed-in user", "POST", "/api/v1/auth/refresh", 200, auth=False,
                    body={"refreshToken": "5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"},
                    body_from_state=("refreshToken",),
                    read=ok({"tokens": {"accessToken": TOKEN, "refreshToken": "5fQ2v8Lr0xTz7Kp3Wm9Nc1Hb6Jd4Sg2Ya8Ue5Oi0Rt7Xw"}})),
        interaction("a user asks for a password reset",
                    ["organisms/auth/forgot-password-form.tsx", "stores/auth-store.ts", "api/auth.ts"],
                    "a verified account", "POST", "/api/v1/auth/forgot-password", 200, auth=False,
                    body={"email": "jane.doe@example.com"}, body_from_state=("email",)),
        interaction("a user sets a new password with the mailed token",
                    ["organisms/auth/reset-password-form.tsx", "stores/auth-store.ts", "api/auth.ts"],
                    "a password reset was requested", "POST", "/api/v1/auth/reset-password", 200, auth=False,
                    body={"token": "q3mW0x9rVt1Zb8Kc2Ld7Nf4Hg6Pj5Sa0Ue3Yi9Ow1Xr", "password": "N3wSup3rSecret"},
                    body_from_state=("token",)),
        *users_section(
            list_query={"page": ["1"], "limit": ["100"], "sortBy": ["createdAt"], "sortOrder": ["desc"]},
            list_files=["pages/dashboard/user-management-page.tsx", "stores/user-store.ts",
                        "repositories/user-repository.ts", "api/users.ts"],
            update_method="PATCH", update_form="organisms/user-management/user-edit-form.tsx",
            create_form="organisms/user-management/user-create-form.tsx",
            create_body={"username": "sam_staff", "email": "sam.staff@example.com", "firstName": "Sam",
                         "lastName": "Staff", "phone": "(415) 555-0142", "role": "staff"},
            delete_files=["organisms/user-management/user-delete-form.tsx", "stores/user-store.ts",
                          "repositories/user-repository.ts", "api/users.ts"],
            stats_files=["stores/user-store.ts", "repositories/user-repository.ts", "api/users.ts"]),
    ]


VERSIONS = {"2f2acf2": baseline, "dd5520f": later}

if __name__ == "__main__":
    here = pathlib.Path(__file__).resolve().parent
    for commit, build in VERSIONS.items():
        consumer = f"abc-dashboard-web-{commit}"
        pact = {"consumer": {"name": consumer}, "provider": {"name": "abc-dashboard-api"},
                "interactions": build(),
                "metadata": {"pactSpecification": {"version": "3.0.0"},
                             "source": f"github.com/josephnguyen-macusaone/abc-dashboard@{commit}:frontend/src "
                                       "(read, not copied); written by e2e-tests/pacts/dashboard-pacts.py"}}
        out = here / f"{consumer}-abc-dashboard-api.json"
        out.write_text(json.dumps(pact, indent=2) + "\n")
        print(f"{out.name}: {len(pact['interactions'])} interactions")
