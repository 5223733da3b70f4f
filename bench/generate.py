"""Fictional people for the benchmark: a content folder with N valid person records.

    python bench/generate.py --people 10000 --out bench/work/n10000 [--seed 8]

The folder gets copies of the project's real data, institutions, statements, pages and
signatories, and N generated person files (with photos) in content/people/. Everything is
fictional and deterministic: the same seed and N give the same files, byte for byte.

The records cover what the build handles: every status category (in proportions like the
real lists), a share of counted-only records, names in be, ru and en or only some of them
(the English one is the passport transliteration, plugins/portal/language/translit.py), Criminal Code
articles with and without parts, sentences as plain text or in three languages, places of
detention, letters refused with a note, old ids (aliases), stories in one, two or three
languages (some long, with headings, lists and links), and photos for about half the
public people: JPEGs (a few PNGs) of varied sizes, some with EXIF (camera, GPS position,
an orientation) that the build must strip.
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import random
import re
import shutil
import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
from portal.language.translit import latin  # noqa: E402

# Copied as they are: what person records refer to, and the site's text pages.
REAL_FOLDERS = ("data", "institutions", "statements", "pages", "signatories")

# (Belarusian, Russian) forms.
MALE_NAMES = [
    ("Аляксандр", "Александр"), ("Сяргей", "Сергей"), ("Андрэй", "Андрей"), ("Дзмітрый", "Дмитрий"),
    ("Аляксей", "Алексей"), ("Мікалай", "Николай"), ("Уладзімір", "Владимир"), ("Іван", "Иван"),
    ("Павел", "Павел"), ("Віктар", "Виктор"), ("Юрый", "Юрий"), ("Міхаіл", "Михаил"), ("Максім", "Максим"),
    ("Ігар", "Игорь"), ("Вадзім", "Вадим"), ("Арцём", "Артём"), ("Яўген", "Евгений"), ("Антон", "Антон"),
    ("Раман", "Роман"), ("Алег", "Олег"), ("Ягор", "Егор"), ("Кірыл", "Кирилл"), ("Васіль", "Василий"),
    ("Пётр", "Пётр"), ("Станіслаў", "Станислав"), ("Мікіта", "Никита"), ("Леанід", "Леонид"),
    ("Віталь", "Виталий"), ("Генадзь", "Геннадий"), ("Анатоль", "Анатолий"), ("Валерый", "Валерий"),
    ("Ілья", "Илья"), ("Зміцер", "Дмитрий"), ("Францішак", "Франциск"), ("Уладзіслаў", "Владислав"),
    ("Яраслаў", "Ярослав"), ("Барыс", "Борис"), ("Тарас", "Тарас"), ("Рыгор", "Григорий"), ("Эдуард", "Эдуард"),
]
FEMALE_NAMES = [
    ("Вольга", "Ольга"), ("Наталля", "Наталья"), ("Ганна", "Анна"), ("Марыя", "Мария"), ("Алена", "Елена"),
    ("Святлана", "Светлана"), ("Ірына", "Ирина"), ("Таццяна", "Татьяна"), ("Кацярына", "Екатерина"),
    ("Юлія", "Юлия"), ("Людміла", "Людмила"), ("Вікторыя", "Виктория"), ("Дар’я", "Дарья"),
    ("Ксенія", "Ксения"), ("Настасся", "Анастасия"), ("Марына", "Марина"), ("Галіна", "Галина"),
    ("Надзея", "Надежда"), ("Алеся", "Олеся"), ("Яўгенія", "Евгения"), ("Валянціна", "Валентина"),
    ("Лілія", "Лилия"), ("Тамара", "Тамара"), ("Крысціна", "Кристина"), ("Паліна", "Полина"),
    ("Вераніка", "Вероника"), ("Алёна", "Алёна"), ("Любоў", "Любовь"), ("Ніна", "Нина"), ("Зоя", "Зоя"),
    ("Інэса", "Инесса"), ("Каця", "Катя"), ("Эліна", "Элина"), ("Яна", "Яна"), ("Ала", "Алла"),
]
# Surnames: (be male, be female, ru male, ru female).
SURNAMES = [
    ("Іваноў", "Іванова", "Иванов", "Иванова"), ("Казлоў", "Казлова", "Козлов", "Козлова"),
    ("Сакалоў", "Сакалова", "Соколов", "Соколова"), ("Марозаў", "Марозава", "Морозов", "Морозова"),
    ("Новікаў", "Новікава", "Новиков", "Новикова"), ("Волкаў", "Волкава", "Волков", "Волкова"),
    ("Міхайлаў", "Міхайлава", "Михайлов", "Михайлова"), ("Фёдараў", "Фёдарава", "Фёдоров", "Фёдорова"),
    ("Лебедзеў", "Лебедзева", "Лебедев", "Лебедева"), ("Зайцаў", "Зайцава", "Зайцев", "Зайцева"),
    ("Карпаў", "Карпава", "Карпов", "Карпова"), ("Арлоў", "Арлова", "Орлов", "Орлова"),
    ("Жукаў", "Жукава", "Жуков", "Жукова"), ("Паўлаў", "Паўлава", "Павлов", "Павлова"),
    ("Сарокін", "Сарокіна", "Сорокин", "Сорокина"), ("Ільін", "Ільіна", "Ильин", "Ильина"),
    ("Грышын", "Грышына", "Гришин", "Гришина"), ("Кузьмін", "Кузьміна", "Кузьмин", "Кузьмина"),
    ("Навіцкі", "Навіцкая", "Новицкий", "Новицкая"), ("Каменскі", "Каменская", "Каменский", "Каменская"),
    ("Ясінскі", "Ясінская", "Ясинский", "Ясинская"), ("Высоцкі", "Высоцкая", "Высоцкий", "Высоцкая"),
    ("Садоўскі", "Садоўская", "Садовский", "Садовская"), ("Дамброўскі", "Дамброўская", "Домбровский", "Домбровская"),
    ("Ляўкоўскі", "Ляўкоўская", "Левковский", "Левковская"), ("Савіцкі", "Савіцкая", "Савицкий", "Савицкая"),
    ("Белы", "Белая", "Белый", "Белая"), ("Лысы", "Лысая", "Лысый", "Лысая"),
    ("Лукашэвіч", "Лукашэвіч", "Лукашевич", "Лукашевич"), ("Мацкевіч", "Мацкевіч", "Мацкевич", "Мацкевич"),
    ("Станкевіч", "Станкевіч", "Станкевич", "Станкевич"), ("Юркевіч", "Юркевіч", "Юркевич", "Юркевич"),
    ("Вашкевіч", "Вашкевіч", "Вашкевич", "Вашкевич"), ("Шыловіч", "Шыловіч", "Шилович", "Шилович"),
    ("Сянкевіч", "Сянкевіч", "Сенкевич", "Сенкевич"), ("Гурыновіч", "Гурыновіч", "Гуринович", "Гуринович"),
    ("Пашкевіч", "Пашкевіч", "Пашкевич", "Пашкевич"), ("Карповіч", "Карповіч", "Карпович", "Карпович"),
    ("Сідарэнка", "Сідарэнка", "Сидоренко", "Сидоренко"), ("Марчанка", "Марчанка", "Марченко", "Марченко"),
    ("Кузьменка", "Кузьменка", "Кузьменко", "Кузьменко"), ("Грыцэнка", "Грыцэнка", "Гриценко", "Гриценко"),
    ("Карпенка", "Карпенка", "Карпенко", "Карпенко"), ("Ткачук", "Ткачук", "Ткачук", "Ткачук"),
    ("Паўлюк", "Паўлюк", "Павлюк", "Павлюк"), ("Кавальчук", "Кавальчук", "Ковальчук", "Ковальчук"),
    ("Сцяпанюк", "Сцяпанюк", "Степанюк", "Степанюк"), ("Янчук", "Янчук", "Янчук", "Янчук"),
    ("Гаўрылюк", "Гаўрылюк", "Гаврилюк", "Гаврилюк"), ("Жук", "Жук", "Жук", "Жук"),
    ("Бондар", "Бондар", "Бондарь", "Бондарь"), ("Кравец", "Кравец", "Кравец", "Кравец"),
    ("Мельнік", "Мельнік", "Мельник", "Мельник"), ("Каваль", "Каваль", "Коваль", "Коваль"),
    ("Шаўчэнка", "Шаўчэнка", "Шевченко", "Шевченко"), ("Рабушка", "Рабушка", "Рябушко", "Рябушко"),
    ("Верабей", "Верабей", "Воробей", "Воробей"), ("Зубар", "Зубар", "Зубарь", "Зубарь"),
    ("Ляшчэня", "Ляшчэня", "Лещеня", "Лещеня"), ("Шыманскі", "Шыманская", "Шиманский", "Шиманская"),
    ("Дзянісаў", "Дзянісава", "Денисов", "Денисова"), ("Клімовіч", "Клімовіч", "Климович", "Климович"),
    ("Раманоўскі", "Раманоўская", "Романовский", "Романовская"), ("Бабровіч", "Бабровіч", "Бобрович", "Бобрович"),
    ("Дубовік", "Дубовік", "Дубовик", "Дубовик"), ("Сямашка", "Сямашка", "Семашко", "Семашко"),
    ("Гайдук", "Гайдук", "Гайдук", "Гайдук"), ("Ярмоленка", "Ярмоленка", "Ярмоленко", "Ярмоленко"),
    ("Цімошчанка", "Цімошчанка", "Тимощенко", "Тимощенко"), ("Бяляўскі", "Бяляўская", "Белявский", "Белявская"),
    ("Камінскі", "Камінская", "Каминский", "Каминская"), ("Вішнеўскі", "Вішнеўская", "Вишневский", "Вишневская"),
    ("Барысаў", "Барысава", "Борисов", "Борисова"), ("Філіпаў", "Філіпава", "Филиппов", "Филиппова"),
    ("Цвірко", "Цвірко", "Цвирко", "Цвирко"), ("Хадкевіч", "Хадкевіч", "Ходкевич", "Ходкевич"),
]
PATRONYMICS = [("Александрович", "Александровна"), ("Сергеевич", "Сергеевна"), ("Николаевич", "Николаевна"),
               ("Владимирович", "Владимировна"), ("Викторович", "Викторовна"), ("Иванович", "Ивановна"),
               ("Андреевич", "Андреевна"), ("Михайлович", "Михайловна"), ("Юрьевич", "Юрьевна"),
               ("Петрович", "Петровна"), ("Анатольевич", "Анатольевна"), ("Леонидович", "Леонидовна")]

# Status categories and how often each occurs (roughly as in the published lists); a category
# the data file has and this table lacks still occurs, rarely.
CATEGORY_WEIGHTS = {"custody": 30, "restricted-freedom-institution": 6, "house-arrest": 2,
                    "restricted-freedom-home": 14, "recognizance": 5, "correctional-labour-or-fine": 6,
                    "unknown-whereabouts": 2, "suspended-sentence": 5, "released": 18, "pardoned": 4,
                    "forced-emigration": 8}
COUNTED_SHARE = 0.08
PHOTO_SHARE = 0.5
LONG_STORY_SHARE = 0.06

CITIES = {"be": ["Мінску", "Гомелі", "Брэсце", "Віцебску", "Гродне", "Магілёве", "Барысаве", "Пінску"],
          "ru": ["Минске", "Гомеле", "Бресте", "Витебске", "Гродно", "Могилёве", "Борисове", "Пинске"],
          "en": ["Minsk", "Gomel", "Brest", "Vitebsk", "Grodno", "Mogilev", "Barysau", "Pinsk"]}
MONTHS = {"be": ["студзеня", "лютага", "сакавіка", "красавіка", "мая", "чэрвеня", "ліпеня", "жніўня", "верасня",
                 "кастрычніка", "лістапада", "снежня"],
          "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                 "ноября", "декабря"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]}
STORY = {
    "be": ["Затрыманне адбылося ў {city} {date} пасля мірнага пратэсту.",
           "Суд прызначыў пакаранне паводле артыкулаў, якія часта ўжываюць супраць удзельнікаў пратэстаў.",
           "Сваякі кажуць, што {first} атрымлівае лісты і дзякуе ўсім, хто піша.",
           "Сябры кажуць, што {first} — спакойны і добры чалавек.",
           "_Гэта выдуманы запіс для праверкі хуткасці сайта: ніводная рэальная асоба тут не апісана._"],
    "ru": ["Задержание произошло в {city} {date} после мирного протеста.",
           "Суд назначил наказание по статьям, которые часто применяют против участников протестов.",
           "Родственники говорят, что {first} получает письма и благодарит всех, кто пишет.",
           "Друзья говорят, что {first} — спокойный и добрый человек.",
           "_Это вымышленная запись для проверки скорости сайта: ни один реальный человек здесь не описан._"],
    "en": ["{first} was detained in {city} on {date} after a peaceful protest.",
           "The court imposed a sentence under articles often used against protesters.",
           "Relatives say that {first} receives letters and thanks everyone who writes.",
           "Friends say that {first} is a calm and kind person.",
           "_This is a fictional record made to measure the site's speed: no real person is described here._"],
}
LONG_HEADINGS = {"be": ["Затрыманне", "Суд", "Зняволенне", "Лісты"], "ru": ["Задержание", "Суд", "Заключение", "Письма"],
                 "en": ["Detention", "Trial", "Imprisonment", "Letters"]}
SENTENCES = [({"be": "{n} гадоў калоніі ўзмоцненага рэжыму", "ru": "{n} лет колонии усиленного режима",
               "en": "{n} years in a medium-security penal colony"}),
             ({"be": "{n} гады абмежавання волі", "ru": "{n} года ограничения свободы",
               "en": "{n} years of restriction of freedom"}),
             "{n} years, general regime colony", "{n} years, suspended"]
HELD = {"custody", "restricted-freedom-institution", "house-arrest"}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def load_ids(content: Path) -> dict[str, list[str]]:
    """The ids person records may name, read from the real data files."""
    data = content / "data"
    categories = yaml.safe_load((data / "categories.yaml").read_text(encoding="utf-8"))
    return {
        "categories": [c["id"] for g in categories["groups"] for c in g["categories"]],
        "regions": [r["id"] for r in yaml.safe_load((data / "regions.yaml").read_text(encoding="utf-8"))["regions"]],
        "articles": [a["id"] for a in yaml.safe_load((data / "articles.yaml").read_text(encoding="utf-8"))["articles"]],
        "institutions": sorted(p.stem for p in (content / "institutions").glob("*.yaml")),
    }


class PhotoMaker:
    """Portrait-like JPEGs: cut from a few textured canvases, so each is different and costs
    what a real photo costs to decode and encode."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.canvases = []
        for index in range(8):
            size = (1200, 1600)
            base = Image.linear_gradient("L").resize(size).rotate(index * 45, expand=False)
            noise = Image.effect_noise(size, 30 + index * 4).filter(ImageFilter.GaussianBlur(2))
            red = Image.blend(base, noise, 0.3)
            green = Image.blend(base.transpose(Image.Transpose.FLIP_LEFT_RIGHT), noise, 0.4)
            blue = Image.radial_gradient("L").resize(size)
            self.canvases.append(Image.merge("RGB", (red, green, blue)))

    def make(self, path: Path, with_exif: bool, orientation: int | None) -> None:
        rng = self.rng
        width = rng.choice([rng.randint(160, 480), rng.randint(480, 900), rng.randint(900, 1200)])
        height = int(width * rng.uniform(1.15, 1.4))
        canvas = rng.choice(self.canvases)
        left, top = rng.randint(0, 1200 - min(width, 1200)), rng.randint(0, 1600 - min(height, 1600))
        image = canvas.crop((left, top, left + min(width, 1200), top + min(height, 1600))).resize((width, height))
        draw = ImageDraw.Draw(image)
        colour = tuple(rng.randint(60, 230) for _ in range(3))
        draw.ellipse((width * 0.25, height * 0.15, width * 0.75, height * 0.6), fill=colour)
        draw.rectangle((width * 0.15, height * 0.65, width * 0.85, height), fill=tuple(c // 2 for c in colour))
        if path.suffix == ".png":
            image.save(path, "PNG")
            return
        options = {"quality": rng.choice([75, 85, 92])}
        if with_exif:
            exif = Image.Exif()
            exif[0x010F] = "FictionalCam"  # Make
            exif[0x0110] = "Benchmark 1"  # Model
            exif[0x9286] = "fictional comment"  # UserComment
            if orientation:
                exif[0x0112] = orientation
            gps = exif.get_ifd(0x8825)
            gps.update({1: "N", 2: (53.0, 54.0, rng.uniform(0, 59)), 3: "E", 4: (27.0, 33.0, rng.uniform(0, 59))})
            options["exif"] = exif
        image.save(path, "JPEG", **options)


def story(rng: random.Random, names: dict[str, str], detained: datetime.date | None) -> str:
    """The body: languages as the records have them (all three, one, two, or none)."""
    shape = rng.choices(["three", "be", "ru", "be-ru", "none"], weights=[40, 20, 15, 10, 15])[0]
    if shape == "none":
        return ""
    long = rng.random() < LONG_STORY_SHARE
    city = rng.randrange(len(CITIES["be"]))
    date = detained or datetime.date(2020, 8, 10)

    def text(lang: str) -> str:
        first = names[lang].split(" ")[0]
        when = f"{date.day} {MONTHS[lang][date.month - 1]} {date.year}" + (" года" if lang != "en" else "")
        lines = [line.format(first=first, city=CITIES[lang][city], date=when) for line in STORY[lang]]
        if not long:
            return "\n\n".join(lines[: rng.randint(1, 3)] + lines[-1:]) + "\n"
        parts = []
        for heading in LONG_HEADINGS[lang]:
            parts.append(f"## {heading}")
            for _ in range(rng.randint(3, 8)):
                parts.append(" ".join(rng.sample(lines[:4], 3)))
            parts.append("\n".join(f"- {rng.choice(lines[:4])}" for _ in range(rng.randint(2, 5))))
            parts.append(f"[{lines[0][:20]}](https://example.org/news/{rng.randint(1000, 99999)}) — **{first}**.")
        parts.append(lines[-1])
        return "\n\n".join(parts) + "\n"

    if shape == "be":
        return text("be")
    if shape == "ru":
        return text("ru")
    langs = ["be", "ru", "en"] if shape == "three" else ["be", "ru"]
    return "".join(f"<!-- lang: {lang} -->\n{text(lang)}" for lang in langs)


def yaml_text(value: str) -> str:
    """A YAML scalar that stays a string (quoted where YAML would read something else)."""
    if re.fullmatch(r"[\w ’'.,()-]+", value) and not re.fullmatch(r"[\d.-]+|true|false|null|yes|no", value, re.I) \
            and not value[0] in "'-" and ": " not in value:
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(count: int, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    for folder in REAL_FOLDERS:
        shutil.copytree(ROOT / "content" / folder, content / folder)
    people = content / "people"
    photos = people / "photos"
    photos.mkdir(parents=True)
    ids = load_ids(content)
    weights = [CATEGORY_WEIGHTS.get(c, 1) for c in ids["categories"]]
    photo_maker = PhotoMaker(rng)
    last_day = datetime.date(2025, 12, 31)

    used: dict[str, int] = {}
    records = []
    for number in range(count):
        category = rng.choices(ids["categories"], weights)[0]
        updated = random_date(rng, datetime.date(2021, 1, 1), last_day)
        region = rng.choice(ids["regions"]) if rng.random() < 0.9 else None
        if rng.random() < COUNTED_SHARE:
            person_id = f"counted-{number:06d}"
            lines = ["visibility: counted", f"status: {category}"] + ([f"region: {region}"] if region else []) + \
                    [f"updated: {updated.isoformat()}"]
            records.append((person_id, lines, ""))
            continue
        female = rng.random() < 0.35
        first_be, first_ru = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        surname = rng.choice(SURNAMES)
        names = {"be": f"{first_be} {surname[1] if female else surname[0]}",
                 "ru": f"{first_ru} {surname[3] if female else surname[2]}"}
        base_id = slug(latin(names["be"], "be"))
        used[base_id] = used.get(base_id, 0) + 1
        person_id = base_id if used[base_id] == 1 else f"{base_id}-{used[base_id]}"
        shape = rng.choices(["all", "be-ru", "be", "ru"], weights=[60, 25, 10, 5])[0]
        shown = {"all": ["be", "ru", "en"], "be-ru": ["be", "ru"], "be": ["be"], "ru": ["ru"]}[shape]
        names["en"] = latin(names["be"], "be")
        detained = random_date(rng, datetime.date(2020, 8, 1), min(updated, datetime.date(2025, 6, 30))) \
            if rng.random() < 0.85 else None
        lines = ["name:"] + [f"  {lang}: {yaml_text(names[lang])}" for lang in shown]
        birth = random_date(rng, datetime.date(1950, 1, 1), datetime.date(2005, 12, 31))
        born_kind = rng.random()
        if born_kind < 0.6:
            lines.append(f"born: {birth.isoformat()}")
        elif born_kind < 0.85:
            lines.append(f"born: {birth.year}")
        if rng.random() < 0.8:
            lines.append(f"gender: {'female' if female else 'male'}")
        if region:
            lines.append(f"region: {region}")
        lines.append(f"status: {category}")
        if detained and rng.random() < 0.5:
            lines.append(f"status_since: {random_date(rng, detained, updated).isoformat()}")
        if detained:
            lines.append(f"detained: {detained.isoformat()}")
        if rng.random() < 0.9:
            chosen = rng.sample(ids["articles"], rng.choice([1, 1, 1, 2, 2, 3]))
            codes = [a if rng.random() < 0.5 else f"{a}-{rng.randint(1, 3)}" for a in chosen]
            lines.append("articles: [" + ", ".join(f'"{c}"' for c in codes) + "]")
        if detained and rng.random() < 0.6:
            sentence = rng.choice(SENTENCES)
            years = rng.randint(1, 12)
            if isinstance(sentence, dict):
                lines.append("sentence:")
                lines += [f"  {lang}: {text.format(n=years)}" for lang, text in sentence.items()]
            else:
                lines.append(f"sentence: {sentence.format(n=years)}")
        held = category in HELD
        if held and rng.random() < 0.8:
            lines.append(f"institution: {rng.choice(ids['institutions'])}")
            if rng.random() < 0.5:
                surname_ru = surname[3] if female else surname[2]
                patronymic = rng.choice(PATRONYMICS)[1 if female else 0]
                lines.append(f"letter_name: {surname_ru} {first_ru} {patronymic}")
            if rng.random() < 0.03:
                lines += ["letters: false", "letters_note:",
                          "  be: Сям’я просіць пакуль не пісаць.", "  ru: Семья просит пока не писать.",
                          "  en: The family asks not to write for now."]
        if rng.random() < PHOTO_SHARE:
            suffix = ".png" if rng.random() < 0.05 else ".jpg"
            photo = f"{person_id}{suffix}"
            with_exif = rng.random() < 0.25
            photo_maker.make(photos / photo, with_exif, rng.choice([None, None, 6, 8, 3]) if with_exif else None)
            lines.append(f"photo: {photo}")
        if rng.random() < 0.7:
            lines.append("sources: [" + ", ".join(f"https://example.org/records/{person_id}/{k}"
                                                  for k in range(rng.randint(1, 3))) + "]")
        lines.append(f"updated: {updated.isoformat()}")
        body = story(rng, names, detained)
        records.append((person_id, lines, body))

    # Old ids: a share of the public records had another id before (the Russian spelling);
    # never one that is, or was, someone else's.
    taken = {person_id for person_id, _, _ in records}
    for index, (person_id, lines, body) in enumerate(records):
        if person_id.startswith("counted-") or rng.random() > 0.02:
            continue
        alias = f"{person_id}-old"
        if alias not in taken:
            taken.add(alias)
            lines.insert(len(lines) - 1, f"aliases: [{alias}]")

    for person_id, lines, body in records:
        text = "---\n" + "\n".join(lines) + "\n---\n" + body
        (people / f"{person_id}.md").write_text(text, encoding="utf-8")


def fingerprint(count: int, seed: int) -> str:
    """What the generated folder depends on: this script, the seed, N and the real data."""
    digest = hashlib.sha256(f"{count}:{seed}".encode())
    digest.update(Path(__file__).read_bytes())
    for folder in REAL_FOLDERS:
        for path in sorted((ROOT / "content" / folder).rglob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def ensure(count: int, out: Path, seed: int = 8) -> Path:
    """Generates the folder unless it already holds exactly this generation; returns content/."""
    stamp = out / "generated.txt"
    expected = fingerprint(count, seed)
    if not (stamp.is_file() and stamp.read_text().strip() == expected):
        out.mkdir(parents=True, exist_ok=True)
        generate(count, out, seed)
        stamp.write_text(expected + "\n")
    return out / "content"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    content = ensure(args.people, args.out, args.seed)
    print(f"{args.people} people in {content}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
