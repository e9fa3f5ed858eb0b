"""Staging smoke test: open the page in every browser the customers use.

Run inside the image against a running container, e.g.
    docker run --rm --network host IMAGE python tests/smoke.py http://localhost:8000
It needs Chromium AND Firefox: an image that installs only Chromium fails here.
"""
import sys

from playwright.sync_api import sync_playwright

BROWSERS = ("chromium", "firefox")


def main(base_url: str) -> int:
    failures = 0
    with sync_playwright() as p:
        for name in BROWSERS:
            try:
                browser = getattr(p, name).launch()
            except Exception as e:  # a browser that is not installed fails to launch
                print(f"{name}: cannot launch: {e}".splitlines()[0])
                failures += 1
                continue
            page = browser.new_page()
            page.goto(base_url + "/")
            title = page.text_content("#title")
            ok = title == "Orders"
            print(f"{name}: {'ok' if ok else 'unexpected title ' + repr(title)}")
            failures += 0 if ok else 1
            browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "http://localhost:8000"))
