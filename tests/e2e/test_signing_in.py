"""Signing in in the browser (issue 17): an administrator sets up the app and signs in with
its code, a recovery code works once; five wrong passwords lock out with a Dutch message, an
administrator lifts it and the password works again. axe-core on each of these pages."""

import base64
import re

from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.e2e.conftest import PASSWORD, axe_violations, log_in, totp_code


def password_step(page, username, password=PASSWORD):
    page.goto(f"{page.base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def sign_out(page):
    page.click("form[action$='/logout/'] button, form#logout-form button")


def test_the_app_is_set_up_and_a_recovery_code_works_once(page):
    TOTPDevice.objects.filter(user__username="beheerder").delete()
    password_step(page, "beheerder")
    page.wait_for_url("**/admin/tweede-stap/instellen/**")
    assert page.locator("img[src$='qr.svg']").evaluate("img => img.naturalWidth > 0")
    assert axe_violations(page) == []
    key = page.locator("li code").inner_text().replace(" ", "")
    page.fill("#id_code", totp_code(base64.b32decode(key)))
    page.click("input[type=submit]")
    codes = page.locator(".recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    assert axe_violations(page) == []
    page.click("text=Ik heb ze bewaard, verder")
    assert page.locator("#site-name").is_visible()
    sign_out(page)

    for expected in ("in", "refused"):
        password_step(page, "beheerder")
        page.wait_for_url("**/admin/tweede-stap/**")
        if expected == "in":
            assert axe_violations(page) == []
        page.fill("#id_code", codes[0])
        page.click("input[type=submit]")
        if expected == "in":
            assert re.search(r"/admin/$", page.url)
            sign_out(page)
        else:
            assert "klopt niet" in page.locator(".errornote").inner_text()


def test_five_wrong_passwords_lock_out_until_an_administrator_lifts_it(page, browser, settings):
    # behind the proxy, as in production: the griffie and the administrator at their own address
    settings.REGISTRY_PROXY_COUNT = 1
    page.context.set_extra_http_headers({"X-Forwarded-For": "203.0.113.7"})
    for _ in range(5):
        password_step(page, "griffie.enschede", "verkeerd-wachtwoord")
    message = page.locator(".errornote").inner_text()
    assert "Te veel mislukte pogingen; probeer het over 15 minuten opnieuw" in message
    assert axe_violations(page) == []
    password_step(page, "griffie.enschede")
    assert "Te veel mislukte pogingen" in page.locator(".errornote").inner_text()

    context = browser.new_context(
        locale="nl-NL", extra_http_headers={"X-Forwarded-For": "198.51.100.4"}
    )
    administrator = context.new_page()
    administrator.base = page.base
    log_in(administrator, "beheerder")
    administrator.goto(f"{page.base}/admin/axes/accessattempt/")
    row = administrator.locator("#result_list tbody tr", has_text="griffie.enschede")
    row.locator("input[type=checkbox]").check()
    administrator.select_option("select[name=action]", "delete_selected")
    administrator.click("button[name=index]")
    administrator.click("input[type=submit]")  # "Ja, ik weet het zeker"
    assert "griffie.enschede" not in administrator.locator("#content").inner_text()
    context.close()

    password_step(page, "griffie.enschede")
    page.wait_for_url(re.compile(r"/admin/$"))
