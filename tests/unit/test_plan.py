"""The page plan: every page of every kind and language, with its file, its key and its
context, made from the content without rendering anything.

The fixture site is small on purpose (its own data files: two status groups of one category
each, two regions, two articles, one institution), so that the pages fit on one screen.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest

from conftest import LANGS, LANGUAGES, ROOT, SETTINGS, jpeg, person, write_content
from portal.cache.digests import digest
from portal.cache.keys import Keys
from portal.content.loader import load_content
from portal.content.model import Person, ReferenceData
from portal.figures.over_time import history_start
from portal.figures.summary import Figures
from portal.pages.listing import ListEntry, PeopleList
from portal.pages.plan import PageInputs, PagePlan
from portal.pages.urls import Urls


def labels(be: str, ru: str, en: str) -> str:
    return f"{{be: {be}, ru: {ru}, en: {en}}}"


DATA = {
    "data/categories.yaml": f"""\
groups:
  - id: political-prisoner
    label: {labels("Палітвязні", "Политзаключённые", "Political prisoners")}
    description: {labels("Палітвязні", "Политзаключённые", "Political prisoners")}
    categories:
      - id: custody
        held: true
        label: {labels("Пад вартай", "Под стражей", "In custody")}
        description: {labels("Пад вартай", "Под стражей", "In custody")}
  - id: persecuted
    label: {labels("Пераследаваныя", "Преследуемые", "Persecuted")}
    description: {labels("Пераследаваныя", "Преследуемые", "Persecuted")}
    categories:
      - id: released
        label: {labels("Вызваленыя", "Освобождённые", "Released")}
        description: {labels("Вызваленыя", "Освобождённые", "Released")}
""",
    "data/regions.yaml": f"""\
regions:
  - id: gomel
    label: {labels("Гомельская вобласць", "Гомельская область", "Gomel Region")}
  - id: minsk-city
    label: {labels("Мінск", "Минск", "Minsk")}
""",
    "data/articles.yaml": f"""\
articles:
  - id: "130"
    title: {labels("Распальванне", "Разжигание", "Incitement")}
  - id: "342"
    title: {labels("Парушэнне парадку", "Нарушение порядка", "Violating order")}
""",
    "data/institution-types.yaml": f"types:\n  - id: colony\n    label: {labels('Калонія', 'Колония', 'Colony')}\n",
    "institutions/ik-4-gomel.yaml": f"""\
type: colony
name: {labels("Калонія № 4", "Колония № 4", "Colony No. 4")}
address: |
  ИК № 4
  ул. Антошкина, 3
  246035, г. Гомель
city: Гомель
region: gomel
source: https://example.org/ik-4
checked: 2023
""",
}
PEOPLE = {
    "people/ivan-ivanau.md": person(
        "custody", name={"be": "Іван Іванаў", "ru": "Иван Иванов", "en": "Ivan Ivanau"}, born="1985-03-14",
        region="gomel", institution="ik-4-gomel", articles='["342-1"]', aliases="[ivan-ivanov]", photo="ivan.jpg",
        detained="2020-08-10"),
    "people/photos/ivan.jpg": jpeg(),
    "people/olga-prykladnaya.md": person(
        "released", name={"be": "Вольга Прыкладная", "en": "Olga Prykladnaya"}, region="minsk-city",
        detained="2021-05-05", body="Olga's story.\n"),
    # counted only: counted in the totals, named nowhere
    "people/counted-0001.md": person("custody", visibility="counted", region="gomel", detained="2020-09-01"),
}


@dataclass(frozen=True)
class Photo:
    url: str


PHOTOS = {"ivan-ivanau": [Photo("photos/ivan-ivanau-240.jpg"), Photo("photos/ivan-ivanau-480.jpg")]}


def plan_of(content, split_at: int | None = None) -> PagePlan:
    """The plan of the site in `content`, as the build makes it (pipeline/steps.py), without
    its photo writer: each public person's digest is that of their file (and photo)."""
    site = load_content(content, SETTINGS, today=datetime.date(2026, 1, 1), languages=LANGUAGES)
    figures = Figures.of(site, history_start(SETTINGS))
    person_digests = {p.id: digest((content / p.source_path).read_bytes(), p.photo.read_bytes() if p.photo else b"")
                      for p in site.public_people}
    keys = Keys({**SETTINGS, "THEME": str(ROOT / "theme")}, content)  # absolute, as Pelican makes it
    inputs = PageInputs(keys, figures, person_digests)
    return PagePlan(LANGUAGES, Urls(SETTINGS), site, figures, PHOTOS, inputs, split_at=split_at)


@pytest.fixture
def content(tmp_path):
    return write_content(tmp_path, {**DATA, **PEOPLE}, real=())


@pytest.fixture
def plan(content) -> PagePlan:
    return plan_of(content)


def pages_in(plan, lang) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for page in plan.pages:
        if page.lang == lang:
            found.setdefault(page.kind.id, []).append(page.save_as)
    return found


def test_the_pages_of_each_kind_in_each_language(plan):
    for lang in LANGS:
        assert pages_in(plan, lang) == {
            "home": [f"{lang}/index.html"],
            "people": [f"{lang}/people/index.html"],
            "group": [f"{lang}/status/political-prisoner/index.html", f"{lang}/status/persecuted/index.html"],
            "status": [f"{lang}/status/custody/index.html", f"{lang}/status/released/index.html"],
            "regions": [f"{lang}/regions/index.html"],
            "region": [f"{lang}/regions/gomel/index.html", f"{lang}/regions/minsk-city/index.html"],
            "code_articles": [f"{lang}/articles/index.html"],
            "code_article": [f"{lang}/articles/130/index.html", f"{lang}/articles/342/index.html"],
            # the public people in the list's order; an old id's page sends on to the person's
            "person": [f"{lang}/people/ivan-ivanau/index.html", f"{lang}/people/olga-prykladnaya/index.html"],
            "redirect": [f"{lang}/people/ivan-ivanov/index.html"],
            "institutions": [f"{lang}/institutions/index.html"],
            "institution": [f"{lang}/institutions/ik-4-gomel/index.html"],
            "birthdays": [f"{lang}/birthdays/index.html"],
            "write": [f"{lang}/write/index.html"],
            "help": [f"{lang}/help/index.html"],
            "contact": [f"{lang}/contact/index.html"],
            "search": [f"{lang}/search/index.html"],
            "numbers": [f"{lang}/numbers/index.html"],
            "opendata": [f"{lang}/data/index.html"],
            "embed_counter": [f"{lang}/embed/counter/index.html"],
        }
    assert pages_in(plan, None) == {"root": ["index.html"], "not_found": ["404.html"]}
    assert len(plan.pages) == 3 * 25 + 2
    assert len({page.save_as for page in plan.pages}) == len(plan.pages)  # no file is planned twice


def test_the_order_languages_then_kinds_then_the_neutral_pages(plan):
    assert [(page.lang, page.kind.id) for page in plan.pages][:3] == [("be", "home"), ("be", "people"), ("be", "group")]
    assert [page.lang for page in plan.pages[-2:]] == [None, None]
    assert [page.lang for page in plan.pages[:-2]] == ["be"] * 25 + ["ru"] * 25 + ["en"] * 25


def test_each_page_has_its_url_and_its_alternates_in_every_language(plan):
    page = next(page for page in plan.pages if page.save_as == "ru/people/olga-prykladnaya/index.html")
    assert page.url == "ru/people/olga-prykladnaya/"
    assert page.alternates == page.context["alternates"] == {
        "be": "be/people/olga-prykladnaya/", "ru": "ru/people/olga-prykladnaya/", "en": "en/people/olga-prykladnaya/"}
    root = next(page for page in plan.pages if page.kind.id == "root")
    assert (root.url, root.alternates) == ("", {"be": "be/", "ru": "ru/", "en": "en/"})  # the home pages it offers
    not_found = next(page for page in plan.pages if page.kind.id == "not_found")
    assert not_found.alternates == {"be": "be/people/", "ru": "ru/people/", "en": "en/people/"}


def people_in(value) -> set[str]:
    """The ids of the people a context value holds, however deep."""
    if isinstance(value, Person):
        return {value.id}
    if isinstance(value, ListEntry):
        return {value.person.id}
    if isinstance(value, PeopleList):
        return {entry.person.id for entry in value}
    if isinstance(value, dict):
        return set().union(*map(people_in, value.values())) if value else set()
    if isinstance(value, (list, tuple)):
        return set().union(*map(people_in, value)) if value else set()
    return set()


def test_counted_only_people_have_no_page_and_are_in_no_context(plan):
    assert not [page for page in plan.pages if "counted" in page.save_as]
    assert set().union(*(people_in(page.context) for page in plan.pages)) == {"ivan-ivanau", "olga-prykladnaya"}
    assert all(type(page.context["site"]) is ReferenceData for page in plan.pages)  # the reference data, no people
    assert plan.figures.totals.counted_only == 1  # counted all the same


def test_the_redirect_page_of_an_old_id(plan):
    [redirect] = [page for page in plan.pages if page.kind.id == "redirect" and page.lang == "en"]
    assert (redirect.save_as, redirect.url) == ("en/people/ivan-ivanov/index.html", "en/people/ivan-ivanov/")
    assert redirect.context["person"].id == "ivan-ivanau"
    assert redirect.context["target"] == "en/people/ivan-ivanau/"
    assert redirect.template == "redirect"


def test_list_pages_get_their_people_in_the_languages_order(plan):
    def listed(save_as):
        page = next(page for page in plan.pages if page.save_as == save_as)
        return [entry.person.id for entry in page.context["people"]], page.weight

    # Іваноў before Прыкладная in be; Ivanau before Prykladnaya in en
    assert listed("be/people/index.html") == (["ivan-ivanau", "olga-prykladnaya"], 2)
    assert listed("be/status/custody/index.html") == (["ivan-ivanau"], 1)
    assert listed("be/status/political-prisoner/index.html") == (["ivan-ivanau"], 1)
    assert listed("ru/regions/minsk-city/index.html") == (["olga-prykladnaya"], 1)
    assert listed("en/articles/342/index.html") == (["ivan-ivanau"], 1)
    assert listed("en/articles/130/index.html") == ([], 0)
    assert listed("en/institutions/ik-4-gomel/index.html") == (["ivan-ivanau"], 1)


def test_pages_of_everyone_get_them_grouped(plan):
    regions = next(page for page in plan.pages if page.save_as == "be/regions/index.html")
    assert {key: [e.person.id for e in people] for key, people in regions.context["listed"].items()} == {
        "gomel": ["ivan-ivanau"], "minsk-city": ["olga-prykladnaya"]}
    birthdays = next(page for page in plan.pages if page.save_as == "be/birthdays/index.html")
    assert [(anchor, [p.id for p in people]) for anchor, _, people in birthdays.context["months"] if people] == [
        ("march", ["ivan-ivanau"])]



def test_the_write_page_gets_the_birthdays_of_the_figures_month(content):
    """Its list without scripts: the month of the figures' date (the newest `updated`, here
    22 October 2021), not of the build; only people who can receive letters, by day."""
    def month_of(plan, lang="ru"):
        page = next(page for page in plan.pages if page.save_as == f"{lang}/write/index.html")
        anchor, number, people = page.context["month"]
        return anchor, number, [person.id for person in people]

    people = content / "people"
    assert month_of(plan_of(content)) == ("october", 10, [])  # Ivan is born in March
    (people / "ivan-ivanau.md").write_text(
        (people / "ivan-ivanau.md").read_text(encoding="utf-8").replace("born: 1985-03-14", "born: 1985-10-30"),
        encoding="utf-8")
    (people / "anna-blocked.md").write_text(person(  # held there, but letters are declined
        "custody", name={"ru": "Анна", "en": "Anna Blocked"}, born="1990-10-01", institution="ik-4-gomel", letters="false"),
        encoding="utf-8")
    (people / "pavel-year.md").write_text(person(  # only the year of birth: no birthday
        "custody", name={"ru": "Павел", "en": "Pavel Year"}, born="1990", institution="ik-4-gomel"), encoding="utf-8")
    (people / "zina-first.md").write_text(person(
        "custody", name={"en": "Zina First"}, born="1979-10-02", institution="ik-4-gomel", letter_name="Зина Первая"),
        encoding="utf-8")
    plan = plan_of(content)
    assert [month_of(plan, lang) for lang in LANGS] == [("october", 10, ["zina-first", "ivan-ivanau"])] * 3


def test_without_any_record_the_write_page_has_no_month(tmp_path):
    plan = plan_of(write_content(tmp_path, DATA, real=()))
    assert plan.figures.totals.as_of is None
    assert next(page for page in plan.pages if page.kind.id == "write").context["month"] is None


# Each page's context holds what its kind reads, and what it is made for

EVERY_PAGE = {"lang", "page_kind", "site", "alternates", "own_url"}
READ_AS = {"totals": {"totals"}, "series": {"chart"}, "person": {"person", "photo", "target"},
           "listed": {"people", "photos", "list_options"}, "everyone": {"listed", "institutions", "months", "month"},
           "held": {"wall", "photos"}}
MADE_FOR = {None: set(), "group": {"group"}, "category": {"category"}, "region": {"region"}, "article": {"article"},
            "institution": {"institution"}, "person": set(), "alias": set()}


def test_every_pages_context_holds_only_what_its_kind_reads(plan):
    for page in plan.pages:
        allowed = EVERY_PAGE | MADE_FOR[page.kind.each] | set().union(*(READ_AS[read] for read in page.kind.reads))
        assert set(page.context) <= allowed, (page.save_as, set(page.context) - allowed)
        assert page.context["page_kind"] == page.kind.id and page.context["lang"] == page.lang


@pytest.mark.parametrize("kind, own", [
    ("home", {"totals", "chart", "wall", "photos"}),
    ("people", {"totals", "people", "photos", "list_options"}),
    ("status", {"category", "totals", "people", "photos", "list_options"}),
    ("regions", {"totals", "listed"}),
    ("code_article", {"article", "people", "photos", "list_options"}),
    ("person", {"person", "photo"}),  # its own photo, not everyone's
    ("redirect", {"person", "target"}),
    ("institutions", {"listed", "institutions"}),
    ("birthdays", {"months"}),
    ("write", {"month"}),
    ("help", set()),
    ("contact", set()),
    ("opendata", {"totals"}),
    ("root", {"totals"}),
    ("not_found", set()),
])
def test_the_context_of_each_kind(plan, kind, own):
    page = next(page for page in plan.pages if page.kind.id == kind)
    assert set(page.context) == EVERY_PAGE | own


def test_every_page_knows_its_own_address(plan):
    """What the onion-location tag of its head names on the onion site (theme/templates/_onion.html)."""
    assert all(page.context["own_url"] == page.url for page in plan.pages)
    assert {page.save_as: page.context["own_url"] for page in plan.pages if page.lang in (None, "ru")
            and page.kind.id in ("root", "not_found", "contact", "person")} == {
        "index.html": "", "404.html": "404.html", "ru/contact/index.html": "ru/contact/",
        "ru/people/ivan-ivanau/index.html": "ru/people/ivan-ivanau/",
        "ru/people/olga-prykladnaya/index.html": "ru/people/olga-prykladnaya/"}


def test_a_person_page_gets_its_own_photo(plan):
    pages = {page.save_as: page for page in plan.pages}
    assert pages["be/people/ivan-ivanau/index.html"].context["photo"] == PHOTOS["ivan-ivanau"]
    assert pages["be/people/olga-prykladnaya/index.html"].context["photo"] is None


# The sitemap


def test_the_sitemap_lists_each_page_once_with_its_alternates(plan):
    sitemap = plan.sitemap
    assert sitemap[0] == {"be": "be/", "ru": "ru/", "en": "en/", "x-default": ""}  # the root page chooses a language
    assert sitemap[1] == {"be": "be/people/", "ru": "ru/people/", "en": "en/people/"}
    assert [entry for entry in sitemap if "x-default" in entry] == [sitemap[0]]
    # every page but the redirects, the counter widget and the neutral pages, once for all languages
    assert len(sitemap) == 25 - 2
    assert {"be": "be/people/ivan-ivanov/", "ru": "ru/people/ivan-ivanov/", "en": "en/people/ivan-ivanov/"} not in sitemap


# Keys


def keys_of(plan) -> dict[str, str]:
    return {page.save_as: page.key for page in plan.pages}


def test_the_same_content_gives_the_same_keys(content, plan):
    assert keys_of(plan_of(content)) == keys_of(plan)
    assert len(set(keys_of(plan).values())) == len(plan.pages)  # a key per page


def test_editing_one_person_changes_exactly_their_pages_and_the_lists_that_show_them(content, plan):
    record = content / "people" / "olga-prykladnaya.md"
    record.write_text(record.read_text(encoding="utf-8").replace("Olga's story.", "Olga's corrected story."),
                      encoding="utf-8")
    before, after = keys_of(plan), keys_of(plan_of(content))
    changed = sorted(name for name in before if after[name] != before[name])
    assert changed == sorted(f"{lang}/{path}index.html" for lang in LANGS for path in (
        "people/olga-prykladnaya/",  # her page
        "people/", "status/persecuted/", "status/released/", "regions/minsk-city/",  # the lists she is in
        "regions/", "articles/", "institutions/", "birthdays/", "write/",  # the pages of everyone
    ))


def test_a_cut_list_writes_again_only_the_page_of_the_edited_row_unless_its_summary_changes(content):
    # One person a page: the people list is Ivan's page (the list's own) and Olga's (П, P).
    def olga_part(plan, lang):
        [part] = [page.save_as for page in plan.pages if page.kind.id == "people" and page.lang == lang
                  and page.save_as != f"{lang}/people/index.html"]
        return part
    before_plan = plan_of(content, split_at=1)
    before = keys_of(before_plan)
    record = content / "people" / "olga-prykladnaya.md"
    original = record.read_text(encoding="utf-8")
    record.write_text(original.replace("Olga's story.", "Olga's corrected story."), encoding="utf-8")
    after = keys_of(plan_of(content, split_at=1))
    for lang in LANGS:
        assert after[f"{lang}/people/index.html"] == before[f"{lang}/people/index.html"]  # Ivan's part
        assert after[olga_part(before_plan, lang)] != before[olga_part(before_plan, lang)]
    # A change the whole list's filters show (her region) changes every page of it.
    record.write_text(original.replace("region: minsk-city", "region: gomel"), encoding="utf-8")
    moved = keys_of(plan_of(content, split_at=1))
    for lang in LANGS:
        assert moved[f"{lang}/people/index.html"] != before[f"{lang}/people/index.html"]


def test_editing_a_person_held_today_changes_the_home_pages_too(content, plan):
    """The home page's wall shows the people held today: a change to one of them is a change to it."""
    record = content / "people" / "ivan-ivanau.md"
    record.write_text(record.read_text(encoding="utf-8").replace("Іван Іванаў", "Іван Іваноўскі"), encoding="utf-8")
    before, after = keys_of(plan), keys_of(plan_of(content))
    assert all(after[f"{lang}/index.html"] != before[f"{lang}/index.html"] for lang in LANGS)


def test_the_home_page_gets_the_wall_and_the_photos_of_its_people_only(plan):
    home = next(page for page in plan.pages if page.save_as == "en/index.html")
    assert [entry.person.id for entry in home.context["wall"].entries] == ["ivan-ivanau"]  # Olga is released
    assert home.context["wall"].held == 1 and home.context["photos"]["ivan-ivanau"] == PHOTOS["ivan-ivanau"]


def test_a_change_of_the_series_alone_changes_the_home_and_numbers_pages(content, plan):
    """The counted-only record gets a history: the totals of today stay, the months before change."""
    record = content / "people" / "counted-0001.md"
    record.write_text(person("custody", visibility="counted", region="gomel", history=(
        "\n  - date: 2020-09-01\n    status: released\n  - date: 2021-03-01\n    status: custody")), encoding="utf-8")
    edited = plan_of(content)
    assert edited.figures.totals == plan.figures.totals and edited.figures.series != plan.figures.series
    before, after = keys_of(plan), keys_of(edited)
    assert sorted(name for name in before if after[name] != before[name]) == sorted(
        f"{lang}/{path}index.html" for lang in LANGS for path in ("", "numbers/"))


@pytest.mark.parametrize("split_at", [-1, "250", 2.5, True])
def test_a_page_of_a_list_holds_a_whole_number_of_people(content, split_at):
    with pytest.raises(ValueError, match=r"LIST_SPLIT_AT is .*: give how many people a page of a list holds"):
        plan_of(content, split_at=split_at)
