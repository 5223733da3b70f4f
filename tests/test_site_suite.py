"""The site-level suite covers every kind of page: each kind of the plugin's table of page
kinds (plugins/portal/pages/kinds.py) and each text page has a sample page in the suite, which
the quality gates then check, and each sample page is in the suite's site."""
from __future__ import annotations

from conftest import LANGS, ROOT, SETTINGS
from portal.pages.kinds import KINDS_BY_ID
from portal.pages.kinds import PAGE_KINDS as TABLE
from site_suite import ALL_PAGES, KIND_OF, PAGE_KINDS, PAGES, REDIRECT_KINDS, SAMPLES, TEXT


def test_every_kind_of_page_in_the_table_has_a_sample_page_in_the_suite():
    sampled = {KIND_OF[page.kind] for page in ALL_PAGES}
    missing = [kind.id for kind in TABLE if kind.id not in sampled]
    assert not missing, f"kinds of page with no sample page in tests/site_suite.py (SAMPLES): {missing}"
    assert set(SAMPLES) - {TEXT} <= {kind.id for kind in TABLE}  # and no sample of a kind that is gone


def test_every_text_page_has_a_sample_page_in_the_suite():
    slugs = {path.name.split(".")[0] for folder in SETTINGS["PAGE_PATHS"] for path in (ROOT / "content" / folder).glob("*.md")}
    assert slugs == set(SAMPLES[TEXT].values())


def test_each_sample_is_a_page_per_language_or_one_for_all_as_its_kind_is():
    for name, path in PAGE_KINDS.items():
        neutral = KIND_OF[name] != TEXT and KINDS_BY_ID[KIND_OF[name]].neutral
        assert ("{lang}" not in path) == neutral, name
        assert [page.lang for page in ALL_PAGES if page.kind == name] == ([None] if neutral else LANGS), name


def test_the_gates_that_read_a_page_pass_over_the_redirects_only():
    redirects = [page for page in ALL_PAGES if KIND_OF[page.kind] in REDIRECT_KINDS]
    assert [page.id for page in redirects] == [f"redirect-{lang}" for lang in LANGS]
    assert [page for page in ALL_PAGES if page not in PAGES] == redirects


def test_every_sample_page_is_in_the_suites_site(suite_site):
    missing = [str(page) for page in ALL_PAGES
               if not (suite_site.output / (page.path + "index.html" if page.path.endswith("/") or not page.path
                                            else page.path)).is_file()]
    assert not missing, missing
