"""Phone numbers, e-mail and street addresses in stories (review/personal_data.py): what is
found, and the dates, years, articles, sentences, sums and links stories are full of, which
are not."""
from __future__ import annotations

import pytest

from portal.review.personal_data import ADDRESS, EMAIL, PHONE, find_personal_data


@pytest.mark.parametrize("text, kind, found", [
    # phone numbers
    ("Звоніце: +375 29 123-45-67.", PHONE, "+375 29 123-45-67"),
    ("тел. 8 (029) 1234567", PHONE, "8 (029) 1234567"),
    ("80291234567", PHONE, "80291234567"),
    ("+375291234567", PHONE, "+375291234567"),
    ("Телефон 8-029-123-45-67", PHONE, "8-029-123-45-67"),
    ("тэл. 222-33-44", PHONE, "222-33-44"),  # a local number, 3-2-2
    ("(017) 222-33-44", PHONE, "(017) 222-33-44"),
    ("+48 501 234 567", PHONE, "+48 501 234 567"),
    ("+375 (29) 123 45 67", PHONE, "+375 (29) 123 45 67"),
    # e-mail addresses
    ("пишите на ivan.ivanov@mail.ru", EMAIL, "ivan.ivanov@mail.ru"),
    ("[напісаць](mailto:a.b@example.org)", EMAIL, "a.b@example.org"),
    ("Write to family+letters@example.co.uk.", EMAIL, "family+letters@example.co.uk"),
    # street addresses, Cyrillic
    ("жыве на вул. Леніна, 5", ADDRESS, "вул. Леніна, 5"),
    ("улица Антошкина 3", ADDRESS, "улица Антошкина 3"),
    ("на улице Карла Маркса 12", ADDRESS, "улице Карла Маркса 12"),
    ("пр-т Независимости, д. 12", ADDRESS, "пр-т Независимости, д. 12"),
    ("вуліца Кастрычніцкая 14/2", ADDRESS, "вуліца Кастрычніцкая 14/2"),
    ("праспект Незалежнасці 58а", ADDRESS, "праспект Незалежнасці 58а"),
    ("ул. Ленина, дом 7", ADDRESS, "ул. Ленина, дом 7"),
    ("пер. Тихий 4", ADDRESS, "пер. Тихий 4"),
    ("кв. 12", ADDRESS, "кв. 12"),
    ("квартира 5", ADDRESS, "квартира 5"),
    ("дом 5", ADDRESS, "дом 5"),
    # street addresses, Latin
    ("12 Lenin Street", ADDRESS, "12 Lenin Street"),
    ("Lenin Street 12", ADDRESS, "Lenin Street 12"),
    ("at 5, Kalinouskaga St.", ADDRESS, "5, Kalinouskaga St."),
    ("ul. Lenina 12", ADDRESS, "ul. Lenina 12"),
    ("vul. Lenina, 12", ADDRESS, "vul. Lenina, 12"),
    ("Nezalezhnasci Avenue, 5", ADDRESS, "Nezalezhnasci Avenue, 5"),
    ("apt. 3", ADDRESS, "apt. 3"),
    ("flat 12", ADDRESS, "flat 12"),
])
def test_what_is_found(text, kind, found):
    findings = find_personal_data(text)
    assert [(finding.kind, text[finding.start:finding.end]) for finding in findings] == [(kind, found)]


@pytest.mark.parametrize("text", [
    # dates, years, periods
    "10 жніўня 2020 года", "2020-08-10", "10.08.2020", "2021.10.22", "у 2020-2021 гадах", "з 2020 па 2022",
    "пратэст 9 жніўня", "Иван, 1985 г.р.", "3 гады 6 месяцаў",
    # articles, sentences, sums, counts
    "артыкул 342-1", "ч. 2 арт. 342", "5 гадоў калоніі", "штраф 1000 рублёў", "10 000 000 рублёў", "1 021 чалавек",
    "The court imposed a sentence under articles 342 and 130.",
    # streets without a house number, and numbers that are not one
    "на праспекце Незалежнасці 10 жніўня 2020", "на вуліцы ў Мінску", "St. Petersburg in 2021",
    "on Lenin street for 5 years", "вул. Леніна", "праспект Пераможцаў",
    # links and identifiers
    "https://example.org/news/12345678901", "records/ivan/2", "ID 3141592653589793", "v1.2.3",
    # what the generated benchmark stories say
    "Затрыманне адбылося ў Мінску 10 жніўня 2020 года пасля мірнага пратэсту.",
    "Задержание произошло в Гомеле 3 марта 2021 года после мирного протеста.",
    "[Затрыманне адбылося](https://example.org/news/48213) — **Іван**.",
])
def test_what_is_not(text):
    assert find_personal_data(text) == []


def test_several_in_one_story_in_order():
    text = "Сям'я: вул. Леніна, 5, кв. 12.\nТэлефон +375 29 123-45-67, пошта family@example.org.\n"
    assert [(finding.kind, text[finding.start:finding.end]) for finding in find_personal_data(text)] == [
        (ADDRESS, "вул. Леніна, 5"), (ADDRESS, "кв. 12"), (PHONE, "+375 29 123-45-67"), (EMAIL, "family@example.org")]
