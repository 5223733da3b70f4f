// People lists: filter, sort and show as cards, in place. The table and the alphabet index
// work without this file; it only adds the form. The URL keeps the choices (?region=brest&
// view=cards), so a filtered list can be linked and the back button restores it.
(function () {
  "use strict";

  var browser = document.querySelector("[data-people-browser]");
  if (!browser) { return; }
  var form = browser.querySelector("[data-list-controls]");
  var tbody = browser.querySelector("[data-people-table] tbody");
  var scroller = browser.querySelector(".table-scroll");
  var cards = browser.querySelector("[data-people-cards]");
  var alphabet = browser.querySelector("[data-alphabet]");
  var count = browser.querySelector("[data-count]");
  var rows = Array.prototype.slice.call(tbody.rows);
  var byName = rows.slice();  // the page's order: surname, in the language's alphabet
  var filters = Array.prototype.slice.call(form.querySelectorAll("select")).filter(function (select) {
    return select.name !== "sort";
  });
  var forms = JSON.parse(count.dataset.forms);
  var plural = new Intl.PluralRules(count.dataset.lang);
  var number = new Intl.NumberFormat(count.dataset.lang);
  var defaults = { sort: "name", view: "table" };

  function state() {
    var chosen = {};
    filters.forEach(function (select) { if (select.value) { chosen[select.name] = select.value; } });
    var sort = form.elements.sort.value;
    var view = form.querySelector("[name=view]:checked").value;
    if (sort !== defaults.sort) { chosen.sort = sort; }
    if (view !== defaults.view) { chosen.view = view; }
    return chosen;
  }

  function restore(params) {
    filters.forEach(function (select) {
      var value = params.get(select.name) || "";
      // A value the list does not offer (an old link) falls back to "all".
      select.value = Array.prototype.some.call(select.options, function (o) { return o.value === value; }) ? value : "";
    });
    form.elements.sort.value = params.get("sort") || defaults.sort;
    if (!form.elements.sort.value) { form.elements.sort.value = defaults.sort; }
    var view = form.querySelector("[name=view][value=" + (params.get("view") === "cards" ? "cards" : "table") + "]");
    view.checked = true;
  }

  function matches(row, chosen) {
    return filters.every(function (select) {
      var wanted = chosen[select.name];
      if (!wanted) { return true; }
      var values = (row.getAttribute("data-" + select.name) || "").split(" ");
      return values.indexOf(wanted) !== -1;
    });
  }

  function ordered(sort) {
    if (sort === "name") { return byName; }
    if (sort === "name-desc") { return byName.slice().reverse(); }
    var latestFirst = sort === "detained-desc";
    return byName.slice().sort(function (a, b) {
      var x = a.getAttribute("data-detained") || "", y = b.getAttribute("data-detained") || "";
      if (!x || !y) { return (x ? 0 : 1) - (y ? 0 : 1); }  // unknown dates go last either way
      return x === y ? 0 : ((x < y) !== latestFirst ? -1 : 1);
    });
  }

  function card(row) {
    var link = row.cells[0].querySelector("a");
    var item = document.createElement("li");
    item.className = "card";
    if (row.dataset.photo) {
      var img = document.createElement("img");
      img.src = row.dataset.photo;
      img.alt = "";
      img.loading = "lazy";
      img.width = 96;
      img.height = 120;
      item.appendChild(img);
    } else {
      // No photo: the initials on a plain ground, in the photo's place (no stock silhouette).
      var initials = document.createElement("span");
      initials.className = "initials";
      initials.setAttribute("aria-hidden", "true");
      initials.textContent = link.dataset.name.split(/\s+/).slice(0, 2).map(function (word) {
        return Array.from(word)[0] || "";
      }).join("");
      item.appendChild(initials);
    }
    var name = document.createElement("a");
    name.href = link.getAttribute("href");
    name.textContent = link.dataset.name;
    item.appendChild(name);
    [row.cells[3], row.cells[2]].forEach(function (cell) {
      if (cell.textContent.trim()) {
        var detail = document.createElement("span");
        detail.textContent = cell.textContent.trim();
        item.appendChild(detail);
      }
    });
    return item;
  }

  function render() {
    var chosen = state();
    var shown = ordered(form.elements.sort.value).filter(function (row) { return matches(row, chosen); });
    var visible = new Set(shown);
    var fragment = document.createDocumentFragment();
    ordered(form.elements.sort.value).forEach(function (row) {
      row.hidden = !visible.has(row);
      row.removeAttribute("id");
      fragment.appendChild(row);
    });
    tbody.appendChild(fragment);

    var asCards = chosen.view === "cards";
    var cardOf = new Map();
    scroller.hidden = asCards;
    cards.hidden = !asCards;
    cards.textContent = "";
    if (asCards) {
      shown.forEach(function (row) {
        var item = card(row);
        cardOf.set(row, item);
        cards.appendChild(item);
      });
    }

    // The alphabet index leads to the first shown person of each letter, in name order only.
    var byLetter = alphabet && form.elements.sort.value === "name";
    if (alphabet) {
      alphabet.hidden = !byLetter;
      var firsts = {};
      shown.forEach(function (row) {
        var letter = row.dataset.letter;
        if (letter && !firsts[letter]) { firsts[letter] = row; }
      });
      alphabet.querySelectorAll("a[data-letter]").forEach(function (link) {
        var row = firsts[link.dataset.letter];
        link.parentNode.hidden = !row;
        if (row && byLetter) { (asCards ? cardOf.get(row) : row).id = "letter-" + link.dataset.letter; }
      });
    }

    var template = forms[plural.select(shown.length)] || forms.other;
    count.textContent = template.replace("%(num)s", number.format(shown.length));

    var query = new URLSearchParams(chosen).toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  // The filters are folded on a phone (see _people.html) and open on a wider screen.
  var options = form.querySelector("[data-list-options]");
  if (options && window.matchMedia("(min-width: 40.01rem)").matches) { options.open = true; }

  restore(new URLSearchParams(window.location.search));
  form.addEventListener("change", render);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(render, 0); });
  render();
})();
