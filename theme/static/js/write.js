// "Write this week": from the data file of who can receive letters (data/letters-<lang>.json),
// the birthdays of the next 14 days in the reader's own calendar, the people whose status or
// place of detention changed in the 30 days up to the data's date, and a few people at random.
// Without this file the page lists the birthdays of the data's month; the copy buttons are
// copy.js's. Nothing is sent anywhere: the file is the site's own, the same for everyone.
(function () {
  "use strict";

  var box = document.querySelector("[data-write]");
  if (!box || !window.fetch) { return; }
  var failed = document.querySelector("[data-write-failed]");
  var fallback = document.querySelector("[data-write-fallback]");
  var SOON_DAYS = 14;  // today and the 13 days after it
  var RECENT_DAYS = 30;  // the data's date and the 29 days before it
  var PICKS = 4;
  var DAY = 86400000;

  var locale = box.dataset.locale;
  var months = JSON.parse(box.dataset.months);
  // The dates in the page's language: the browser's (Intl), or, where it has none for it
  // (Chromium has no Belarusian dates), the day and the month as the build writes them.
  var dates = Intl.DateTimeFormat.supportedLocalesOf([locale]).length
    ? new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", timeZone: "UTC" }) : null;
  var numbers = Intl.NumberFormat.supportedLocalesOf([locale]).length ? new Intl.NumberFormat(locale) : null;
  var plural = new Intl.PluralRules(box.dataset.lang);

  // A day as a number (days since 1970 in UTC), so that no clock change or time zone moves it.
  function dayNumber(year, month, day) { return Math.round(Date.UTC(year, month, day) / DAY); }
  function parseDay(text) {
    var parts = text.split("-").map(Number);
    return { year: parts[0], month: parts[1] - 1, day: parts[2] };
  }
  function fromNumber(number) {
    var date = new Date(number * DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
  }
  function isLeap(year) { return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0; }

  function dayMonth(day) {
    return dates ? dates.format(new Date(Date.UTC(2000, day.month, day.day))) : day.day + " " + months[day.month];
  }
  function iso(day) {
    return day.year + "-" + String(day.month + 1).padStart(2, "0") + "-" + String(day.day).padStart(2, "0");
  }
  function formatNumber(value) { return numbers ? numbers.format(value) : String(value); }
  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (whole, name) { return name in values ? values[name] : whole; });
  }
  function counted(element, count, values) {
    var forms = JSON.parse(element.dataset.forms);
    var template = forms[plural.select(count)] || forms.other || forms.many || forms.one;
    values.num = formatNumber(count);
    element.textContent = fill(template, values);
  }

  // The next birthday on or after `today` (a day number): born on 29 February, it is
  // 28 February in a year without one, as the law counts a year of age there.
  function nextBirthday(born, today) {
    var start = fromNumber(today).year;
    for (var year = start; year <= start + 1; year++) {
      var day = born.month === 1 && born.day === 29 && !isLeap(year) ? 28 : born.day;
      var number = dayNumber(year, born.month, day);
      if (number >= today) { return { number: number, day: { year: year, month: born.month, day: day } }; }
    }
    return null;
  }

  function element(tag, attributes, text) {
    var made = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { made.setAttribute(name, attributes[name]); });
    if (text !== undefined) { made.textContent = text; }
    return made;
  }

  function timeOf(day, text) { return element("time", { datetime: iso(day) }, text); }

  // One person, as the page writes one without scripts (write.html's letter_entry).
  function entry(data, person, section, about) {
    var root = box.dataset.root;
    var place = data.institutions[person.institution];
    var item = element("li");
    var heading = element("h3");
    heading.appendChild(element("a", { href: root + person.url + "#letter" }, person.name));
    item.appendChild(heading);
    var line = element("p", { "class": "about" });
    about.forEach(function (part, index) {
      if (index) { line.appendChild(document.createTextNode(" · ")); }
      line.appendChild(part);
    });
    item.appendChild(line);
    var where = element("p", { "class": "institution" });
    where.appendChild(element("a", { href: root + place.url }, place.name));
    item.appendChild(where);
    var lines = place.address.concat([person.recipient]);
    var id = "envelope-" + section + "-" + person.id;
    // In the script it is written in, as the envelope macro marks it: Belarusian where it has
    // letters only Belarusian has.
    var envelope = element("p", { "class": "envelope", id: id, lang: /[ЎўІі]/.test(lines.join("")) ? "be" : "ru",
                                  translate: "no" });
    lines.forEach(function (text, index) {
      if (index) { envelope.appendChild(element("br")); }
      envelope.appendChild(document.createTextNode(text));
    });
    item.appendChild(envelope);
    if (place.recheck) { item.appendChild(element("p", { "class": "warning" }, box.dataset.recheck)); }
    var actions = element("p", { "class": "letter-actions" });
    actions.appendChild(element("button", { type: "button", "data-copy": id, "data-done": box.dataset.done },
                                box.dataset.copy));
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(element("span", { role: "status" }));
    item.appendChild(actions);
    return item;
  }

  function birthdayOf(person) {
    if (!person.born) { return []; }
    var born = parseDay(person.born);
    var text = fill(box.dataset.birthday, { date: dayMonth(born) });
    return [element("span", {}, text)];
  }

  function show(section, items) {
    var list = section.querySelector("[data-list]");
    list.textContent = "";
    items.forEach(function (item) { list.appendChild(item); });
  }

  function soon(data, today) {
    var section = box.querySelector("[data-soon]");
    var found = [];
    data.people.forEach(function (person, order) {
      if (!person.born) { return; }
      var next = nextBirthday(parseDay(person.born), today);
      if (next && next.number - today < SOON_DAYS) { found.push({ person: person, next: next, order: order }); }
    });
    found.sort(function (a, b) { return a.next.number - b.next.number || a.order - b.order; });
    var range = { start: dayMonth(fromNumber(today)), end: dayMonth(fromNumber(today + SOON_DAYS - 1)) };
    var summary = section.querySelector("[data-summary]");
    if (found.length) { counted(summary, found.length, range); } else { summary.textContent = fill(summary.dataset.none, range); }
    show(section, found.map(function (one) {
      var about = [timeOf(one.next.day, dayMonth(one.next.day))];
      if (one.next.number === today) { about.push(element("strong", {}, box.dataset.today)); }
      var born = parseDay(one.person.born);
      if (born.day !== one.next.day.day) { about = about.concat(birthdayOf(one.person)); }  // 29 February
      return entry(data, one.person, "soon", about);
    }));
    return found.map(function (one) { return one.person; });
  }

  function changes(data) {
    var section = box.querySelector("[data-changes]");
    var found = [];
    if (data.as_of) {
      var asOf = parseDay(data.as_of);
      var from = dayNumber(asOf.year, asOf.month, asOf.day) - (RECENT_DAYS - 1);
      data.people.forEach(function (person, order) {
        if (!person.changed) { return; }
        var changed = parseDay(person.changed);
        var number = dayNumber(changed.year, changed.month, changed.day);
        if (number >= from) { found.push({ person: person, changed: changed, number: number, order: order }); }
      });
    }
    found.sort(function (a, b) { return b.number - a.number || a.order - b.order; });
    var summary = section.querySelector("[data-summary]");
    if (found.length) { counted(summary, found.length, {}); } else { summary.textContent = summary.dataset.none; }
    show(section, found.map(function (one) {
      var when = element("span");
      var parts = box.dataset.changed.split("%(date)s");
      when.appendChild(document.createTextNode(parts[0]));
      when.appendChild(timeOf(one.changed, dayMonth(one.changed)));
      when.appendChild(document.createTextNode(parts.slice(1).join("")));
      return entry(data, one.person, "changed", [when].concat(birthdayOf(one.person)));
    }));
    return found.map(function (one) { return one.person; });
  }

  // `count` people at random (the browser's cryptographic generator, as letters.js's pick),
  // those not in `avoid` first.
  function pick(people, count, avoid) {
    function shuffled(list) {
      var copy = list.slice();
      var random = new Uint32Array(Math.max(copy.length, 1));
      window.crypto.getRandomValues(random);
      for (var i = copy.length - 1; i > 0; i--) {
        var j = random[i] % (i + 1);
        var kept = copy[i]; copy[i] = copy[j]; copy[j] = kept;
      }
      return copy;
    }
    var fresh = people.filter(function (person) { return !avoid.has(person.id); });
    var rest = people.filter(function (person) { return avoid.has(person.id); });
    return shuffled(fresh).concat(shuffled(rest)).slice(0, count);
  }

  function anyone(data, shownAbove) {
    var section = box.querySelector("[data-anyone]");
    var button = section.querySelector("[data-others]");
    var status = section.querySelector("[role=status]");
    var above = new Set(shownAbove.map(function (person) { return person.id; }));
    var current = [];
    function render(people) {
      current = people;
      show(section, people.map(function (person) { return entry(data, person, "anyone", birthdayOf(person)); }));
    }
    counted(section.querySelector("[data-summary]"), data.people.length, {});
    render(pick(data.people, PICKS, above));
    button.hidden = data.people.length <= PICKS;
    button.addEventListener("click", function () {
      var avoid = new Set(above);
      current.forEach(function (person) { avoid.add(person.id); });
      render(pick(data.people, PICKS, avoid));
      counted(status, current.length, {});
    });
  }

  fetch(box.dataset.source)
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      var now = new Date();  // the reader's own date, in their time zone
      var today = dayNumber(now.getFullYear(), now.getMonth(), now.getDate());
      var shown = soon(data, today).concat(changes(data));
      anyone(data, shown);
      box.hidden = false;
      if (fallback) { fallback.hidden = true; }
    })
    .catch(function () { failed.textContent = failed.dataset.writeFailed; });
})();
