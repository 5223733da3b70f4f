// People lists: filter, sort and show as cards, in place. The table and the alphabet index
// work without this file; it only adds the form. The URL keeps the choices (?region=brest&
// view=cards), so a filtered list can be linked and the back button restores it.
//
// A long list is cut into pages of whole letters (theme/templates/_people.html: data-source).
// Such a page shows its own people as they are; once a filter or another order is chosen, the
// whole list is fetched from the people lists' data file (publish/people_lists.py), read by
// people-list-whole.js (loaded then too: most readers never need it), and drawn here, some
// hundred rows at a time.
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
  var more = browser.querySelector("[data-more]");
  var letterPage = browser.querySelector("[data-letter-page]");
  var pager = browser.querySelector("[data-letter-pager]");
  var source = browser.dataset.source;  // only on a list cut into letters
  var filters = Array.prototype.slice.call(form.querySelectorAll("select")).filter(function (select) {
    return select.name !== "sort";
  });
  var forms = JSON.parse(count.dataset.forms);
  var plural = new Intl.PluralRules(count.dataset.lang);
  var number = new Intl.NumberFormat(count.dataset.lang);
  var defaults = { sort: "name", view: "table" };
  var STEP = 200;  // rows drawn at a time from the whole list
  var limit = STEP;

  // A person as the list knows them, from a row of the page or from the data file.
  function fromRow(row) {
    var link = row.cells[0].querySelector("a");
    return {
      row: row, letter: row.dataset.letter || "", status: (row.dataset.status || "").split(" "),
      region: row.dataset.region || "", gender: row.dataset.gender || "", institution: row.dataset.institution || "",
      article: (row.dataset.article || "").split(" "), detained: row.dataset.detained || "",
      photo: row.dataset.photo || "", href: link.getAttribute("href"), name: link.dataset.name,
      details: [row.cells[3].textContent.trim(), row.cells[2].textContent.trim()]
    };
  }
  var pageRows = Array.prototype.slice.call(tbody.rows);  // in the page's order
  var pageRecords = null;  // read from them when first needed: a page may hold hundreds

  function pageList() {
    if (!pageRecords) { pageRecords = pageRows.map(fromRow); }
    return pageRecords;
  }
  var everyone = null;  // the whole list, once fetched
  var loading = null;

  function rowOf(record) {
    if (!record.row) { record.row = record.draw(); }
    return record.row;
  }

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

  function has(record, name, wanted) {
    var value = record[name];
    return Array.isArray(value) ? value.indexOf(wanted) !== -1 : value === wanted;
  }

  function matches(record, chosen) {
    return filters.every(function (select) {
      return !chosen[select.name] || has(record, select.name, chosen[select.name]);
    });
  }

  function ordered(records, sort) {
    if (sort === "name") { return records; }
    if (sort === "name-desc") { return records.slice().reverse(); }
    var latestFirst = sort === "detained-desc";
    return records.slice().sort(function (a, b) {
      var x = a.detained, y = b.detained;
      if (!x || !y) { return (x ? 0 : 1) - (y ? 0 : 1); }  // unknown dates go last either way
      return x === y ? 0 : ((x < y) !== latestFirst ? -1 : 1);
    });
  }

  function card(record) {
    var item = document.createElement("li");
    item.className = "card";
    if (record.photo) {
      var img = document.createElement("img");
      img.src = record.photo;
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
      initials.textContent = record.name.split(/\s+/).slice(0, 2).map(function (word) {
        return Array.from(word)[0] || "";
      }).join("");
      item.appendChild(initials);
    }
    var name = document.createElement("a");
    name.href = record.href;
    name.textContent = record.name;
    item.appendChild(name);
    record.details.forEach(function (detail) {
      if (detail) {
        var span = document.createElement("span");
        span.textContent = detail;
        item.appendChild(span);
      }
    });
    return item;
  }

  // The whole list: a page of a cut list has only its own letters, so a filter or another
  // order needs the data file.
  function wholeList() {
    if (!source) { return pageList(); }
    var chosen = state();
    var whole = Object.keys(chosen).some(function (name) { return name !== "view"; });
    if (!whole) { return pageList(); }
    if (everyone) { return everyone; }
    if (!loading) {
      browser.setAttribute("aria-busy", "true");
      // The script that reads the file (people-list-whole.js) and the file itself, together.
      var script = new Promise(function (resolve, reject) {
        var element = document.createElement("script");
        element.src = browser.dataset.script;
        element.onload = function () { resolve(window.portalWholeList); };
        element.onerror = function () { element.remove(); reject(new Error(element.src)); };
        document.head.appendChild(element);
      });
      var data = fetch(source).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
      loading = Promise.all([script, data]).then(function (loaded) {
        var within = (browser.dataset.within || "=").split("=");  // the list's part of everyone
        everyone = loaded[0].records(loaded[1], browser).filter(function (record) {
          return !within[0] || has(record, within[0], within[1]);
        });
        browser.removeAttribute("aria-busy");
        render();
      }).catch(function () {
        loading = null;  // the next change tries again
        browser.removeAttribute("aria-busy");
        count.textContent = browser.dataset.failed;
      });
    }
    return null;
  }

  var shownRecords = null;  // null: the page's own rows, as it came
  var pristine = true;

  function render() {
    if (pristine) {
      pristine = false;
      if (!Object.keys(state()).length) {
        // The page as it came, with nothing chosen: its rows, ids and alphabet are right as
        // they are, and redrawing hundreds of rows would only keep a phone busy.
        counted(pageRows.length);
        return;
      }
    }
    var records = wholeList();
    if (!records) {
      count.textContent = browser.dataset.loading;
      return;
    }
    var chosen = state();
    var sort = form.elements.sort.value;
    var whole = records !== pageRecords;
    var shown = ordered(records, sort).filter(function (record) { return matches(record, chosen); });
    shownRecords = shown;
    var drawn = whole ? shown.slice(0, limit) : shown;
    var fragment = document.createDocumentFragment();
    pageList().forEach(function (record) { record.row.removeAttribute("id"); });
    drawn.forEach(function (record) {
      var row = rowOf(record);
      row.removeAttribute("id");
      fragment.appendChild(row);
    });
    tbody.textContent = "";
    tbody.appendChild(fragment);
    if (more) { more.hidden = drawn.length >= shown.length; }
    if (letterPage) { letterPage.hidden = whole; }
    if (pager) { pager.hidden = whole; }

    var asCards = chosen.view === "cards";
    var cardOf = new Map();
    scroller.hidden = asCards;
    cards.hidden = !asCards;
    cards.textContent = "";
    if (asCards) {
      drawn.forEach(function (record) {
        var item = card(record);
        cardOf.set(record, item);
        cards.appendChild(item);
      });
    }

    // The alphabet leads to the first person shown of each letter, in name order only; a page
    // of a cut list leads to the other letters' pages until the whole list is drawn here.
    var byLetter = alphabet && sort === "name";
    if (alphabet) {
      alphabet.hidden = !byLetter;
      var firsts = {};
      shown.forEach(function (record, index) {
        if (record.letter && !(record.letter in firsts)) { firsts[record.letter] = index; }
      });
      alphabet.querySelectorAll("a[data-letter]").forEach(function (link) {
        var letter = link.dataset.letter;
        var index = firsts[letter];
        // A page of a cut list: every letter, on its page (this one's, here).
        var paged = source && !whole;
        link.parentNode.hidden = !paged && index === undefined;
        link.setAttribute("href", paged ? link.dataset.page : "#letter-" + letter);
        var record = shown[index];
        if (record && byLetter && index < drawn.length) {
          (asCards ? cardOf.get(record) : rowOf(record)).id = "letter-" + letter;
        }
      });
    }

    counted(shown.length);

    var query = new URLSearchParams(chosen).toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  if (alphabet) {
    alphabet.querySelectorAll("a[data-letter]").forEach(function (link) {
      link.dataset.page = link.getAttribute("href");
    });
    // A letter further down the whole list than is drawn: draw up to it, then follow the link.
    alphabet.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-letter]");
      if (!link || !shownRecords || link.getAttribute("href").charAt(0) !== "#") { return; }
      var index = shownRecords.findIndex(function (record) { return record.letter === link.dataset.letter; });
      if (index >= limit) {
        limit = index + STEP;
        render();
      }
    });
  }
  if (more) {
    more.querySelector("button").addEventListener("click", function () {
      limit += STEP;
      render();
    });
  }

  // The people shown, every one of them (not only those drawn yet): the printable pack's.
  window.portalPeopleList = {
    shown: function () { return (shownRecords || pageList()).map(function (record) { return record.href; }); }
  };

  function counted(shown) {
    var template = forms[plural.select(shown)] || forms.other;
    count.textContent = template.replace("%(num)s", number.format(shown));
  }

  // The filters are folded on a phone (see _people.html) and open on a wider screen.
  var options = form.querySelector("[data-list-options]");
  if (options && window.matchMedia("(min-width: 40.01rem)").matches) { options.open = true; }

  restore(new URLSearchParams(window.location.search));
  form.addEventListener("change", function () {
    limit = STEP;
    render();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(render, 0); });
  render();
})();
