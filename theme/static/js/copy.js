// Copy buttons: button[data-copy] copies the element it names; later ones (write.js) too.
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) { return; }
    var status = button.parentNode.querySelector("[role=status]");
    var text = document.getElementById(button.dataset.copy).innerText.trim();
    copyText(text).then(function () { status.textContent = button.dataset.done; });
  });

  document.querySelectorAll("[data-copy-actions]").forEach(function (actions) { actions.hidden = false; });
})();
