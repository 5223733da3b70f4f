// The form of a printable pack (theme/templates/_pack.html): shown once scripts run, with the
// month to print chosen on the birthdays page. The pack itself is made by pack.js, loaded only
// when a pack is first asked for, so that the list pages carry none of it.
(function () {
  "use strict";

  var form = document.querySelector("[data-pack]");
  if (!form || !document.querySelector("[data-pack-template]") || !window.fetch || !window.Promise) { return; }
  var status = form.querySelector("[role=status]");
  var loading = null;

  function packScript() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = form.dataset.script;
        script.onload = function () {
          if (window.portalPack) { resolve(window.portalPack); } else { reject(new Error(script.src)); }
        };
        script.onerror = function () {
          script.remove();
          loading = null;  // the next click tries again
          reject(new Error(script.src));
        };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  if (form.elements.month) {
    // The month named in the address (#april), else the next one: cards go some three weeks early.
    var after = new Date().getMonth() + 2;  // getMonth() counts from 0
    var next = document.querySelector("section[data-month='" + (after > 12 ? 1 : after) + "']");
    [window.location.hash.slice(1), next && next.id].some(function (month) {
      var option = month && form.elements.month.querySelector("option[value='" + CSS.escape(month) + "']");
      if (option) { option.selected = true; }
      return option;
    });
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    status.textContent = "";
    packScript()
      .then(function (pack) { return pack.print(); })
      .catch(function () { status.textContent = status.dataset.failed; });
  });
})();
