// Letters: printing, this month's birthdays, someone at random. Optional; sends nothing.
(function () {
  "use strict";

  document.querySelectorAll(".letter-actions").forEach(function (actions) {
    actions.hidden = false;
    actions.querySelectorAll("[data-print-letter]").forEach(function (button) {
      button.addEventListener("click", function () {
        document.body.classList.add("print-letter");
        window.print();
      });
    });
  });
  window.addEventListener("afterprint", function () { document.body.classList.remove("print-letter"); });

  var month = new Date().getMonth() + 1;
  document.querySelectorAll("section[data-month='" + month + "']").forEach(function (section) {
    section.classList.add("current");
    section.querySelector(".this-month").hidden = false;
  });

  document.querySelectorAll("[data-random-letter]").forEach(function (box) {
    var status = box.querySelector("[role=status]");
    box.hidden = false;
    box.querySelector("button").addEventListener("click", function () {
      fetch(box.dataset.source)
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var people = data.people;
          if (!people.length) { throw new Error("no one"); }
          var pick = new Uint32Array(1);
          window.crypto.getRandomValues(pick);
          location.href = box.dataset.personUrl.replace("{id}", people[pick[0] % people.length]);
        })
        .catch(function () { status.textContent = status.dataset.failed; });
    });
  });
})();
