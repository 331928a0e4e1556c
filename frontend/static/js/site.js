/* Chefsguider: small enhancements. Every task works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function reveal(root) {
    root.querySelectorAll("[data-js-only]").forEach(function (element) { element.hidden = false; });
    /* "Filtrera" is a link to the filters without the script; with it, a button that opens the panel. */
    root.querySelectorAll("a[data-filter-open]").forEach(function (link) {
      link.setAttribute("role", "button");
      link.setAttribute("aria-controls", "filterpanel");
      if (!link.hasAttribute("aria-expanded")) link.setAttribute("aria-expanded", "false");
    });
  }

  /* Catalogue: ticking a filter updates counts, list and URL without a page load. On a phone the
     filters live in a panel opened by "Filtrera (N)", closed by "Visa N guider". */
  function initCatalogue(root) {
    var controller = null, sortTimer = null, opener = null;
    var shown = location.pathname + location.search;
    var wide = window.matchMedia("(min-width: 56rem)");
    function form() { return root.querySelector("[data-filter-form]"); }
    function panel() { return root.querySelector("[data-filter-panel]"); }
    reveal(root);

    function update(pushState) {
      var params = new URLSearchParams();
      new FormData(form()).forEach(function (value, key) { if (value !== "") params.append(key, value); });
      var url = form().getAttribute("action") + (params.toString() ? "?" + params.toString() : "");
      if (controller) controller.abort();
      controller = new AbortController();
      root.setAttribute("aria-busy", "true");
      return fetch(url, { headers: { "X-Chefsguider-Fragment": "1" }, signal: controller.signal })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.text(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          fresh.querySelectorAll("[data-filter-form] input[type=checkbox]").forEach(function (input) {
            var current = document.getElementById(input.id);
            if (!current) return;
            current.disabled = input.disabled;
            var count = root.querySelector('[data-count-for="' + input.id + '"]');
            var freshCount = fresh.querySelector('[data-count-for="' + input.id + '"]');
            if (count && freshCount) count.innerHTML = freshCount.innerHTML;
          });
          /* Only the parts that change: the focused control (a checkbox, the sort order) stays put. */
          ["[data-filter-clear]", "[data-filter-show]"].forEach(function (selector) {
            var here = root.querySelector(selector), there = fresh.querySelector(selector);
            if (here && there) here.innerHTML = there.innerHTML;
          });
          var results = root.querySelector(".results");
          var freshResults = fresh.querySelector(".results");
          var live = results.querySelector("[data-live-count]");
          var countText = freshResults.querySelector("[data-result-count]").textContent;
          var openerOpen = opener && opener.getAttribute("aria-expanded");
          Array.prototype.slice.call(results.children).forEach(function (child) {
            if (child !== live) results.removeChild(child);
          });
          Array.prototype.slice.call(freshResults.children).forEach(function (child) {
            if (!child.hasAttribute("data-live-count")) results.appendChild(child);
          });
          reveal(results);
          opener = results.querySelector("[data-filter-open]");
          if (opener && openerOpen) opener.setAttribute("aria-expanded", openerOpen);
          live.textContent = countText;
          if (pushState) history.pushState({ catalogue: true }, "", url);
          shown = location.pathname + location.search;
        })
        .catch(function (error) { if (error.name !== "AbortError") window.location.href = url; })
        .finally(function () { root.removeAttribute("aria-busy"); });
    }

    /* The phone panel: a modal dialog while open, the rest of the page inert. */
    var inerted = [];
    function openPanel() {
      var box = panel();
      box.classList.add("is-open");
      box.setAttribute("role", "dialog");
      box.setAttribute("aria-modal", "true");
      box.setAttribute("aria-labelledby", "filterpanel-rubrik");
      for (var node = box; node && node !== document.body; node = node.parentElement) {
        Array.prototype.forEach.call(node.parentElement.children, function (sibling) {
          if (sibling !== node && !sibling.inert && sibling.tagName !== "SCRIPT") { sibling.inert = true; inerted.push(sibling); }
        });
      }
      document.body.classList.add("has-panel");
      if (opener) opener.setAttribute("aria-expanded", "true");
      box.querySelector("#filterpanel-rubrik").focus();
    }
    function closePanel(focusTarget) {
      var box = panel();
      if (!box.classList.contains("is-open")) return;
      box.classList.remove("is-open");
      ["role", "aria-modal", "aria-labelledby"].forEach(function (name) { box.removeAttribute(name); });
      inerted.forEach(function (element) { element.inert = false; });
      inerted = [];
      document.body.classList.remove("has-panel");
      if (opener) opener.setAttribute("aria-expanded", "false");
      if (focusTarget) focusTarget.focus();
    }

    root.addEventListener("change", function (event) {
      if (event.target.matches("input[type=checkbox]")) update(true);
      else if (event.target.matches("select")) {
        /* Arrow keys change a closed select one step at a time: wait until the reader settles. */
        clearTimeout(sortTimer);
        sortTimer = setTimeout(function () { update(true); }, 500);
      }
    });
    root.addEventListener("click", function (event) {
      var target = event.target.closest("[data-filter-open], [data-filter-close], [data-filter-show], [data-chip-for]");
      if (!target) return;
      if (target.hasAttribute("data-filter-open")) { event.preventDefault(); opener = target; openPanel(); }
      else if (target.hasAttribute("data-filter-close")) closePanel(opener);
      else if (target.hasAttribute("data-filter-show")) closePanel(root.querySelector("[data-result-count]"));
      else {
        var input = document.getElementById(target.getAttribute("data-chip-for"));
        if (!input) return;
        event.preventDefault();
        input.checked = false;
        update(true).then(function () { var heading = root.querySelector("[data-result-count]"); if (heading) heading.focus(); });
      }
    });
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && panel().classList.contains("is-open")) { event.preventDefault(); closePanel(opener); }
      /* A link acting as a button answers the space bar too. */
      else if (event.key === " " && event.target.matches("a[data-filter-open]")) { event.preventDefault(); opener = event.target; openPanel(); }
    });
    wide.addEventListener("change", function () { if (wide.matches) closePanel(null); });
    opener = root.querySelector("[data-filter-open]");
    /* Back and forward between the catalogue's own states reload the list; jumping within the
       page (the skip link, #anchors) is no new state and is left alone. */
    window.addEventListener("popstate", function () {
      if (location.pathname + location.search !== shown) window.location.reload();
    });
  }

  /* Search field as an ARIA 1.2 combobox: guides that open directly, then search completions. */
  function initSuggest(row, index) {
    var input = row.querySelector("input[type=search]");
    if (!input) return;
    /* type=search is no valid combobox in HTML, and its Escape clears the field: a text field
       with a search keyboard instead. */
    input.type = "text";
    input.setAttribute("inputmode", "search");
    input.setAttribute("enterkeyhint", "search");
    var list = document.createElement("div");
    var listId = "forslag-" + index;
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Förslag");
    list.hidden = true;
    row.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    var active = -1, timer = null, items = [];

    function close() {
      list.hidden = true; list.textContent = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(position) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === position ? "true" : "false"); });
      active = position;
      if (position >= 0) input.setAttribute("aria-activedescendant", items[position].id);
      else input.removeAttribute("aria-activedescendant");
    }
    function choose(item) {
      var url = item.getAttribute("data-url");
      if (url) { window.location.href = url; return; }
      input.value = item.getAttribute("data-text"); close();
      if (input.form) input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
    }
    function group(label, entries, kind) {
      if (!entries.length) return;
      var box = document.createElement("div");
      var heading = document.createElement("div");
      heading.id = listId + "-" + kind;
      heading.className = "suggestions__heading";
      heading.setAttribute("role", "presentation");
      heading.textContent = label;
      box.setAttribute("role", "group");
      box.setAttribute("aria-labelledby", heading.id);
      box.appendChild(heading);
      entries.forEach(function (entry) {
        var item = document.createElement("div");
        item.id = listId + "-" + items.length;
        item.className = "suggestions__option suggestions__option--" + kind;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = entry.text;
        item.setAttribute("data-text", entry.text);
        if (entry.url) item.setAttribute("data-url", entry.url);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(item); });
        box.appendChild(item);
        items.push(item);
      });
      list.appendChild(box);
    }
    function show(data) {
      close();
      var guides = (data.guides || []).map(function (guide) { return { text: guide.title, url: guide.url }; });
      var words = (data.completions || data.suggestions || []).map(function (text) { return { text: text }; });
      group("Sök efter", words, "query");
      group("Guider", guides, "guide");
      if (!items.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch("/api/v1/suggest/?q=" + encodeURIComponent(value))
          .then(function (response) { return response.ok ? response.json() : {}; })
          .then(function (data) { if (input.value.trim() === value) show(data); })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(items[active]); }
      else if (event.key === "Escape" && !list.hidden) { event.preventDefault(); event.stopPropagation(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-catalogue]").forEach(initCatalogue);
    document.querySelectorAll("[data-suggest]").forEach(initSuggest);
  });
})();
