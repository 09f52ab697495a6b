"""Driving Chromium for the browser tests: a page that records errors, 404s and outside requests."""

from __future__ import annotations

from urllib.parse import urlsplit

CHROMIUM_ARGS = [
    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps",
]


class Visit:
    """A page with every console error, failed request, 404 and outside request recorded."""

    def __init__(self, browser, base: str, bypass_csp: bool = True, **context_options):
        """``bypass_csp`` lets tests inject axe-core; a test of the page's own CSP passes False."""
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))
        self.context = browser.new_context(bypass_csp=bypass_csp, **context_options)
        self.page = self.context.new_page()
        self.page.set_default_timeout(10_000)
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.not_found: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # A fetch cut short by navigating away is not an error; anything else that fails is.
        self.page.on("requestfailed", lambda r: r.failure != "net::ERR_ABORTED" and self.errors.append(f"failed: {r.url} {r.failure}"))
        self.page.on("response", lambda r: r.status >= 400 and self.not_found.append(f"{r.status} {r.url}"))
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(("data:", "about:")) or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def close(self):
        self.context.close()


