"""Score a response's headers the way MDN HTTP Observatory does (its published tests and modifiers).

Start at 100; each test adds its modifier; bonuses count only when the score without them is at
least 90. Tests that need the network (HTTP→HTTPS redirection, the HSTS preload list, external
scripts' SRI) are scored as Observatory scores a same-origin, HTTPS-only site: 0.
"""

import re
from dataclasses import dataclass, field

UNSAFE_SCHEMES = {"http:", "https:", "data:", "ftp:", "*"}


@dataclass
class Score:
    score: int = 100
    results: dict = field(default_factory=dict)

    def add(self, test, result, modifier):
        self.results[test] = (result, modifier)


def parse_csp(header):
    policy = {}
    for part in (header or "").split(";"):
        tokens = part.strip().split()
        if tokens:
            policy.setdefault(tokens[0].lower(), [t.lower() for t in tokens[1:]])
    return policy


def _csp(response):
    header = response.headers.get("Content-Security-Policy")
    if not header:
        return "csp-not-implemented", -25, {}
    policy = parse_csp(header)
    default = policy.get("default-src", ["*"])
    script = policy.get("script-src", default)
    style = policy.get("style-src", default)
    obj = policy.get("object-src", default)
    has_nonce_or_hash = any(s.startswith(("'nonce-", "'sha256-", "'sha384-", "'sha512-")) for s in script)
    if (
        ("'unsafe-inline'" in script and not has_nonce_or_hash)
        or UNSAFE_SCHEMES & set(script)
        or UNSAFE_SCHEMES & set(obj)
    ):
        return "csp-implemented-with-unsafe-inline", -20, policy
    if "'unsafe-eval'" in script:
        return "csp-implemented-with-unsafe-eval", -10, policy
    if UNSAFE_SCHEMES & set(policy.get("img-src", default) + policy.get("media-src", default)) - {"data:"}:
        return "csp-implemented-with-insecure-scheme-in-passive-content-only", -10, policy
    if "'unsafe-inline'" in style:
        return "csp-implemented-with-unsafe-inline-in-style-src-only", 0, policy
    if default == ["'none'"]:
        return "csp-implemented-with-no-unsafe-default-src-none", 10, policy
    return "csp-implemented-with-no-unsafe", 0, policy


def _cookies(response):
    cookies = list(response.cookies.values())
    if not cookies:
        return "cookies-not-found", 0
    if any(not c["secure"] for c in cookies):
        return "cookies-without-secure-flag", -20
    session_like = [c for c in cookies if re.search(r"session|csrf", c.key, re.I)]
    if any(not c["httponly"] for c in session_like if "session" in c.key):
        return "cookies-session-without-httponly-flag", -30
    if all(c["samesite"] for c in cookies):
        return "cookies-secure-with-httponly-sessions-and-samesite", 5
    return "cookies-secure-with-httponly-sessions", 0


def score_response(response):
    """An Observatory-style :class:`Score` for a Django test-client response (served over HTTPS)."""
    result = Score()
    csp_result, modifier, policy = _csp(response)
    tests = [("content-security-policy", csp_result, modifier)]
    tests.append(("cookies", *_cookies(response)))
    acao = response.headers.get("Access-Control-Allow-Origin", "")
    tests.append(
        ("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
        if acao == "*" and response.headers.get("Access-Control-Allow-Credentials") == "true"
        else ("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", 0)
    )
    tests.append(("redirection", "redirection-not-needed-no-http", 0))
    referrer = response.headers.get("Referrer-Policy", "").lower().split(",")[-1].strip()
    if referrer in {"no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"}:
        tests.append(("referrer-policy", "referrer-policy-private", 5))
    elif referrer in {"origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"}:
        tests.append(("referrer-policy", "referrer-policy-unsafe", -5))
    else:
        tests.append(("referrer-policy", "referrer-policy-not-implemented", 0))
    hsts = response.headers.get("Strict-Transport-Security", "")
    max_age = re.search(r"max-age=(\d+)", hsts)
    if not max_age:
        tests.append(("strict-transport-security", "hsts-not-implemented", -20))
    elif int(max_age.group(1)) < 15_768_000:
        tests.append(("strict-transport-security", "hsts-implemented-max-age-less-than-six-months", -10))
    else:
        tests.append(("strict-transport-security", "hsts-implemented-max-age-at-least-six-months", 0))
    tests.append(("subresource-integrity", "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0))
    if response.headers.get("X-Content-Type-Options", "").lower() == "nosniff":
        tests.append(("x-content-type-options", "x-content-type-options-nosniff", 0))
    else:
        tests.append(("x-content-type-options", "x-content-type-options-not-implemented", -5))
    xfo = response.headers.get("X-Frame-Options", "").upper()
    if policy.get("frame-ancestors") and "*" not in policy["frame-ancestors"]:
        tests.append(("x-frame-options", "x-frame-options-implemented-via-csp", 5))
    elif xfo in {"DENY", "SAMEORIGIN"}:
        tests.append(("x-frame-options", "x-frame-options-sameorigin-or-deny", 0))
    else:
        tests.append(("x-frame-options", "x-frame-options-not-implemented", -20))
    corp = response.headers.get("Cross-Origin-Resource-Policy", "").lower()
    if not corp:
        tests.append(("cross-origin-resource-policy", "corp-not-implemented", 0))
    elif corp in {"same-origin", "same-site", "cross-origin"}:
        tests.append(("cross-origin-resource-policy", f"corp-implemented-with-{corp}", 0))
    else:
        tests.append(("cross-origin-resource-policy", "corp-header-invalid", -5))
    penalties = sum(m for _t, _r, m in tests if m < 0)
    bonus = sum(m for _t, _r, m in tests if m > 0)
    result.score = max(0, 100 + penalties + (bonus if 100 + penalties >= 90 else 0))
    for test, outcome, mod in tests:
        result.add(test, outcome, mod)
    return result
