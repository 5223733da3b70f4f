// Letters: copy an envelope address, print it with a letter sheet, mark this month's
// birthdays, pick someone to write to. Every part of the page works without this file;
// it only adds the buttons. Nothing is sent anywhere.
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Pages opened from disk or plain http have no clipboard API: the old way still works.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var copied = document.execCommand("copy");
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }

  // Every copy button: data-copy names the element whose text it copies, and the status beside
  // it says so. One listener for the page, so the buttons the write page's script adds later
  // (write.js) copy as these do.
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) { return; }
    var status = button.parentNode.querySelector("[role=status]");
    var text = document.getElementById(button.dataset.copy).innerText.trim();
    copyText(text).then(function () { status.textContent = button.dataset.done; });
  });

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
