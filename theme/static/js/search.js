// Search: Pagefind's interface in the page's language. The query may come from the search box
// in the header of any page (?q=…). Apostrophes are made one kind before searching, as the
// index holds each name with every kind (Дар'я, Дар’я, Дарʼя).
(function () {
  "use strict";
  var element = document.querySelector("[data-search]");
  if (!element) { return; }
  if (window.location.protocol === "file:" || !window.PagefindUI) {
    // A copy opened from disk cannot load the index: say so, and point to the list.
    element.hidden = true;
    document.querySelector("[data-search-unavailable]").hidden = false;
    return;
  }
  var ui = new window.PagefindUI({
    element: element,
    showImages: true,
    showSubResults: false,
    resetStyles: false,
    autofocus: true,
    translations: JSON.parse(element.dataset.translations),
    processTerm: function (term) { return term.replace(/[\u2019\u02bc\u2018`]/g, "'"); }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query); }
})();
