"""Settings of the portal's build (development: relative links, works from any folder)."""
import os
import sys

from markdown.extensions.toc import slugify_unicode

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))
from portal.pages.kinds import page_settings as _page_settings  # noqa: E402

SITENAME = "Political prisoners of Belarus"
SITEURL = ""
# Relative links: the site works on any static host, under a sub-path, and from a copy.
RELATIVE_URLS = True
TIMEZONE = "Europe/Minsk"

PATH = "content"
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["portal"]

# The site's languages, in the order of the language switch. `alphabet` gives the order of
# lists; `fallback` the languages a missing name or story is taken from; `locale` the
# Babel locale for numbers and dates; `short_date` the CLDR pattern of dates in tables.
DEFAULT_LANG = "be"
PORTAL_LANGUAGES = {
    "be": {"name": "Беларуская", "locale": "be", "fallback": ["ru", "en"], "short_date": "dd.MM.yyyy",
           "alphabet": "абвгдеёжзійклмнопрстуўфхцчшыьэюя"},
    "ru": {"name": "Русский", "locale": "ru", "fallback": ["be", "en"], "short_date": "dd.MM.yyyy",
           "alphabet": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"},
    "en": {"name": "English", "locale": "en_GB", "fallback": ["be", "ru"], "short_date": "d MMM yyyy",
           "alphabet": "abcdefghijklmnopqrstuvwxyz",
           # A name written only in Cyrillic is shown in Latin letters (see plugins/portal/language/translit.py).
           "transliterate": ["be", "ru"]},
}
PORTAL_TRANSLATIONS_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "translations")

# Content folders (relative to PATH).
PORTAL_PEOPLE_PATH = "people"
PORTAL_PHOTOS_PATH = "photos"  # inside the people folder
PORTAL_INSTITUTIONS_PATH = "institutions"
PORTAL_DATA_PATH = "data"
PORTAL_SIGNATORIES_PATH = "signatories"
# The statement's own figures (history), shown beside today's totals; in the data folder.
PORTAL_STATEMENT_FIGURES_FILE = "statement-2021.yaml"

# The repository on its git host. "Suggest a correction" opens the record in the host's file
# editor; "add information" opens the prefilled issue form. Another host: change these.
REPOSITORY_URL = os.environ.get("PORTAL_REPOSITORY_URL", "https://github.com/politprisoners-by/portal")
CORRECTION_URL = REPOSITORY_URL + "/edit/main/content/{source}"
ADD_INFORMATION_URL = REPOSITORY_URL + "/issues/new?template=add-information.yml&title={title}&person={id}"
OFFER_HELP_URL = REPOSITORY_URL + "/issues/new?template=offer-help.yml"
# How an organisation joins the statement: a new file by pull request, or the issue form.
SIGNATORY_NEW_FILE_URL = REPOSITORY_URL + "/new/main/content/signatories"
JOIN_ISSUE_URL = REPOSITORY_URL + "/issues/new?template=join-statement.yml"

# Private ways to write to the maintainers, for relatives and witnesses who must not write in
# public: the contact page (/<lang>/contact/) gives them with its safety advice, the statement
# under "Join the statement". Without any, the page says how to write through the repository,
# and that it is public. Each channel is a plain link: no widget, nothing loaded from elsewhere.
# CONTACTS lists them in the order shown, each a dict with "channel" and "address":
#   {"channel": "email", "address": "editors@example.org",
#    "key": "keys/editors.asc",  # the OpenPGP public key: a file in the content folder, published
#                                # as CONTACT_KEY_SAVE_AS, its fingerprint shown in full
#    "fingerprint": "5F20 774F …"},  # optional: the build stops if the key file's is not this one
#   {"channel": "signal", "address": "portal.01"},  # a username (or a number, +48 …: it names its owner)
#   {"channel": "signal", "address": "portal.01", "url": "https://signal.me/#eu/…"},  # the app's username link
#   {"channel": "telegram", "address": "portal_help"},
#   {"channel": "other", "label": "Matrix", "address": "@editors:example.org",
#    "url": "https://matrix.to/#/@editors:example.org"},  # "label" may be {"be": …, "ru": …, "en": …}
# The build checks them all (content/contacts.py): the key must be a public key of that address.
CONTACTS = []
# Or the short settings, from the environment, shown after the channels CONTACTS lists:
CONTACT_EMAIL = os.environ.get("PORTAL_CONTACT_EMAIL") or None
CONTACT_EMAIL_KEY = os.environ.get("PORTAL_CONTACT_EMAIL_KEY") or None  # e.g. keys/editors.asc, in content/
CONTACT_EMAIL_FINGERPRINT = os.environ.get("PORTAL_CONTACT_EMAIL_FINGERPRINT") or None
CONTACT_SIGNAL = os.environ.get("PORTAL_CONTACT_SIGNAL") or None  # a username or a number
CONTACT_TELEGRAM = os.environ.get("PORTAL_CONTACT_TELEGRAM", "").lstrip("@") or None  # a handle
CONTACT_KEY_URL = CONTACT_KEY_SAVE_AS = "keys/{name}"  # {name}: the key file's name
# The site's onion service, if it has one (http://<56 letters and digits>.onion, and a path if
# the portal is served under one there): every page then names its own address there in a
# <meta http-equiv="onion-location">, so that Tor Browser offers it (on a site served over HTTPS).
ONION_ADDRESS = os.environ.get("PORTAL_ONION_ADDRESS") or None

# The country line of every envelope address (letters go to places of detention in Belarus):
# in Cyrillic for the post in Belarus, and in Latin capitals for the post of the country a letter
# is sent from, which sorts international mail by it.
LETTER_COUNTRY = "Беларусь / BELARUS"

# The portal's pages: their kinds, with each kind's address and file, are one table in
# plugins/portal/pages/kinds.py, which gives the settings <KIND>_URL and <KIND>_SAVE_AS
# (HOME_URL, PERSON_URL, PERSON_SAVE_AS…) as Pelican names its own. {lang} is a language code,
# {id} a person's, category's, region's… id. To move a kind of page, set its two settings below.
globals().update(_page_settings())
PHOTO_URL = "photos/{id}-{width}.jpg"
PHOTO_SAVE_AS = "photos/{id}-{width}.jpg"
PHOTO_WIDTHS = [240, 480]  # CSS width on the person page, and twice that for dense screens
TOTALS_SAVE_AS = "data/totals.json"
# The search index (Pagefind), built from the public records and the text pages.
SEARCH_INDEX_PATH = "pagefind"
# Per language, the people the search page finds by any spelling of their names, with one
# wrong letter (plugins/portal/publish/people_search.py); Pagefind indexes the text pages.
PEOPLE_SEARCH_SAVE_AS = "search/people-{lang}.json"
# A list of more people than this (everyone, a status, a region, an article, a place of
# detention) is cut into pages of whole letters of the alphabet, each of at most this many
# people (a letter with more is cut into pieces of this many), so that a phone gets a few
# hundred rows rather than thousands (Lighthouse's performance on a phone: 100 at 250 rows, 76
# at 800); the filters and orders then work on the whole list, from
# PEOPLE_LIST_SAVE_AS (plugins/portal/publish/people_lists.py), fetched when first used.
LIST_SPLIT_AT = 250
PEOPLE_LIST_SAVE_AS = "lists/people-{lang}.json"
LETTERS_SAVE_AS = "data/letters.json"  # who can receive letters: for "write to someone"
# Per language, everyone who can receive letters with what an envelope needs: for the write
# page and the printable packs (plugins/portal/publish/letters.py).
LETTERS_DATA_SAVE_AS = "data/letters-{lang}.json"
# Birthday calendars (iCalendar) to subscribe to, per language: everyone who can receive letters
# and whose date of birth is known, and the people of one institution, for organisers
# (plugins/portal/publish/calendars.py). "" turns one off, and its links with it.
BIRTHDAYS_CALENDAR_URL = BIRTHDAYS_CALENDAR_SAVE_AS = "{lang}/birthdays.ics"
INSTITUTION_CALENDAR_URL = INSTITUTION_CALENDAR_SAVE_AS = "{lang}/institutions/{id}/birthdays.ics"
# What makes the calendars' event UIDs (birthday-<person id>@<domain>) unique in the world.
# None: the host of SITEURL. Set it before the site moves to another domain, or to give its
# mirrors the same UIDs: a changed UID is a new event to an app that imported the calendar.
CALENDAR_UID_DOMAIN = os.environ.get("PORTAL_CALENDAR_UID_DOMAIN") or None
# Written when SITEURL is set: sitemaps and feeds need absolute URLs.
# Past 50,000 addresses (the protocol's limit per file) the sitemap is split into
# sitemap-1.xml, sitemap-2.xml… and SITEMAP_SAVE_AS is their index; robots.txt names it.
SITEMAP_SAVE_AS = "sitemap.xml"
SITEMAP_MAX_URLS = 50_000
FEED_SAVE_AS = "feeds/{lang}.atom.xml"
PEOPLE_FEED_SAVE_AS = "feeds/{lang}.people.atom.xml"  # people added and status changes
PEOPLE_FEED_MAX_ITEMS = 100

# A record not checked (its `updated` date) for more than this many days: `make check` warns
# about it, without failing, and `make stale` lists it (plugins/portal/content/staleness.py).
STALE_AFTER_DAYS = 180

# The numbers over time, open data, share cards and the counter for other sites.
TOTALS_HISTORY_START = "2020-08"  # the first month of the monthly totals and the chart
TOTALS_HISTORY_SAVE_AS = "data/totals-history.json"
TOTALS_HISTORY_CSV_SAVE_AS = "data/totals-history.csv"
OPEN_DATA_SAVE_AS = "data/{name}"  # people.json, people.csv, categories.json, institutions.json, regions.json
# The licence of the open data, shown on the data pages and written into every file.
DATA_LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
BADGE_URL = BADGE_SAVE_AS = "data/badge-{lang}.svg"
# A card per public person with a photo, the same in every language (600x315 JPEG, about
# 18 KiB); people without a photo share their language's home card. PERSON_CARD_SAVE_AS = ""
# turns the people's cards off (their pages then share the home card too).
PERSON_CARD_URL = PERSON_CARD_SAVE_AS = "cards/people/{id}.jpg"
HOME_CARD_URL = HOME_CARD_SAVE_AS = "cards/{lang}/home.png"
# Fonts of the share cards and the badge, in the theme (Noto Sans, SIL Open Font License).
SHARE_CARD_FONTS = {"regular": "fonts/NotoSans-Regular.ttf", "bold": "fonts/NotoSans-Bold.ttf"}

# The statement and the other texts are Pelican pages, one file per language, linked by
# their slug.
PAGE_PATHS = ["statements", "pages"]
# The statement and its appendices, in reading order: each links to the others.
STATEMENT_PAGES = ["statement", "appendix-1", "appendix-2"]
PAGE_URL = PAGE_LANG_URL = "{lang}/{slug}/"
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = "{lang}/{slug}/index.html"
ARTICLE_PATHS = []  # people are not Pelican articles (Pelican reserves their `status` key)
STATIC_PATHS = []  # photos are re-encoded by the plugin, never copied as they are
DIRECT_TEMPLATES = []
ARCHIVES_SAVE_AS = AUTHORS_SAVE_AS = CATEGORIES_SAVE_AS = TAGS_SAVE_AS = ""
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None

# Stale pages must never survive a build (a person may have become counted-only): the portal
# deletes every file of the last build that this build does not make, and keeps unchanged
# pages instead of writing them again (plugins/portal/cache/outputs.py). Its cache is in CACHE_PATH.
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
# Processes that render pages, photos and records: 0 is one per core.
PORTAL_PROCESSES = int(os.environ.get("PORTAL_PROCESSES", 0))
MARKDOWN = {
    "extension_configs": {
        # Keep Cyrillic heading text in anchors (#заклік), not empty ids.
        "markdown.extensions.toc": {"toc_depth": "2-3", "slugify": slugify_unicode},
        "markdown.extensions.extra": {},
        "markdown.extensions.smarty": {"smart_quotes": False},
    },
    "output_format": "html5",
}
# Every value is escaped unless marked safe: names and notes come from contributors.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True}
READERS = {"rst": None, "htm": None, "html": None}  # content is Markdown and YAML only

# A copy opened from disk (file://) has no server to turn "people/" into "people/index.html":
# with PORTAL_INDEX_URLS=1 (make offline) every link names the file itself.
if os.environ.get("PORTAL_INDEX_URLS"):
    for _name in [name for name in globals() if name.endswith("_URL") and name != "REPOSITORY_URL"]:
        _save_as = _name[: -len("_URL")] + "_SAVE_AS"
        if isinstance(globals()[_name], str) and globals()[_name].endswith("/") and _save_as in globals():
            globals()[_name] = globals()[_save_as]
