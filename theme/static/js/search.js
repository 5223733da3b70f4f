// Search: people by name, and the text pages. People come from search/people-<lang>.json:
// the keys of every spelling of every name, folded by the rules the file carries
// (plugins/portal/language/name_keys.py), so a query is folded here exactly as the keys were.
// A word of the query finds a key it equals, begins, or is one letter away from (a wrong,
// missing, extra or swapped letter); every word must find one; exact matches rank first. The
// text pages come from the Pagefind index built with the site. The query may come from the
// search box in the header of any page (?q=…) and is kept in the address.
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  if (!form) { return; }
  var input = form.elements.q;
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var help = document.querySelector("[data-search-help]");
  var forms = JSON.parse(status.dataset.forms);
  var plural = new Intl.PluralRules(status.dataset.lang);
  var number = new Intl.NumberFormat(status.dataset.lang);
  var SHOWN = 20;  // people listed at most; the count says how many there are
  var PAGES = 5;  // text pages listed at most, after the people
  var WORD = /\p{L}+(?:['\u2019\u02bc\u2018`]\p{L}+)*/gu;
  var latest = 0;
  var timer = null;

  function unavailable() {
    form.hidden = true;
    status.hidden = true;
    document.querySelector("[data-search-unavailable]").hidden = false;
  }

  function load(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) { throw new Error(url + ": " + response.status); }
      return response.json();
    });
  }

  // The fold of language/name_keys.py: lower case, no marks, letters mapped, replacements in
  // order, doubled letters made one.
  function folder(rules) {
    var letters = rules.letters;
    return function (word) {
      word = word.toLowerCase().replace(/[\u2019\u02bc\u2018`]/g, "'").normalize("NFD").replace(/\p{M}/gu, "");
      var mapped = "";
      Array.from(word).forEach(function (char) {
        mapped += Object.prototype.hasOwnProperty.call(letters, char) ? letters[char] : char;
      });
      rules.replace.forEach(function (pair) { mapped = mapped.split(pair[0]).join(pair[1]); });
      return mapped.replace(/(.)\1+/gu, "$1");
    };
  }

  // One substitution, insertion, deletion, or two neighbours swapped, turns a into b.
  function withinOne(a, b) {
    if (a === b) { return true; }
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length > b.length) { return a.slice(i + 1) === b.slice(i); }
    if (a.length < b.length) { return a.slice(i) === b.slice(i + 1); }
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

  // How well a word of the query meets a key: 4 equal, 3 its beginning, 2 one letter away or
  // the beginning of the word still being typed, 1 its beginning but for one letter; 0 not at
  // all. `word.cut`, on the last word only, is its fold without a last Latin letter that may
  // begin a pair not yet typed (Tsik… of Tsikh…, Dary… of Darya).
  function meets(word, key) {
    var text = word.text;
    if (key === text) { return 4; }
    if (key.lastIndexOf(text, 0) === 0) { return 3; }
    if (word.cut && key.lastIndexOf(word.cut, 0) === 0) { return 2; }
    if (text.length < 4) { return 0; }
    if (withinOne(text, key)) { return 2; }
    var n = text.length;
    if (n >= 5 && key.length > n &&
        (withinOne(text, key.slice(0, n)) || withinOne(text, key.slice(0, n + 1)) || withinOne(text, key.slice(0, n - 1)))) {
      return 1;
    }
    return 0;
  }

  function queryWords(query, fold) {
    var raws = query.normalize("NFC").match(WORD) || [];
    var words = raws.map(function (raw, index) {
      var chars = Array.from(raw);
      var pair = index === raws.length - 1 && chars.length >= 3 && /[cdeijkstyz]$/i.test(raw);
      return { text: fold(raw), cut: pair ? fold(chars.slice(0, -1).join("")) : "" };
    }).filter(function (word) { return word.text; });
    // A one-letter word ("у", an initial) narrows nothing beside longer ones.
    var longer = words.filter(function (word) { return word.text.length > 1; });
    return longer.length ? longer : words;
  }

  // The people every word of the query finds, the best met first, else in the list's order.
  function findPeople(data, query) {
    var words = queryWords(query, data.fold);
    if (!words.length) { return []; }
    var found = [];
    data.people.forEach(function (row, order) {
      var keys = data.keys[order];
      var total = 0;
      for (var w = 0; w < words.length; w++) {
        var best = 0;
        for (var k = 0; k < keys.length && best < 4; k++) { best = Math.max(best, meets(words[w], keys[k])); }
        if (!best) { return; }
        total += best;
      }
      found.push({ row: row, total: total, order: order });
    });
    found.sort(function (a, b) { return b.total - a.total || a.order - b.order; });
    return found.map(function (one) { return one.row; });
  }

  function person(row) {
    var li = document.createElement("li");
    if (row[3]) {
      var img = document.createElement("img");
      img.src = new URL(form.dataset.root + row[3], window.location.href).href;
      img.alt = "";
      img.width = 48;
      img.height = 60;
      img.loading = "lazy";
      li.appendChild(img);
    } else {
      // No photo: the initials in its place, as the lists' cards have them.
      var initials = document.createElement("span");
      initials.className = "initials";
      initials.setAttribute("aria-hidden", "true");
      initials.textContent = row[1].split(/\s+/).slice(0, 2).map(function (word) {
        return Array.from(word)[0] || "";
      }).join("");
      li.appendChild(initials);
    }
    var link = document.createElement("a");
    link.href = form.dataset.root + row[0];
    link.textContent = row[1];
    li.appendChild(link);
    var detail = document.createElement("p");
    detail.textContent = row[2];
    li.appendChild(detail);
    return li;
  }

  // Pagefind marks the matched words with <mark>; only the text and those marks are kept.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString(html, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function page(data) {
    var li = document.createElement("li");
    li.className = "page";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    li.appendChild(link);
    li.appendChild(excerpt(data.excerpt));
    return li;
  }

  // Pagefind is asked without the one-letter words: "у" or "і" alone would match every page.
  function findPages(pagefind, query) {
    var words = (query.match(WORD) || []).filter(function (word) { return Array.from(word).length > 1; });
    if (!pagefind || !words.length) { return Promise.resolve({ count: 0, shown: [] }); }
    return pagefind.search(words.join(" ")).then(function (search) {
      return Promise.all(search.results.slice(0, PAGES).map(function (result) { return result.data(); }))
        .then(function (shown) { return { count: search.results.length, shown: shown }; });
    });
  }

  // Where no one is found: the list of people, and its part at the letter the query begins
  // with where the list's alphabet has it.
  function offerTheList(query) {
    var link = help.querySelector("[data-letter-link]");
    var first = (Array.from(query.trim())[0] || "").toUpperCase();
    var letter = first && help.dataset.alphabet.indexOf(first) !== -1 ? first : "";
    link.hidden = help.querySelector("[data-letter-link-gap]").hidden = !letter;
    if (letter) {
      link.href = help.dataset.people + "#letter-" + encodeURIComponent(letter);
      link.textContent = help.dataset.letter.replace("%(letter)s", letter);
    }
    help.hidden = false;
  }

  function run(sources, query) {
    var ticket = ++latest;
    query = query.replace(/[\u2019\u02bc\u2018`]/g, "'").trim();
    window.history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : window.location.pathname);
    help.hidden = true;
    if (!query) {
      status.textContent = "";
      list.textContent = "";
      return Promise.resolve();
    }
    status.textContent = status.dataset.searching;
    var people = findPeople(sources.people, query);
    return findPages(sources.pagefind, query).then(function (pages) {
      if (ticket !== latest) { return; }  // a newer query has been typed meanwhile
      list.textContent = "";
      people.slice(0, SHOWN).forEach(function (row) { list.appendChild(person(row)); });
      pages.shown.forEach(function (data) { list.appendChild(page(data)); });
      var count = people.length + pages.count;
      status.textContent = count
        ? (forms[plural.select(count)] || forms.other).replace("%(num)s", number.format(count))
        : status.dataset.nothing.replace("%(query)s", function () { return query; });
      if (!people.length) { offerTheList(query); }
    });
  }

  if (window.location.protocol === "file:" || !window.fetch) { unavailable(); return; }
  var pagefind = import(new URL(form.dataset.bundle, window.location.href).href).catch(function () { return null; });
  var people = load(form.dataset.people).then(function (data) {
    var fold = folder(data.fold);
    return {
      people: data.people,
      fold: fold,
      keys: data.people.map(function (row) { return row[4].split(" "); })
    };
  });
  Promise.all([people, pagefind]).then(function (loaded) {
    var sources = { people: loaded[0], pagefind: loaded[1] };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run(sources, input.value);
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { run(sources, input.value); }, 150);
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run(sources, query);
    }
  }, unavailable);
})();
