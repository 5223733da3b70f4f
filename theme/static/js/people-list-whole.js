// The whole of a long list, for people-list.js: the people lists' data file
// (publish/people_lists.py) read into the records the list filters and sorts, each drawing its
// table row as the theme's person_row macro draws it on the pages. Loaded with the file, the
// first time a reader filters or sorts a list cut into letters.
(function () {
  "use strict";

  function records(data, browser) {
    var at = {};
    data.columns.forEach(function (name, index) { at[name] = index; });
    var root = browser.dataset.root;
    var anchor = browser.dataset.anchor ? "#" + browser.dataset.anchor : "";
    return data.people.map(function (values) {
      function field(name) { return values[at[name]]; }
      var category = data.categories[field("status")];
      var record = {
        row: null, letter: field("letter"), status: [field("status"), category[1]], region: field("region"),
        gender: field("gender"), institution: field("institution"), article: field("articles").split(" "),
        detained: field("detained"), photo: field("photo") ? root + field("photo") : "",
        href: root + data.page.replace("{id}", field("id")) + anchor, name: field("display_name"),
        details: [category[0], data.regions[field("region")] || ""],
        cells: [field("born"), data.regions[field("region")] || "", category[0], field("detained_text"),
                field("codes"), data.institutions[field("institution")] || ""],
        filed: field("name"), filedLang: field("name_lang")
      };
      record.draw = function () { return drawRow(record); };
      return record;
    });
  }

  // The row of a person of the data file, as person_row draws it.
  function drawRow(record) {
    var row = document.createElement("tr");
    if (record.letter) { row.dataset.letter = record.letter; }
    row.dataset.status = record.status.join(" ");
    ["region", "gender", "institution", "detained", "photo"].forEach(function (name) {
      if (record[name]) { row.dataset[name] = record[name]; }
    });
    if (record.article[0]) { row.dataset.article = record.article.join(" "); }
    var header = document.createElement("th");
    header.scope = "row";
    var link = document.createElement("a");
    link.href = record.href;
    link.dataset.name = record.name;
    if (record.filedLang) {
      var span = document.createElement("span");
      span.lang = record.filedLang;
      span.textContent = record.filed;
      link.appendChild(span);
    } else {
      link.textContent = record.filed;
    }
    header.appendChild(link);
    row.appendChild(header);
    record.cells.forEach(function (value) {
      var cell = document.createElement("td");
      cell.textContent = value;
      row.appendChild(cell);
    });
    return row;
  }

  window.portalWholeList = { records: records };
})();
