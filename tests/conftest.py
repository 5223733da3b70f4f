"""Fixture sites: a dict of files becomes a content folder, and a real Pelican build.

Pelican is imported only by build(): the unit layer (tests/unit/) runs without it.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import runpy
import shutil
import textwrap
import threading
from pathlib import Path

import pytest

from portal.language.language import Languages

ROOT = Path(__file__).resolve().parent.parent


def project_settings() -> dict:
    """The settings pelicanconf.py writes, read without Pelican (without its defaults)."""
    namespace = runpy.run_path(str(ROOT / "pelicanconf.py"))
    return {name: value for name, value in namespace.items() if name.isupper()}


SETTINGS = project_settings()
# The site's languages, the one list every test takes them from: the default language first.
LANGUAGES = Languages.from_settings(SETTINGS)
LANGS = LANGUAGES.codes


@pytest.fixture(params=LANGS)
def lang(request) -> str:
    """Each of the site's languages in turn."""
    return request.param


# Two places of detention for fixture sites: a colony in Gomel and a remand prison in Minsk,
# with checked addresses (the project's own files have one to be re-checked).
COLONY = """\
id: ik-test
type: colony
name:
  be: Папраўчая калонія № 99, Гомель
  ru: Исправительная колония № 99, Гомель
  en: Penal colony No. 99, Gomel
address: |
  ИК № 99
  ул. Антошкина, 3
  246035, г. Гомель
city: Гомель
region: gomel
source: https://example.org/addresses
checked: 2023-05-02
"""
COLONY_ENVELOPE = ["ИК № 99", "ул. Антошкина, 3", "246035, г. Гомель", "Беларусь / BELARUS"]
SIZO = """\
id: sizo-test
type: pre-trial-detention-centre
name:
  be: СІЗА № 1, Мінск
  ru: СИЗО № 1, Минск
  en: Pre-trial detention centre No. 1, Minsk
address: |
  СИЗО № 1
  ул. Володарского, 2
  220030, г. Минск
city: Минск
region: minsk-city
source: https://example.org/addresses
checked: 2023-05-02
"""

def person(status="custody", updated="2021-10-22", body="", **keys) -> str:
    """A person file; keys are written as YAML lines in the order given."""
    lines = ["---"]
    for key, value in {**keys, "status": status, "updated": updated}.items():
        if value is None:
            continue
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in value.items()]
        else:
            lines.append(f"{key}: {value}")
    lines.append("---")
    return "\n".join(lines) + "\n" + textwrap.dedent(body)


def jpeg(width: int = 480, height: int = 600, colour=(90, 90, 120)) -> bytes:
    """A plain JPEG photo for fixture records."""
    import io

    from PIL import Image
    stream = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(stream, "JPEG")
    return stream.getvalue()


PHOTO_RED = (200, 30, 30)  # the colour of photo_with_metadata()


def photo_with_metadata() -> bytes:
    """A red JPEG, 300×200, with a camera, a GPS position, a comment and an orientation
    (rotate 90°) in its metadata: what the build must strip, after turning it upright."""
    import io

    from PIL import Image
    image = Image.new("RGB", (300, 200), PHOTO_RED)
    exif = Image.Exif()
    exif[0x010F] = "SecretCameraMaker"
    exif[0x0110] = "SecretModel9000"
    exif[0x0112] = 6  # orientation: the photo stands upright when turned by 90°
    exif[0x8825] = {1: "N", 2: (53.0, 54.0, 27.0), 3: "E", 4: (27.0, 33.0, 40.0)}
    stream = io.BytesIO()
    image.save(stream, "JPEG", exif=exif.tobytes(), comment=b"SecretComment")
    return stream.getvalue()


def write_content(root: Path, files: dict[str, str | bytes], real: tuple[str, ...] = ("data",)) -> Path:
    """Writes `files` into root/content, after copying the project's own `real` folders."""
    content = root / "content"
    for folder in real:
        shutil.copytree(ROOT / "content" / folder, content / folder)
    (content / "people").mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


def build(root: Path, files: dict[str, str | bytes] | None, real: tuple[str, ...] = ("data",), **settings) -> Path:
    """Builds a fixture site under root/output with the project's own settings.

    With files=None the content folder under root is used as it is.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    content = write_content(root, files, real) if files is not None else root / "content"
    output = root / "output"
    config = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(content),
            "OUTPUT_PATH": str(output),
            "THEME": str(ROOT / "theme"),
            "PLUGIN_PATHS": [str(ROOT / "plugins")],
            "CACHE_PATH": str(root / "cache"),
            **settings,
        },
    )
    Pelican(config).run()
    return output


@pytest.fixture
def site_builder(tmp_path):
    def _build(files, real=("data",), **settings):
        return build(tmp_path, files, real, **settings)
    return _build


def read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


@contextlib.contextmanager
def serve(output: Path):
    """Serves a built site over HTTP on 127.0.0.1 (a secure context, like the real site)."""
    handler = functools.partial(_QuietHandler, directory=str(output))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright (no browser download)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--disable-gpu"])
        yield browser
        browser.close()


PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def new_tab(browser):
    """Opens tabs, each in a fresh browser context (a phone's width unless told), collecting the
    page's script errors in `tab.errors` (and its console errors, with `console_errors`); all
    closed after the test."""
    contexts = []

    def _new(viewport=PHONE, javascript=True, timezone=None, clipboard_origin=None, init_script=None,
             console_errors=False):
        options = {"viewport": viewport, "java_script_enabled": javascript}
        if timezone:
            options["timezone_id"] = timezone
        context = browser.new_context(**options)
        contexts.append(context)
        if clipboard_origin:
            context.grant_permissions(["clipboard-read", "clipboard-write"], origin=clipboard_origin)
        tab = context.new_page()
        if init_script:
            tab.add_init_script(init_script)
        tab.errors = []
        tab.on("pageerror", lambda error: tab.errors.append(str(error)))
        if console_errors:
            tab.on("console", lambda message: message.type == "error" and tab.errors.append(message.text))
        return tab

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def suite_site(tmp_path_factory):
    """The site-level suite's site (tests/site_suite.py): every kind of page, built once and
    served on 127.0.0.1 for the whole run."""
    from site_suite import served_site
    with served_site(tmp_path_factory.mktemp("suite")) as site:
        yield site


def pytest_terminal_summary(terminalreporter, config):
    """After the run: the page weights that tests/test_site_weight.py measured."""
    from gates.weight import print_weights
    print_weights(terminalreporter, config)


def pytest_sessionfinish(session):
    """Under pytest-xdist (make test runs the files on every core), a worker hands the page
    weights it measured to the controller, which prints them."""
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        from gates.weight import weights_key
        workeroutput["page_weights"] = [(page.kind, page.lang, page.path, weight.html, weight.css, weight.js)
                                        for page, weight in session.config.stash.get(weights_key, [])]


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    from gates.weight import Weight, weights_key
    from site_suite import Page
    rows = node.config.stash.setdefault(weights_key, [])
    rows += [(Page(kind, lang, path), Weight(html, css, js))
             for kind, lang, path, html, css, js in getattr(node, "workeroutput", {}).get("page_weights", [])]
