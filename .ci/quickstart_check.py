"""Log in as a demo user and check that the admin shows the demo data."""

import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, username, password = sys.argv[1:4]
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def get(path: str) -> str:
    with opener.open(base + path) as response:
        return response.read().decode()


login_page = get("/admin/login/")
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page).group(1)
form = urllib.parse.urlencode(
    {"username": username, "password": password, "csrfmiddlewaretoken": token, "next": "/admin/"}
).encode()
request = urllib.request.Request(base + "/admin/login/", data=form, headers={"Referer": base})
with opener.open(request) as response:
    assert response.url.endswith("/admin/"), f"login failed, ended at {response.url}"

expected = {
    "/admin/partnerships/party/": "Gemeentelijk Belastingkantoor Twente",
    "/admin/partnerships/participation/": "Centrumregeling Enschede – Losser",
}
for path, text in expected.items():
    page = get(path)
    assert text in page, f"{path} does not show {text!r}"
    print(f"{path}: shows {text!r}")

# The public pages of the quick start: anyone reads Enschede's (it publishes in the demo).
visitor = urllib.request.build_opener()
for path, text in {
    "/": "Waar nemen gemeenten aan deel?",
    "/gemeenten/GM0153/": "Enschede: samenwerkingsverbanden",
    "/samenwerkingsverbanden/gbt/": "Gemeentelijk Belastingkantoor Twente",
}.items():
    with visitor.open(base + path) as response:
        assert text in response.read().decode(), f"{path} does not show {text!r}"
    print(f"{path}: shows {text!r}")
