// Maillage: what scripts add to pages that work without them — commune suggestions as one
// types, "autour de moi", the map of results when Leaflet is installed, and reading a
// voucher's QR code with the camera where the browser can (BarcodeDetector).
(function () {
  "use strict";

  function suggestions(input) {
    var list = document.createElement("ul");
    var active = -1;
    var timer = null;
    var asked = 0; // which request may still show its answer: dismissing forgets those on the way
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.insertBefore(list, input.nextSibling);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");

    function forget() {
      clearTimeout(timer);
      asked += 1;
    }
    function close() {
      forget();
      list.hidden = true;
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function pick(option) {
      input.value = option.getAttribute("data-value");
      close();
    }
    function highlight(index) {
      var options = list.querySelectorAll("li");
      if (!options.length) return;
      active = (index + options.length) % options.length;
      options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", options[active].id);
    }
    function show(communes) {
      list.innerHTML = "";
      communes.forEach(function (commune, i) {
        var item = document.createElement("li");
        var label = commune.codes_postaux.length ? commune.nom + " (" + commune.codes_postaux[0] + ")" : commune.nom;
        item.id = list.id + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("data-value", label);
        item.textContent = label;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); pick(item); });
        list.appendChild(item);
      });
      list.hidden = communes.length === 0;
      input.setAttribute("aria-expanded", communes.length ? "true" : "false");
      active = -1;
    }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      forget();
      if (text.length < 2) { close(); return; }
      var request = asked;
      timer = setTimeout(function () {
        fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(text))
          .then(function (response) { return response.ok ? response.json() : { data: [] }; })
          .then(function (body) { if (request === asked) show(body.data); })
          .catch(function () { if (request === asked) close(); });
      }, 120);
    });
    input.addEventListener("keydown", function (event) {
      // Escape also forgets suggestions still on their way: they must not open afterwards.
      if (event.key === "Escape") { close(); return; }
      if (list.hidden) return;
      if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); pick(list.querySelectorAll("li")[active]); }
    });
    input.addEventListener("blur", close);
  }

  function aroundMe(form) {
    var button = document.getElementById("autour");
    if (!button || !navigator.geolocation) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      button.textContent = "Recherche de votre position…";
      navigator.geolocation.getCurrentPosition(function (position) {
        ["latitude", "longitude"].forEach(function (name) {
          var field = form.querySelector("input[name=" + name + "]");
          if (!field) {
            field = document.createElement("input");
            field.type = "hidden";
            field.name = name;
            form.appendChild(field);
          }
          field.value = position.coords[name].toFixed(5);
        });
        form.querySelector("#commune").value = "";
        form.submit();
      }, function () {
        button.textContent = "Position indisponible : indiquez une commune";
      });
    });
    // A commune typed replaces a position given before.
    form.addEventListener("submit", function () {
      if (form.querySelector("#commune").value.trim() === "") return;
      form.querySelectorAll("input[name=latitude], input[name=longitude]").forEach(function (field) { field.remove(); });
    });
  }

  function map() {
    var element = document.getElementById("carte");
    var items = document.querySelectorAll("li.result[data-latitude]");
    if (!element || !window.L || !items.length) return;
    // Shown, the map is a region of its own: its markers and buttons can be reached by keyboard.
    element.hidden = false;
    element.removeAttribute("aria-hidden");
    element.setAttribute("role", "region");
    element.setAttribute("aria-label", "Carte des lieux trouvés (la liste les donne dans le même ordre)");
    var leaflet = window.L.map(element);
    window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: "© contributeurs d'OpenStreetMap"
    }).addTo(leaflet);
    var bounds = [];
    items.forEach(function (item) {
      var point = [parseFloat(item.getAttribute("data-latitude")), parseFloat(item.getAttribute("data-longitude"))];
      var link = item.querySelector("h3 a");
      var popup = document.createElement("a");
      popup.href = link.getAttribute("href");
      popup.textContent = link.textContent;
      // NB: markers open their popup on a click, not by keyboard: close together they would be
      // targets too small to tell apart, and the list below holds the same links.
      window.L.marker(point, { title: link.textContent, alt: link.textContent, keyboard: false }).addTo(leaflet).bindPopup(popup);
      bounds.push(point);
    });
    leaflet.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }

  // A button beside the number field opens the camera; the first QR code read fills the field,
  // which the person still checks and sends. Browsers without BarcodeDetector show no button.
  function scan(input) {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    var button = document.createElement("button");
    var video = document.createElement("video");
    var status = document.createElement("p");
    var stream = null;
    var timer = null;
    button.type = "button";
    button.className = "secondary scan";
    button.textContent = "Scanner le QR code avec la caméra";
    video.className = "scan-video";
    video.hidden = true;
    video.muted = true;
    video.setAttribute("playsinline", "");
    video.setAttribute("aria-label", "Image de la caméra\u00a0: présentez le QR code du chèque");
    status.className = "hint";
    status.setAttribute("role", "status");
    input.parentNode.insertBefore(status, input.nextSibling);
    input.parentNode.insertBefore(video, input.nextSibling);
    input.parentNode.insertBefore(button, input.nextSibling);

    function stop(message) {
      clearInterval(timer);
      if (stream) stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
      video.hidden = true;
      button.textContent = "Scanner le QR code avec la caméra";
      status.textContent = message;
    }
    button.addEventListener("click", function () {
      if (stream) { stop(""); return; }
      var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (opened) {
        stream = opened;
        video.srcObject = stream;
        video.hidden = false;
        button.textContent = "Arrêter la caméra";
        status.textContent = "Présentez le QR code du chèque à la caméra.";
        return video.play();
      }).then(function () {
        timer = setInterval(function () {
          detector.detect(video).then(function (codes) {
            if (!codes.length || !stream) return;
            input.value = codes[0].rawValue;
            stop("QR code lu\u00a0: vérifiez le numéro, puis encaissez.");
            input.focus();
          }).catch(function () {});
        }, 250);
      }).catch(function () {
        stop("La caméra n'est pas accessible\u00a0: saisissez le numéro imprimé.");
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-scan=qr]").forEach(scan);
    document.querySelectorAll("input[data-suggest]").forEach(suggestions);
    var form = document.querySelector("form.search");
    if (form) aroundMe(form);
    map();
  });
})();
