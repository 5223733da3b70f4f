"""Search (/<lang>/search/): people by any spelling of their names, from a part of a word and
with one wrong letter, exact matches first; the text pages from Pagefind; nothing found gives
the way on to the list. The data file of people (search/people-<lang>.json) and, in the real
Chromium, the page in the three languages and at phone width."""
from __future__ import annotations

import gzip
import json
import re
import subprocess
from urllib.parse import quote

import pytest

from conftest import LANGS, ROOT, build, jpeg, person, read, serve
from helpers import parse, select_one
from portal.language.name_keys import FOLD, fold_word, fold_words

FILES = {
    "people/ivan-ivanau.md": person("custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов"}, region="minsk-city"),
    # Another Ivan, whose surname begins as Ivanau's does: found by "Іван", after exact matches.
    "people/ivan-ivanenka.md": person("custody", name={"be": "Іван Іваненка", "ru": "Иван Иваненко"}, region="brest"),
    "people/darya-losik.md": person("custody", name={"be": "Дар’я Лосік", "ru": "Дарья Лосик", "en": "Darya Losik"},
                                    region="vitebsk", photo="darya-losik.jpg"),
    "people/sviatlana-tsikhanouskaya.md": person(
        "forced-emigration", name={"be": "Святлана Ціханоўская", "ru": "Светлана Тихановская",
                            "en": "Sviatlana Tsikhanouskaya"}),
    "people/dzmitry-kaspiarovich.md": person("released", name={"be": "Дзмітрый Каспяровіч", "ru": "Дмитрий Касперович"}),
    "people/counted-0001.md": person("custody", visibility="counted", region="minsk-city"),
    "people/photos/darya-losik.jpg": jpeg(300, 400),
}
PUBLIC = ["darya-losik", "dzmitry-kaspiarovich", "ivan-ivanau", "ivan-ivanenka", "sviatlana-tsikhanouskaya"]


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build(tmp_path_factory.mktemp("search"), FILES, ("data", "statements"))


# The data file -----------------------------------------------------------------------------


def test_the_people_file_holds_the_public_people_with_their_keys(output, lang):
    data = json.loads(read(output, f"search/people-{lang}.json"))
    assert data["lang"] == lang and set(data["fold"]) == {"letters", "replace"}
    rows = {row[0]: row for row in data["people"]}
    assert sorted(url.split("/")[-2] for url in rows) == PUBLIC  # never the counted-only record
    assert "counted" not in read(output, f"search/people-{lang}.json")
    darya = rows[f"{lang}/people/darya-losik/"]
    assert darya[1] == {"be": "Дар’я Лосік", "ru": "Дарья Лосик", "en": "Darya Losik"}[lang]
    assert darya[3] == "photos/darya-losik-240.jpg"
    # Every spelling of Дар'я and Лосік, in any alphabet, folds to the same two keys.
    assert darya[4] == "dara lasik"
    assert rows[f"{lang}/people/sviatlana-tsikhanouskaya/"][4] == "suatlana tihanauska ticanauska"
    assert "\n" not in read(output, f"search/people-{lang}.json").rstrip("\n")  # compact: fetched by every search


def test_pagefind_indexes_the_text_pages_only(output):
    fragments = [gzip.decompress(path.read_bytes()) for path in (output / "pagefind" / "fragment").iterdir()]
    text = b"".join(fragments).decode("utf-8", "replace")
    assert "/people/" not in text and "Лосік" not in text
    assert "statement" in text


def test_the_page_without_scripts_points_to_the_list(output, lang):
    page = parse(read(output, f"{lang}/search/index.html"))
    form = select_one(page, "form[data-search-form]")
    assert form["data-people"] == f"../../search/people-{lang}.json"
    assert select_one(page, "noscript").a["href"] == f"../../{lang}/people/"


# In the real Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def server(output):
    with serve(output) as url:
        yield url


@pytest.fixture(scope="module")
def tab(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 780})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert not page.errors, page.errors
    context.close()


def search(tab, server, lang: str, query: str) -> list[str]:
    """The ids of the people found, in their order, once the search has answered."""
    tab.goto(f"{server}/{lang}/search/?q={quote(query)}")
    tab.wait_for_function("""() => {
        const status = document.querySelector('[data-search-status]');
        return status.textContent && status.textContent !== status.dataset.searching;
    }""")
    return tab.eval_on_selector_all("[data-search-results] li:not(.page) a",
                                    "links => links.map(a => new URL(a.href).pathname.split('/')[3])")


@pytest.mark.parametrize("query", [
    "Ціханоўская", "Тихановская", "Tsikhanouskaya", "Tikhanovskaya", "Tsikhanovskaya", "Tichanovskaja",
    "Ціхан", "Тихан", "Tsikh", "Tsik", "ЦІХАНОЎСКАЯ", "светлана тихановская", "Тихановская Светлана"])
def test_any_spelling_or_part_of_it_finds_the_person_from_any_language(tab, server, query):
    for lang in LANGS:
        assert search(tab, server, lang, query) == ["sviatlana-tsikhanouskaya"], (lang, query)


@pytest.mark.parametrize("query, found", [
    ("Тиханоская", "sviatlana-tsikhanouskaya"),  # a letter missing
    ("Tsikhanuoskaya", "sviatlana-tsikhanouskaya"),  # two swapped
    ("Ціханоўскя", "sviatlana-tsikhanouskaya"),
    ("Лосык", "darya-losik"),  # ы where the name has і
    ("Лосиk", "darya-losik"),  # a Latin letter among Cyrillic ones
    ("Losyk", "darya-losik"),
    ("Kasperowicz", "dzmitry-kaspiarovich"),  # the Polish spelling
    ("Dmitry Kasperovich", "dzmitry-kaspiarovich"),
    ("Каспяравіч", "dzmitry-kaspiarovich"),  # a wrong vowel
    ("Касперови", "dzmitry-kaspiarovich"),  # not yet typed to its end
])
def test_one_wrong_letter_still_finds_the_person(tab, server, query, found):
    assert search(tab, server, "be", query) == [found], query


def test_exact_matches_rank_first(tab, server):
    assert search(tab, server, "ru", "Иванов") == ["ivan-ivanau", "ivan-ivanenka"]  # Иваненко: a letter from its start
    assert search(tab, server, "ru", "Иван") == ["ivan-ivanenka", "ivan-ivanau"]  # both: in the list's order
    assert search(tab, server, "ru", "Иваненко") == ["ivan-ivanenka"]
    # "Іванау" is one letter from both; Іванаў folds to it exactly and ranks first.
    assert search(tab, server, "be", "Іванау")[0] == "ivan-ivanau"
    # A word being typed whose last letter may begin a pair (Dary… of Darya) still finds, after
    # the real beginnings; a three-letter word is not cut to two.
    assert search(tab, server, "en", "Dary")[0] == "darya-losik"
    assert search(tab, server, "be", "Іва") == ["ivan-ivanau", "ivan-ivanenka"]  # the list's order


@pytest.mark.parametrize("lang, query, letter", [
    ("be", "Шчыглюк", "Ш"), ("ru", "Щеглюк у", "Щ"), ("en", "Zzyzx", "Z"), ("be", "у", "У"), ("en", "42", None)])
def test_nonsense_finds_no_one_and_offers_the_list(tab, server, lang, query, letter):
    assert search(tab, server, lang, query) == []
    assert tab.locator("[data-search-results] li").count() == 0  # nor a page on a one-letter word
    help_ = tab.locator("[data-search-help]")
    assert help_.is_visible()
    assert help_.locator("a").first.get_attribute("href") == f"../../{lang}/people/"
    letter_link = help_.locator("[data-letter-link]")
    if letter:
        assert letter_link.get_attribute("href") == f"../../{lang}/people/#letter-{quote(letter)}"
    else:
        assert not letter_link.is_visible()




def test_a_text_page_is_found_after_the_people(tab, server):
    assert search(tab, server, "en", "statement") == []
    assert tab.locator("[data-search-results] li.page a").count() >= 1


def test_the_page_speaks_belarusian_and_fits_a_phone(tab, server):
    assert search(tab, server, "be", "Шчыглюк") == []
    assert tab.locator("[data-search-status]").inner_text() == "Па запыце «Шчыглюк» нічога не знойдзена."
    tab.locator("#search-query").fill("Лосік")  # results as one types, with the count in Belarusian
    tab.wait_for_selector("[data-search-results] li a")
    assert tab.locator("[data-search-status]").inner_text() == "1 вынік"
    assert tab.url.endswith("/be/search/?q=" + quote("Лосік"))
    result = tab.locator("[data-search-results] li").first
    assert result.locator("a").inner_text() == "Дар’я Лосік"
    assert result.locator("p").inner_text() == "Пад вартай · Віцебская вобласць"  # the status and region, no spellings
    assert result.locator("img").get_attribute("src").endswith("/photos/darya-losik-240.jpg")
    tab.locator("#search-query").fill("Ціханоўская")  # no photo: her initials in its place
    tab.wait_for_selector("[data-search-results] li .initials")
    assert tab.locator("[data-search-results] li .initials").inner_text() == "СЦ"
    # No sideways scroll at 360 px; a box a phone does not zoom into, tall enough to tap.
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    box = tab.locator("#search-query")
    assert float(box.evaluate("e => getComputedStyle(e).fontSize").rstrip("px")) >= 16
    assert box.bounding_box()["height"] >= 44


def test_the_header_box_leads_to_the_results(browser, server, lang):
    """On a desktop: a phone's header links to the search page instead."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(f"{server}/{lang}/people/")
    tab.locator("#site-search").fill("Darya")
    tab.locator("#site-search").press("Enter")
    tab.wait_for_url(f"**/{lang}/search/?q=Darya")
    tab.wait_for_selector("[data-search-results] li a")
    assert tab.locator("[data-search-results] li a").first.get_attribute("href") == f"../../{lang}/people/darya-losik/"
    context.close()


def test_the_page_folds_a_query_as_the_build_folds_the_keys():
    """search.js's folder() and language/name_keys.py read one table: run the script's function
    in Node on names in every alphabet, with marks, apostrophes and capitals."""
    source = (ROOT / "theme" / "static" / "js" / "search.js").read_text(encoding="utf-8")
    folder = re.search(r"^  function folder\(rules\) \{\n.*?^  \}\n", source, re.S | re.M).group(0)
    words = ["Ціханоўская", "TSIKHANOUSKAYA", "𝐀𝐀", "Иван̆", "Cichanoŭskaja", "Дар’я", "Дарʼя", "Łukašenka", "Шчыглюк", "Ёлкін",
             "Іванаў", "Iwanow", "Аляксандр", "Ґалава", "Müller", "Ўладзімір", "Xenia", "Qasimov", "Жжжук"]
    word = re.search(r"^  var WORD = .*?;\n", source, re.M).group(0)
    # Whole texts too: where words begin and end (digits, ², ½, marks apart, apostrophes).
    texts = [" ".join(words), "Дар’я Лосік-Іванова, 1990 г.н.", "x² ½ Ⅱ 42abc", "'Дар'я'", "Іва\u0306н Ёлкін",
             "Ivan\u0301 ʼAla"]
    script = (f"{folder}{word}\nconst fold = folder({json.dumps(FOLD)});\n"
              f"console.log(JSON.stringify([{json.dumps(words)}.map(fold),"
              f" {json.dumps(texts)}.map(t => (t.normalize('NFC').match(WORD) || []).map(fold).filter(Boolean))]));")
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    folded_words, folded_texts = json.loads(result.stdout)
    assert folded_words == [fold_word(word) for word in words]
    assert folded_texts == [fold_words(text) for text in texts]
