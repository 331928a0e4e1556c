/* Chefsguider: small enhancements. Every task works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  /* Catalogue: ticking a filter updates counts, list and URL without a page load. */
  function initCatalogue(root) {
    var controller = null;
    function form() { return root.querySelector("[data-filter-form]"); }

    function update(pushState) {
      var params = new URLSearchParams();
      new FormData(form()).forEach(function (value, key) { if (value !== "") params.append(key, value); });
      var url = form().getAttribute("action") + (params.toString() ? "?" + params.toString() : "");
      if (controller) controller.abort();
      controller = new AbortController();
      root.setAttribute("aria-busy", "true");
      fetch(url, { headers: { "X-Chefsguider-Fragment": "1" }, signal: controller.signal })
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
          var results = root.querySelector(".results");
          var freshResults = fresh.querySelector(".results");
          var live = results.querySelector("[data-live-count]");
          var countText = freshResults.querySelector("[data-result-count]").textContent;
          var actions = root.querySelector(".filters__actions");
          var freshActions = fresh.querySelector(".filters__actions");
          if (actions && freshActions) actions.innerHTML = freshActions.innerHTML;
          Array.prototype.slice.call(results.children).forEach(function (child) {
            if (child !== live) results.removeChild(child);
          });
          Array.prototype.slice.call(freshResults.children).forEach(function (child) {
            if (!child.hasAttribute("data-live-count")) results.appendChild(child);
          });
          live.textContent = countText;
          if (pushState) history.pushState({ catalogue: true }, "", url);
        })
        .catch(function (error) { if (error.name !== "AbortError") window.location.href = url; })
        .finally(function () { root.removeAttribute("aria-busy"); });
    }

    root.addEventListener("change", function (event) {
      if (event.target.matches("input[type=checkbox], select")) update(true);
    });
    window.addEventListener("popstate", function () { window.location.reload(); });
  }

  /* Search field as an accessible combobox with suggestions after two characters. */
  function initSuggest(row, index) {
    var input = row.querySelector("input[type=search]");
    if (!input) return;
    var list = document.createElement("ul");
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
      list.hidden = true; list.innerHTML = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(position) {
      items.forEach(function (item, i) { item.setAttribute("aria-selected", i === position ? "true" : "false"); });
      active = position;
      if (position >= 0) input.setAttribute("aria-activedescendant", items[position].id);
      else input.removeAttribute("aria-activedescendant");
    }
    function choose(text) {
      input.value = text; close();
      if (input.form) input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
    }
    function show(suggestions) {
      close();
      if (!suggestions.length) return;
      suggestions.forEach(function (text, i) {
        var item = document.createElement("li");
        item.id = listId + "-" + i;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = text;
        item.addEventListener("mousedown", function (event) { event.preventDefault(); choose(text); });
        list.appendChild(item);
        items.push(item);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var value = input.value.trim();
      if (value.length < 2) { close(); return; }
      timer = setTimeout(function () {
        fetch("/api/v1/suggest/?q=" + encodeURIComponent(value))
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) { if (input.value.trim() === value) show(data.suggestions || []); })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) { event.preventDefault(); highlight((active + 1) % items.length); }
      else if (event.key === "ArrowUp" && items.length) { event.preventDefault(); highlight(active <= 0 ? items.length - 1 : active - 1); }
      else if (event.key === "Enter" && active >= 0) { event.preventDefault(); choose(items[active].textContent); }
      else if (event.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-catalogue]").forEach(initCatalogue);
    document.querySelectorAll("[data-suggest]").forEach(initSuggest);
  });
})();
