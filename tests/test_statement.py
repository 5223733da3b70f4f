"""The joint statement, its appendices and signatories, built from the project's own files."""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import LANGS, ROOT, SETTINGS, build, person, read
from helpers import text_of

PAGES = SETTINGS["STATEMENT_PAGES"]  # the statement and its appendices, in reading order
SEED_SIGNATORIES = (Path(__file__).parent / "fixtures" / "seed-signatories.txt").read_text(encoding="utf-8").splitlines()
REAL = ("data", "statements", "signatories")
ROOT_CONTENT = ROOT / "content"

PEOPLE = {
    "people/a-custody.md": person("custody", name={"en": "A Custody"}),
    "people/b-custody.md": person("custody", name={"en": "B Custody"}, updated="2024-03-02"),
    "people/c-pardoned.md": person("pardoned", name={"en": "C Pardoned"}),
    "people/counted-0004.md": person("house-arrest", visibility="counted"),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("statement"), PEOPLE, REAL,
                 SITEURL="https://example.org", CONTACT_EMAIL="join@example.org", CONTACT_TELEGRAM="example_join")


SIGNATORY = """\
name: Test Initiative
name_lang: en
kind: initiative
joined: 2024-01-10
"""


@pytest.fixture(scope="module")
def other_output(tmp_path_factory):
    """The statement's own content with three differences, each read by one test: no people,
    no SITEURL and no contact (nothing to show); the statement's figures without the pardoned
    (a category it did not count); and a new signatory, who joins at the end."""
    figures = (ROOT_CONTENT / "data" / "statement-2021.yaml").read_text(encoding="utf-8")
    assert "  pardoned: 9\n" in figures
    return build(tmp_path_factory.mktemp("statement-other"), {
        "data/statement-2021.yaml": figures.replace("  pardoned: 9\n", ""),
        "signatories/test-initiative.yaml": SIGNATORY + "names:\n  be: Тэставая ініцыятыва\n",
    }, REAL)


def section(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


def document_text(page: str) -> str:
    """The text of the document itself, without the navigation, the current totals and the lists the site adds."""
    body = section(page, '<article class="document">', "</article>")
    body = re.sub(r"<nav .*?</nav>", "", body, flags=re.S)
    body = re.sub(r'<aside class="current-totals".*?</aside>', "", body, flags=re.S)
    return body.split('<section id="signatories"')[0]


def test_every_document_in_every_language_links_to_the_others(output, lang):
    for slug in PAGES:
        page = read(output, f"{lang}/{slug}/index.html")
        related = section(page, '<nav class="related"', "</nav>")
        for other in PAGES:
            assert f'href="../../{lang}/{other}/"' in related, (lang, slug, other)
        for other_lang in LANGS:
            # Alternates name the full address where it is known: search engines take no other.
            assert f'hreflang="{other_lang}" href="https://example.org/{other_lang}/{slug}/"' in page, (lang, slug, other_lang)
        assert 'aria-current="page">' in related


def test_table_of_contents_links_to_headings_that_exist(output, lang):
    page = read(output, f"{lang}/statement/index.html")
    toc = section(page, '<nav class="toc"', "</nav>")
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert len(anchors) == 4  # Declaration principles, Invitation, Signatories, Join
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor
    appendix = read(output, f"{lang}/appendix-1/index.html")
    assert len(re.findall(r'href="#', section(appendix, '<nav class="toc"', "</nav>"))) == 5


# The figures as the statement gives them (Appendix 1: the two lists, in order).
CATEGORY_FIGURES = ["783", "231", "7", "187", "15", "5", "15", "1", "38", "9", "17"]
GROUPED = {"en": {"1021": "1021", "1308": "1308", "4691": "4,691"},
           "be": {"1021": "1\u00a0021", "1308": "1\u00a0308", "4691": "4\u00a0691"},
           "ru": {"1021": "1\u00a0021", "1308": "1\u00a0308", "4691": "4\u00a0691"}}


def test_historical_figures_are_unchanged(output, lang):
    numbers = GROUPED[lang]
    appendix = read(output, f"{lang}/appendix-1/index.html")
    listed = [re.match(r"\s*(\d+)", text_of(item)).group(1)
              for item in re.findall(r"<li>(.*?)</li>", document_text(appendix), re.S)
              if re.match(r"\s*\d+\s+[-–—]", text_of(item))]
    assert listed == CATEGORY_FIGURES
    text = text_of(document_text(appendix))
    for figure in (numbers["1021"], "287", numbers["1308"], numbers["4691"]):
        assert re.search(rf"(?<![\d\u00a0,]){figure}(?![\d\u00a0,]\d)", text), (lang, figure)
    assert re.search(rf"{numbers['1308']} \({numbers['1021']} ?\+ ?287\)", text)
    statement = text_of(document_text(read(output, f"{lang}/statement/index.html")))
    assert numbers["1021"] in statement and "287" in statement
    date = {"en": "October 22, 2021", "be": "22\u00a0кастрычніка 2021\u00a0г.", "ru": "22\u00a0октября 2021\u00a0г."}[lang]
    assert date in statement


def current_totals(page: str) -> dict[str, tuple[str, str]]:
    aside = section(page, '<aside class="current-totals"', "</aside>")
    rows = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", aside, re.S):
        cells = [text_of(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        rows[cells[0]] = tuple(cells[1:])
    return rows


def test_current_totals_stand_beside_the_historical_figures(output, lang):
    for slug, after in (("statement", "287"), ("appendix-1", "1021+287" if lang == "en" else "1\u00a0021 + 287")):
        page = read(output, f"{lang}/{slug}/index.html")
        assert page.count('<aside class="current-totals"') == 1
        # The totals follow the paragraph that gives the historical figures.
        assert page.index(after) < page.index('<aside class="current-totals"'), slug
        assert 'href="../../' + lang + '/#totals"' in section(page, '<aside class="current-totals"', "</aside>")
    rows = current_totals(read(output, "en/statement/index.html"))
    assert rows["Political prisoners"] == ("1,021", "3")  # two in custody, one counted-only
    assert rows["In custody"] == ("783", "2")
    assert rows["House arrest"] == ("7", "1")
    assert rows["Pardoned"] == ("9", "1")
    assert rows["Status"] == ("22 October 2021", "Today")
    assert "Totals today, as of 2 March 2024" in read(output, "en/statement/index.html")
    rows = current_totals(read(output, "be/appendix-1/index.html"))
    assert rows["Палітвязні"] == ("1\u00a0021", "3")


def test_a_category_the_statement_did_not_count_has_no_historical_figure(other_output):
    rows = current_totals(read(other_output, "en/statement/index.html"))
    assert rows["Pardoned"] == ("—", "0")
    assert rows["Subjected to politically motivated persecution"][0] == "278"


def names_on(page: str) -> list[str]:
    listing = section(page, '<ol class="signatories">', "</ol>")
    return [text_of(item.split(">", 1)[1]) for item in listing.split('<li id="signatory-')[1:]]


def words(text: str) -> set[str]:
    # The seed mixes scripts inside words ("online-іnіtiative" with a Cyrillic і).
    return set(re.findall(r"[^\W_]+", text.casefold().translate(str.maketrans("іа", "ia"))))


def test_every_signatory_is_listed_with_the_count(output, lang):
    page = read(output, f"{lang}/statement/index.html")
    entries = names_on(page)
    assert len(entries) == len(SEED_SIGNATORIES) == 58
    count = {"en": "signed by 58 organisations", "be": "падпісалі 58 арганізацый", "ru": "подписали 58 организаций"}[lang]
    assert count in text_of(page)
    # In joining order: the seed's first and last entries.
    assert entries[0].startswith("Dissident.by") and entries[-1].startswith("Sergest")


def test_every_word_of_every_seed_entry_is_shown_in_some_language(output):
    shown = words(" ".join(entry for lang in LANGS for entry in names_on(read(output, f"{lang}/statement/index.html"))))
    for line in SEED_SIGNATORIES:
        assert not words(line) - shown, (line, words(line) - shown)


def test_signatory_names_follow_the_page_language(output):
    be = names_on(read(output, "be/statement/index.html"))
    en = names_on(read(output, "en/statement/index.html"))
    # Civil initiative "Liberation2020": Belarusian original, English translation.
    assert be[2] == 'Грамадзянская ініцыятыва "Вызваленне2020"'
    assert en[2] == 'Civil initiative “Liberation2020” Грамадзянская ініцыятыва "Вызваленне2020"'
    page = read(output, "en/statement/index.html")
    assert '<span class="original" lang="be">Грамадзянская ініцыятыва &#34;Вызваленне2020&#34;</span>' in page
    assert "critical support" in en[22] and "крытычная падтрымка" in be[22]


def test_join_section_gives_both_routes(output, lang):
    page = read(output, f"{lang}/statement/index.html")
    join = section(page, '<section id="join"', "</section>")
    assert "https://github.com/politprisoners-by/portal/new/main/content/signatories" in join
    assert "issues/new?template=join-statement.yml" in join
    assert 'href="mailto:join@example.org"' in join and 'href="https://t.me/example_join"' in join
    assert f"name_lang: {lang}" in join


def test_statement_pages_are_in_the_navigation_and_the_sitemap(output):
    for lang in LANGS:
        assert f'href="../../{lang}/statement/"' in read(output, f"{lang}/people/index.html")
    sitemap = read(output, "sitemap.xml")
    for lang in LANGS:
        for slug in PAGES:
            assert f"<loc>https://example.org/{lang}/{slug}/</loc>" in sitemap
    assert 'hreflang="ru" href="https://example.org/ru/appendix-2/"' in read(output, "be/appendix-2/index.html")
    assert "<loc>https://example.org/en/people/a-custody/</loc>" in sitemap
    assert "counted-0004" not in sitemap


ATOM = "{http://www.w3.org/2005/Atom}"


def test_each_language_has_a_feed_of_its_text_pages(output, lang):
    feed = read(output, f"feeds/{lang}.atom.xml")
    assert feed.startswith('<?xml version="1.0" encoding="utf-8"?>')
    root = ElementTree.fromstring(feed.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    # One entry per text page of the language (the build has content/statements only).
    entries = [entry.find(f"{ATOM}link").get("href") for entry in root.findall(f"{ATOM}entry")]
    assert sorted(entries) == sorted(f"https://example.org/{lang}/{slug}/" for slug in PAGES)
    assert root.findtext(f"{ATOM}title") == {"be": "Палітвязні Беларусі", "ru": "Политзаключённые Беларуси",
                                              "en": "Political prisoners of Belarus"}[lang]
    assert f'href="../../feeds/{lang}.atom.xml"' in read(output, f"{lang}/statement/index.html")


def test_no_contact_is_shown_where_none_is_set(other_output):
    join = section(read(other_output, "en/statement/index.html"), '<section id="join"', "</section>")
    assert "mailto:" not in join and "t.me" not in join
    # No SITEURL, no absolute addresses: no sitemap and no feeds.
    assert not (other_output / "sitemap.xml").exists() and not (other_output / "feeds").exists()


@pytest.mark.parametrize("name, text, line, field, words", [
    ("bad-kind.yaml", SIGNATORY.replace("initiative\n", "club\n"), 3, "kind", '"club" is not a known kind'),
    ("no-name.yaml", SIGNATORY.replace("name: Test Initiative\n", ""), 1, "name", 'the required key "name" is missing'),
    ("typo.yaml", SIGNATORY + "websit: https://example.org\n", 5, "websit", 'did you mean "website"?'),
    ("bad-date.yaml", SIGNATORY.replace("2024-01-10", "10.01.2024"), 4, "joined", '"10.01.2024" is not a date'),
    ("bad-lang.yaml", SIGNATORY.replace("name_lang: en", "name_lang: English"), 2, "name_lang",
     '"English" is not a language code'),
    ("bad-site.yaml", SIGNATORY + "website: dissident.by\n", 5, "website", '"dissident.by" is not a web address'),
    ("broken.yaml", "name: [unclosed\n", 2, None, "YAML"),
    ("zubr-again.yaml", SIGNATORY.replace("Test Initiative", "ZUBR"), None, "name",
     'the name "ZUBR" is already used by content/signatories/zubr.yaml'),
    ("same-place.yaml", SIGNATORY.replace("Test Initiative", "A Test").replace("2024-01-10", "2021-10-22") + "order: 31\n",
     None, "order", "order 31 on 2021-10-22 is already taken by content/signatories/same-place.yaml"),
    ("notes.txt", "Name: Test", None, None, "is in the signatories folder but is not a signatory record"),
])
def test_a_malformed_signatory_stops_the_build_naming_it(tmp_path, monkeypatch, name, text, line, field, words):
    monkeypatch.chdir(tmp_path)  # paths in messages are shown relative to where the build runs
    with pytest.raises(SystemExit) as stopped:
        build(tmp_path, {f"signatories/{name}": text}, REAL)
    assert stopped.value.code != 0
    [problem] = stopped.value.problems
    blamed = "content/signatories/zubr.yaml" if name == "same-place.yaml" else f"content/signatories/{name}"
    assert (problem.path, problem.line, problem.field) == (blamed, line, field), str(problem)
    assert words in str(problem), str(problem)
    assert not (tmp_path / "output" / "en" / "statement").exists()


def test_a_new_signatory_joins_at_the_end(other_output):
    be = names_on(read(other_output, "be/statement/index.html"))
    assert len(be) == 59 and be[-1] == "Тэставая ініцыятыва Test Initiative"


def test_a_page_in_an_unknown_language_stops_the_build(tmp_path):
    with pytest.raises(SystemExit) as stopped:
        build(tmp_path, {"statements/statement.de.md": "Title: Erklärung\nSlug: statement\nLang: de\n\nText.\n"}, REAL)
    [problem] = stopped.value.problems
    assert problem.path.endswith("content/statements/statement.de.md") and problem.field == "Lang"
    assert '"de" is not one of the site\'s languages' in problem.message

