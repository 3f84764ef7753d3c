"""The generated Python client against the running service, as an integrator would use it: register,
read the verification mail, verify the address, sign in, read the profile with the access token, and see
a documented error come back as an ApiException with the error envelope.

Environment: BASE_URL (the service), IMAP_PORT (the in-process mail capture of APP_ENV=test/development:
user and password are the recipient address). Run by run.sh with the client installed in a venv.
"""
import email
import imaplib
import os
import re
import time
import uuid

import abc_dashboard_client as sdk
from abc_dashboard_client.exceptions import ApiException

base_url = os.environ["BASE_URL"]
imap_port = int(os.environ["IMAP_PORT"])
address = f"py-{uuid.uuid4().hex[:12]}@example.com"
password = "Pyth0nClient"


def verification_token(recipient, timeout_s=20):
    """The token of the verification link mailed to the recipient (polls the IMAP mailbox)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        with imaplib.IMAP4("127.0.0.1", imap_port) as imap:
            imap.login(recipient, recipient)
            imap.select("INBOX")
            _, ids = imap.search(None, "ALL")
            for message_id in ids[0].split():
                _, data = imap.fetch(message_id, "(RFC822)")
                message = email.message_from_bytes(data[0][1])
                parts = message.walk() if message.is_multipart() else [message]
                for part in parts:
                    if part.get_content_maintype() == "text":
                        text = part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
                        match = re.search(r"verify-email\?token=([A-Za-z0-9._~-]+)", text)
                        if match:
                            return match.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no verification mail for {recipient} within {timeout_s} s")


anonymous = sdk.AuthApi(sdk.ApiClient(sdk.Configuration(host=base_url)))

registered = anonymous.register(sdk.RegisterRequest(
    email=address, password=password, first_name="Py", last_name="Client"))
assert registered.success is True
assert registered.data.user.email == address
assert registered.data.user.email_verified is False, registered.data.user

try:
    anonymous.login(sdk.LoginRequest(email=address, password=password))
    raise AssertionError("an unverified account signed in")
except ApiException as e:
    assert e.status in (401, 403), e.status

verified = anonymous.verify_email(sdk.TokenRequest(token=verification_token(address)))
assert verified.success is True

login = anonymous.login(sdk.LoginRequest(email=address, password=password))
assert login.data.user.email == address
access_token = login.data.tokens.access_token
assert len(access_token) > 20

signed_in = sdk.AuthApi(sdk.ApiClient(sdk.Configuration(host=base_url, access_token=access_token)))
profile = signed_in.get_profile()
assert profile.data.is_authenticated is True
assert profile.data.user.email == address
assert profile.data.user.email_verified is True
assert profile.data.user.role == "staff"

try:
    anonymous.login(sdk.LoginRequest(email=address, password="Wr0ngPassword"))
    raise AssertionError("a wrong password signed in")
except ApiException as e:
    assert e.status == 401 and '"success":false' in e.body.replace(" ", ""), (e.status, e.body)

print("Python client: register, verification mail, verify email, sign-in, profile and a 401 — ok")
