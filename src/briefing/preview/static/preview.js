// briefing preview: fetch the view whenever the server says it changed, and show it without a reload.
"use strict";

const state = {
  audience: new URLSearchParams(location.search).get("audience") || "",
  data: null,
  asked: 0,        // the last request made, so that an older answer arriving late is dropped
  selected: null,  // {kind: "slide"|"page", number}: kept in the inspector
  hovered: null,
  seen: false,     // a first view has been shown: later changes are marked
};

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") made.className = value;
    else if (name === "text") made.textContent = value;
    else made.setAttribute(name, value);
  }
  made.append(...children.filter((child) => child !== null && child !== undefined));
  return made;
}

// -- fetching -------------------------------------------------------------------------------

async function refresh() {
  const asked = ++state.asked;
  const query = state.audience ? `?audience=${encodeURIComponent(state.audience)}` : "";
  let data;
  try {
    const answer = await fetch(`api/view${query}`, {cache: "no-store"});
    data = await answer.json();
  } catch (error) {
    showStatus("off", "the preview server is not answering");
    return;
  }
  if (asked !== state.asked) return;
  state.audience = data.audience || "";
  state.data = data;
  show(data);
}

function listen() {
  const events = new EventSource("events");
  events.onmessage = () => refresh();
  events.onerror = () => showStatus("off", "reconnecting to the preview server…");
}

// -- showing --------------------------------------------------------------------------------

function show(data) {
  $("outline-file").textContent = data.outline;
  showAudiences(data);
  showProblems(data.problems);
  const changed = state.seen;
  showCards($("slides"), data.slides, "slide", changed);
  showCards($("pages"), data.pages, "page", changed);
  $("slide-count").textContent = data.slides.length ? `· ${data.slides.length} slides` : "";
  $("page-count").textContent = data.pages.length ? `· ${data.pages.length} pages` : "";
  showRenderStatus(data);
  showInspector();
  state.seen = state.seen || data.slides.length > 0;
}

function showAudiences(data) {
  const nav = $("audiences");
  const choices = [{name: "", label: "Full briefing"}, ...data.audiences];
  nav.replaceChildren(...choices.map((choice) => {
    const button = element("button", {type: "button", "data-audience": choice.name, text: choice.label,
                                      title: choice.name ? `briefing build --audience ${choice.name}` : "briefing build"});
    if ((data.audience || "") === choice.name) {
      button.classList.add("on");
      button.setAttribute("aria-pressed", "true");
    }
    button.addEventListener("click", () => chooseAudience(choice.name));
    return button;
  }));
}

function chooseAudience(name) {
  state.audience = name;
  state.selected = null;
  state.seen = false;  // another version altogether: nothing to mark as changed
  const url = new URL(location.href);
  if (name) url.searchParams.set("audience", name); else url.searchParams.delete("audience");
  history.replaceState(null, "", url);
  refresh();
}

function showProblems(problems) {
  const panel = $("problems");
  panel.hidden = problems.length === 0;
  $("problems-title").textContent = problems.length === 1 ? "The outline has a problem" :
    `The outline has ${problems.length} problems`;
  $("problem-list").replaceChildren(...problems.map((problem) => {
    const item = element("li");
    const where = problem.line ? `${problem.file}:${problem.line}:${problem.column}: ${problem.path}: ` : "";
    item.append(element("div", {class: "where", text: `${where}${problem.message}`}));
    if (problem.line && problem.text !== "") {
      item.append(element("pre", {class: "lines"},
                          element("span", {"data-line": String(problem.line), class: "hit", text: problem.text})));
    }
    return item;
  }));
}

function showCards(container, items, kind, markChanges) {
  const cards = Array.from(container.children);
  items.forEach((item, index) => {
    let card = cards[index];
    if (!card) {
      card = element("figure", {class: `card ${kind}`});
      card.addEventListener("mouseenter", () => { state.hovered = {kind, number: Number(card.dataset.number)}; showInspector(); });
      card.addEventListener("mouseleave", () => { state.hovered = null; showInspector(); });
      card.addEventListener("click", () => {
        const number = Number(card.dataset.number);
        const same = state.selected && state.selected.kind === kind && state.selected.number === number;
        state.selected = same ? null : {kind, number};
        showInspector();
      });
      container.append(card);
    }
    const picture = item.png || "";
    if (card.dataset.key === item.key && card.dataset.png === picture) return;
    const changed = markChanges && card.dataset.key !== undefined && card.dataset.key !== item.key;
    card.dataset.key = item.key;
    card.dataset.png = picture;
    card.dataset.number = String(item.number);
    card.setAttribute(`data-${kind}`, String(item.number));
    fill(card, item, kind);
    if (changed) {
      card.classList.remove("changed");
      void card.offsetWidth;  // restart the animation
      card.classList.add("changed");
    }
  });
  cards.slice(items.length).forEach((card) => card.remove());
  if (!items.length) {
    container.replaceChildren(element("p", {class: "empty", text: "Nothing to show yet."}));
  } else {
    container.querySelectorAll(".empty").forEach((empty) => empty.remove());
  }
}

function fill(card, item, kind) {
  const sheet = element("div", {class: "sheet"});
  sheet.innerHTML = item.svg;  // drawn by the server from the outline's shapes, text escaped there
  if (item.png) {
    const image = element("img", {src: item.png, alt: `${kind} ${item.number} as LibreOffice lays it out`,
                                  loading: "lazy", decoding: "async"});
    sheet.append(image);
  }
  const caption = element("figcaption", {class: "caption"},
    element("span", {class: "number", text: String(item.number)}),
    element("span", {class: "title", text: item.title || ""}),
    item.problems && item.problems.length ?
      element("span", {class: "badge fit", text: `${item.problems.length} fit problem${item.problems.length > 1 ? "s" : ""}`}) : null,
    element("span", {class: item.png ? "badge real" : "badge model",
                     text: item.png ? "LibreOffice" : (kind === "slide" ? "plan" : "page model")}));
  card.replaceChildren(sheet, caption);
  card.classList.toggle("has-problems", Boolean(item.problems && item.problems.length));
}

function showRenderStatus(data) {
  const office = data.libreoffice;
  const text = {
    missing: office.message,
    waiting: "LibreOffice's pages follow",
    rendering: "LibreOffice is laying out the pages…",
    ready: "LibreOffice's pages",
    failed: `LibreOffice failed: ${office.message}`,
  }[office.state] || office.state;
  const dot = {missing: "off", waiting: "busy", rendering: "busy", ready: "ready", failed: "bad"}[office.state];
  // Where LibreOffice cannot lay the files out, the page says so above the pages, not only in the bar.
  const note = $("office-note");
  note.hidden = !["missing", "failed"].includes(office.state);
  note.textContent = office.state === "failed" ? `LibreOffice failed: ${office.message}` : office.message;
  const viewNote = $("view-note");
  viewNote.hidden = !data.notes.length;
  viewNote.textContent = data.notes.join(" ");
  const time = new Date().toLocaleTimeString();
  showStatus(dot, data.problems.length ? `problems at ${time}` : `updated ${time} · ${text}`, office.message);
  if (office.state === "missing") $("status").title = office.message;
}

function showStatus(dot, text, title = "") {
  const status = $("status");
  status.replaceChildren(element("span", {class: `dot ${dot}`}), element("span", {text}));
  status.title = title;
}

// -- the inspector --------------------------------------------------------------------------

function showInspector() {
  const panel = $("inspector");
  const chosen = state.hovered || state.selected;
  const data = state.data;
  const items = chosen && data ? (chosen.kind === "slide" ? data.slides : data.pages) : [];
  const item = chosen ? items.find((candidate) => candidate.number === chosen.number) : null;
  document.querySelectorAll(".card.selected").forEach((card) => card.classList.remove("selected"));
  if (state.selected) {
    const card = document.querySelector(`[data-${state.selected.kind}="${state.selected.number}"]`);
    if (card) card.classList.add("selected");
  }
  if (!item) {
    panel.replaceChildren(element("p", {class: "hint", text: "Point at a slide or a page to see the outline lines " +
      "it comes from, its fit problems and its notes; click to keep it here."}));
    return;
  }
  const kind = chosen.kind === "slide" ? "Slide" : "Page";
  const parts = [element("h3", {text: `${kind} ${item.number}`})];
  if (item.title) parts.push(element("div", {class: "muted", text: item.title}));
  if (chosen.kind === "slide") {  // what does not fit first: it is what needs the writer
    parts.push(element("h4", {text: "Fit"}));
    if (item.problems.length) {
      parts.push(element("ul", {class: "fit"}, ...item.problems.map((problem) => element("li", {text: problem}))));
    } else {
      parts.push(element("p", {class: "fine", text: "Everything fits."}));
    }
  }
  parts.push(element("h4", {text: "From the outline"}));
  if (!item.origins.length) {
    parts.push(element("p", {class: "muted", text: "Made by the tool itself (the contents, the data appendix), or " +
                                                   "laid out by LibreOffice on more or fewer pages than the page model."}));
  }
  for (const span of item.origins) {
    const range = span.last > span.first ? `${span.first}–${span.last}` : `${span.first}`;
    parts.push(element("div", {class: "where", text: `${span.file}:${range} · ${span.path}`}));
    const lines = element("pre", {class: "lines"}, ...span.lines.map((line, index) =>
      element("span", {"data-line": String(span.first + index), text: line})));
    parts.push(lines);
  }
  if (chosen.kind === "slide") {
    parts.push(element("h4", {text: "Speaker notes"}));
    parts.push(element("div", {class: "notes", text: item.notes || "—"}));
  }
  panel.replaceChildren(...parts);
}

// -- the page's own controls ----------------------------------------------------------------

// Side by side or one of them, and the cards' size: remembered in this browser.
for (const [setting, fallback] of [["layout", "both"], ["size", "medium"]]) {
  const buttons = document.querySelectorAll(`nav button[data-${setting}]`);
  const choose = (value) => {
    document.body.dataset[setting] = value;
    buttons.forEach((button) => button.classList.toggle("on", button.dataset[setting] === value));
    try { localStorage.setItem(`briefing-preview-${setting}`, value); } catch (error) { /* private mode */ }
  };
  buttons.forEach((button) => button.addEventListener("click", () => choose(button.dataset[setting])));
  let kept = null;
  try { kept = localStorage.getItem(`briefing-preview-${setting}`); } catch (error) { /* private mode */ }
  choose(kept || fallback);
}
// The inspector stays in view just under the bar, however many rows the bar takes.
new ResizeObserver(() => document.documentElement.style.setProperty("--bar", `${$("bar").offsetHeight}px`))
  .observe($("bar"));
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") { state.selected = null; showInspector(); }
});

listen();
refresh();
