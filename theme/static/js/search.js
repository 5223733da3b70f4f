// Search: asks the Pagefind index built with the site and lists what it finds, in the page's
// language. The query may come from the search box in the header of any page (?q=…) and is
// kept in the address. Apostrophes are made one kind first; the index holds every name with
// each kind (Дар'я, Дар’я, Дарʼя).
(function () {
  "use strict";
  var form = document.querySelector("[data-search-form]");
  if (!form) { return; }
  var input = form.elements.q;
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var forms = JSON.parse(status.dataset.forms);
  var plural = new Intl.PluralRules(status.dataset.lang);
  var number = new Intl.NumberFormat(status.dataset.lang);
  var shown = 20;  // results listed at most; the count says how many there are
  var latest = 0;
  var timer = null;

  function unavailable() {
    form.hidden = true;
    status.hidden = true;
    document.querySelector("[data-search-unavailable]").hidden = false;
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

  function item(data) {
    var li = document.createElement("li");
    if (data.meta.image) {
      var img = document.createElement("img");
      img.src = new URL(form.dataset.root + data.meta.image, window.location.href).href;
      img.alt = "";
      img.width = 48;
      img.height = 60;
      img.loading = "lazy";
      li.appendChild(img);
    }
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title;
    li.appendChild(link);
    li.appendChild(excerpt(data.excerpt));
    return li;
  }

  function run(pagefind, query) {
    var ticket = ++latest;
    query = query.replace(/[\u2019\u02bc\u2018`]/g, "'").trim();
    window.history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : window.location.pathname);
    if (!query) {
      status.textContent = "";
      list.textContent = "";
      return Promise.resolve();
    }
    status.textContent = status.dataset.searching;
    return pagefind.search(query).then(function (search) {
      return Promise.all(search.results.slice(0, shown).map(function (result) { return result.data(); }))
        .then(function (found) {
          if (ticket !== latest) { return; }  // a newer query has been typed meanwhile
          list.textContent = "";
          found.forEach(function (data) { list.appendChild(item(data)); });
          var count = search.results.length;
          status.textContent = count
            ? (forms[plural.select(count)] || forms.other).replace("%(num)s", number.format(count))
            : status.dataset.nothing.replace("%(query)s", query);
        });
    });
  }

  if (window.location.protocol === "file:") { unavailable(); return; }
  import(new URL(form.dataset.bundle, window.location.href).href).then(function (pagefind) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(pagefind, input.value);
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { run(pagefind, input.value); }, 250);
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run(pagefind, query);
    }
  }, unavailable);
})();
