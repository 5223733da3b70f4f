// Printable packs for a letter-writing evening (the form of theme/templates/_pack.html): the
// people a list shows with its filters, or a month's birthdays, as a cover with the rules for
// writing and then one sheet per person or a table of envelopes. The addresses come from
// data/letters-<lang>.json, fetched when a pack is asked for (a list page carries no one's
// envelope), which holds only people who can receive letters, each with their present place of
// detention; the pack's print styles (pack.css) are loaded then too. Nothing is sent anywhere.
// pack-form.js shows the form and loads this file when a pack is first asked for: the list
// pages do not carry it.
(function () {
  "use strict";

  var form = document.querySelector("[data-pack]");
  var template = document.querySelector("[data-pack-template]");
  if (!form || !template || !window.fetch || !window.Promise) { return; }
  var status = form.querySelector("[role=status]");
  var lang = form.dataset.lang;
  var months = form.dataset.months.split("|");  // "1 студзеня"…: the day goes in for the 1
  var languageNames = {};  // "be=беларуская|ru=руская"
  form.dataset.languages.split("|").forEach(function (pair) {
    var at = pair.indexOf("=");
    if (at > 0) { languageNames[pair.slice(0, at)] = pair.slice(at + 1); }
  });
  var plural = new Intl.PluralRules(lang);
  var number = new Intl.NumberFormat(lang);
  var loading = {};  // url -> the promise of the data or of the stylesheet, asked for once

  function hrefs(links) {
    return Array.prototype.map.call(links, function (link) { return link.getAttribute("href"); });
  }

  function path(url, base) { return new URL(url, base || window.location.href).pathname; }

  function once(url, load) {
    if (!loading[url]) {
      loading[url] = load(url);
      loading[url].catch(function () { delete loading[url]; });  // the next click tries again
    }
    return loading[url];
  }

  function data() {
    return once(form.dataset.source, function (url) {
      return fetch(url).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
    });
  }

  function stylesheet() {
    return once(form.dataset.style, function (url) {
      return new Promise(function (resolve, reject) {
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = url;
        link.onload = resolve;
        link.onerror = function () { link.remove(); reject(new Error(url)); };
        document.head.appendChild(link);
      });
    });
  }

  // The people the page shows, in its order: those the list's filters leave (people-list.js
  // knows them all), or the chosen month of the birthdays page; and what the title adds.
  function chosen() {
    var month = form.elements.month;
    if (month) {
      var section = document.getElementById(month.value);
      return { hrefs: hrefs(section.querySelectorAll(".birthdays a")),
               title: form.dataset.title + ": " + month.selectedOptions[0].dataset.name, filters: [] };
    }
    var filters = [];
    document.querySelectorAll("[data-list-controls] .filters select").forEach(function (select) {
      if (select.value) {
        filters.push(select.parentNode.firstChild.textContent.trim() + ": " +
                     select.selectedOptions[0].textContent.replace(/\s*\([^()]*\)\s*$/, ""));
      }
    });
    // Everyone the list shows, drawn yet or not (people-list.js draws a long list in parts).
    var list = window.portalPeopleList;
    return { hrefs: list ? list.shown() : hrefs(document.querySelectorAll("[data-people-table] tbody tr th a")),
             title: form.dataset.title, filters: filters };
  }

  function counted(element, count) {
    var forms = JSON.parse(element.dataset.forms);
    element.textContent = (forms[plural.select(count)] || forms.other).replace("%(num)s", number.format(count));
  }

  function slot(node, name) { return node.querySelector("[data-slot='" + name + "']"); }

  function fact(node, name, value) {
    var item = slot(node, name);
    if (value) { item.querySelector("dd").textContent = value; } else { item.remove(); }
  }

  // One person's sheet or cell: the envelope as it is written, line by line, in Cyrillic.
  function fill(node, person, place) {
    slot(node, "name").textContent = person.name;
    var born = person.born && person.born.split("-");
    fact(node, "born", born && months[+born[1] - 1].replace(/^1(?!\d)/, String(+born[2])));
    fact(node, "reads", person.languages.map(function (code) { return languageNames[code] || code; }).join(", "));
    var envelope = slot(node, "envelope");
    var lines = place.address.concat([person.recipient]);
    envelope.lang = /[ЎўІі]/.test(lines.join("")) ? "be" : "ru";
    lines.forEach(function (line, index) {
      if (index) { envelope.appendChild(document.createElement("br")); }
      envelope.appendChild(document.createTextNode(line));
    });
    var to = slot(node, "to");
    if (to) {
      to.textContent = person.recipient;
      to.lang = envelope.lang;
    }
    if (!place.recheck) { slot(node, "recheck").remove(); }
    return node;
  }

  function build(letters, picked, layout) {
    var pack = document.importNode(template.content, true).querySelector(".pack");
    var root = new URL(form.dataset.root, window.location.href);
    var byPath = new Map();
    letters.people.forEach(function (person) { byPath.set(path(person.url, root), person); });
    var people = [];
    var seen = new Set();
    picked.hrefs.forEach(function (href) {
      var person = byPath.get(path(href));
      if (person && !seen.has(person)) {
        seen.add(person);
        people.push(person);
      }
    });
    var left = picked.hrefs.length - people.length;
    if (!people.length) { return null; }

    slot(pack, "title").textContent = picked.title;
    if (picked.filters.length) {
      slot(pack, "filters").querySelector("span").textContent = picked.filters.join(" · ");
    } else {
      slot(pack, "filters").remove();
    }
    counted(slot(pack, "count"), people.length);
    if (left) { counted(slot(pack, "left-out"), left); } else { slot(pack, "left-out").remove(); }
    var guide = slot(pack, "guide");
    if (guide) { guide.textContent = guide.href; }

    var sheet = pack.querySelector(".pack-sheet");
    var table = pack.querySelector(".pack-table");
    var cell = table.querySelector(".pack-cell");
    sheet.remove();
    cell.remove();
    if (layout === "table") {
      people.forEach(function (person) {
        table.appendChild(fill(cell.cloneNode(true), person, letters.institutions[person.institution]));
      });
    } else {
      table.remove();
      people.forEach(function (person) {
        pack.appendChild(fill(sheet.cloneNode(true), person, letters.institutions[person.institution]));
      });
    }
    return pack;
  }

  // After printing (or cancelling), the page is as it was: the next print is the page's own.
  function clear() {
    document.body.classList.remove("pack-printing");
    document.querySelectorAll("body > .pack").forEach(function (pack) { pack.remove(); });
  }

  // What pack-form.js calls on "Print the pack": the pack of what the page shows now, printed;
  // a promise that fails where the addresses or the styles cannot be loaded.
  window.portalPack = {
    print: function () {
      var picked = chosen();
      var layout = form.elements.layout.value;
      return Promise.all([data(), stylesheet()]).then(function (loaded) {
        clear();
        var pack = build(loaded[0], picked, layout);
        if (!pack) {
          status.textContent = status.dataset.none;
          return;
        }
        document.body.appendChild(pack);
        document.body.classList.add("pack-printing");
        window.print();
      });
    }
  };
  window.addEventListener("afterprint", clear);
})();
