/* Chefsguider worksheets: answer question lists, tick checklists and fill in the personal
   evaluation right in the page. Answers stay in this browser (localStorage, one entry per guide
   or tool) and are never sent anywhere by this script. Without it the lists are plain lists. */
(function () {
  "use strict";
  var PREFIX = "chefsguider:svar:";
  var store = openStore();
  var counter = 0;

  function openStore() {
    try {
      var storage = window.localStorage, probe = PREFIX + "prov";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null; /* private mode or blocked: the worksheet still works, it just forgets */
    }
  }

  function read(key) {
    if (!store) return {};
    try {
      var value = JSON.parse(store.getItem(PREFIX + key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {};
    }
  }

  function write(key, answers) {
    if (!store) return;
    try {
      if (Object.keys(answers).length) store.setItem(PREFIX + key, JSON.stringify(answers));
      else store.removeItem(PREFIX + key);
    } catch (error) { /* storage full: the answers stay on the page */ }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* One "Rensa mina svar" bar; every bar of a page clears the whole page's answers. */
  function controlBar(onClear, statuses) {
    var bar = element("div", "worksheet__controls no-print");
    bar.appendChild(element("p", "worksheet__hint", "Svaren sparas bara i den här webbläsaren."));
    var button = element("button", "button--secondary", "Rensa mina svar");
    button.type = "button";
    var status = element("p", "worksheet__status");
    status.setAttribute("role", "status");
    statuses.push(status);
    button.addEventListener("click", onClear);
    bar.appendChild(button);
    bar.appendChild(status);
    return bar;
  }

  function announce(statuses, text) {
    statuses.forEach(function (status) { status.textContent = text; });
  }

  function enhanceGuide(article) {
    var sheets = article.querySelectorAll("[data-worksheet]");
    if (!sheets.length) return;
    var key = "guide:" + article.getAttribute("data-guide");
    var answers = read(key);
    var fields = [], statuses = [];

    function save() {
      var next = {};
      fields.forEach(function (field) {
        var value = field.control.type === "checkbox" ? field.control.checked : field.control.value;
        if (value) next[field.name] = value;
      });
      write(key, next);
      announce(statuses, "");
    }

    function clear() {
      fields.forEach(function (field) {
        if (field.control.type === "checkbox") field.control.checked = false;
        else { field.control.value = ""; field.copy.textContent = ""; }
      });
      write(key, {});
      announce(statuses, "Dina svar är rensade.");
    }

    Array.prototype.forEach.call(sheets, function (sheet) {
      var kind = sheet.getAttribute("data-worksheet");
      sheet.classList.add("worksheet--active");
      Array.prototype.forEach.call(sheet.querySelectorAll("li"), function (item) {
        var text = item.textContent.trim();
        var name = kind + ":" + text; /* keyed by the text, so answers survive reordering */
        var id = "arbetsblad-" + (++counter);
        var label = element("label", "worksheet__label", text);
        label.setAttribute("for", id);
        item.textContent = "";
        if (kind === "checklist") {
          var box = document.createElement("input");
          box.type = "checkbox";
          box.id = id;
          box.checked = answers[name] === true;
          box.addEventListener("change", save);
          item.appendChild(box);
          item.appendChild(label);
          fields.push({ name: name, control: box });
        } else {
          var area = document.createElement("textarea");
          area.id = id;
          area.rows = 2;
          area.className = "worksheet__answer";
          area.value = typeof answers[name] === "string" ? answers[name] : "";
          /* Printed instead of the text area, which would cut long answers. */
          var copy = element("p", "worksheet__print-answer", area.value);
          copy.setAttribute("aria-hidden", "true");
          area.addEventListener("input", function () { copy.textContent = area.value; save(); });
          item.appendChild(label);
          item.appendChild(area);
          item.appendChild(copy);
          fields.push({ name: name, control: area, copy: copy });
        }
      });
      sheet.appendChild(controlBar(clear, statuses));
    });
  }

  /* A tool form (the personal evaluation): its text fields are saved as they are typed. */
  function enhanceForm(form) {
    var key = "verktyg:" + form.getAttribute("data-worksheet-form");
    var answers = read(key);
    var controls = form.querySelectorAll("textarea, input[type=text]");
    var status = form.querySelector("[data-worksheet-status]");
    var clearButton = form.querySelector("[data-worksheet-clear]");

    Array.prototype.forEach.call(controls, function (control) {
      /* What the server sent back (after an error) wins over what was stored. */
      if (!control.value && typeof answers[control.name] === "string") control.value = answers[control.name];
      control.addEventListener("input", function () {
        var next = {};
        Array.prototype.forEach.call(controls, function (other) { if (other.value) next[other.name] = other.value; });
        write(key, next);
        if (status) status.textContent = "";
      });
    });
    if (clearButton) {
      clearButton.hidden = false;
      clearButton.addEventListener("click", function () {
        Array.prototype.forEach.call(controls, function (control) { control.value = ""; });
        write(key, {});
        if (status) status.textContent = "Dina svar är rensade.";
      });
    }
  }

  function enhancePrintButton(button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-guide]"), enhanceGuide);
    Array.prototype.forEach.call(document.querySelectorAll("[data-worksheet-form]"), enhanceForm);
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), enhancePrintButton);
  });
})();
