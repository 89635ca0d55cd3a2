// The intake screen: caller search as you type, keyboard picking, call timer, extra questions.
const form = document.getElementById("intake");
const search = document.getElementById("caller-search");
const results = document.getElementById("caller-results");
const contactId = document.getElementById("contact_id");
const chosen = document.getElementById("chosen-contact");
const finder = document.getElementById("find-contact");
const timerOut = document.getElementById("call-timer");
const startedField = document.getElementById("call_started_at");

// Call timer: starts when the screen opens (or when telephony says "answered").
let started = startedField.value ? new Date(startedField.value) : new Date();
if (Number.isNaN(started.getTime())) started = new Date();
startedField.value = started.toISOString();
let ended = null;
function tick() {
  const s = Math.max(0, Math.floor(((ended || new Date()).getTime() - started.getTime()) / 1000));
  timerOut.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}
setInterval(tick, 1000);

// Telephony (desk.js relays "answered"/"ended" of the call this intake was opened for, or any
// call when none was named): answered starts the timer, ended stops it; the number is filled.
const callId = new URLSearchParams(window.location.search).get("call");
function hidden(name, value) {
  let input = form.querySelector(`input[name=${name}]`);
  if (!input) { input = Object.assign(document.createElement("input"), { type: "hidden", name }); form.append(input); }
  input.value = value;
}
function applyCall(call) {
  if (call.answered_at) { started = new Date(call.answered_at); startedField.value = started.toISOString(); }
  if (call.ended_at) { ended = new Date(call.ended_at); hidden("call_ended_at", ended.toISOString()); }
  const phone = document.getElementById("new_phone");
  if (phone && !phone.value && (call.e164 || call.ani)) phone.value = call.e164 || call.ani;
  if (call.call_id) hidden("call_id", call.call_id);
  timerOut.closest(".timer")?.classList.toggle("stopped", Boolean(ended));
  tick();
}
document.addEventListener("medinfo:call", (ev) => {
  if (callId && ev.detail.call_id !== callId) return;
  if (ev.detail.event === "answered") ended = null;
  applyCall(ev.detail);
});
if (callId) {
  hidden("call_id", callId);
  fetch(`/api/v1/telephony/calls?call_id=${encodeURIComponent(callId)}`, { headers: { Accept: "application/json" } })
    .then((res) => (res.ok ? res.json() : null)).then((call) => { if (call) applyCall(call); })
    .catch(() => {});
}

function choose(id, name, meta, url) {
  contactId.value = id;
  document.getElementById("chosen-name").textContent = name;
  document.getElementById("chosen-meta").textContent = meta;
  if (url) document.getElementById("chosen-link").href = url;
  chosen.hidden = false;
  finder.hidden = true;
  form.querySelector("select[name=language]")?.focus();
}

document.getElementById("change-contact")?.addEventListener("click", () => {
  contactId.value = "";
  chosen.hidden = true;
  finder.hidden = false;
  search.focus();
});

let timer = null;
let active = -1;
let latest = 0;
function render(items) {
  results.replaceChildren();
  active = items.length ? 0 : -1;
  items.forEach((c, i) => {
    const li = document.createElement("li");
    li.setAttribute("role", "option");
    li.setAttribute("aria-selected", String(i === 0));
    li.dataset.index = i;
    const meta = [c.profession, c.specialty, c.institution, c.city, c.phone, c.registry_number]
      .filter(Boolean).join(" · ");
    li.textContent = c.name;
    const span = document.createElement("span");
    span.className = "meta";
    span.textContent = meta;
    li.append(span);
    li.addEventListener("click", () => choose(c.id, c.name, meta, c.url));
    li.contact = { ...c, meta };
    results.append(li);
  });
}
function highlight(next) {
  const items = [...results.children];
  if (!items.length) return;
  active = (next + items.length) % items.length;
  items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
  items[active].scrollIntoView({ block: "nearest" });
}
search?.addEventListener("input", () => {
  clearTimeout(timer);
  const q = search.value.trim();
  if (q.length < 2) { render([]); return; }
  timer = setTimeout(async () => {
    const ticket = ++latest;
    const res = await fetch(`${form.dataset.lookup}?q=${encodeURIComponent(q)}`,
      { headers: { Accept: "application/json" } });
    if (!res.ok || ticket !== latest) return;
    render((await res.json()).results);
  }, 150);
});
search?.addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(active + 1); }
  else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(active - 1); }
  else if (ev.key === "Enter") {
    ev.preventDefault();
    const li = results.children[active];
    if (li) choose(li.contact.id, li.contact.name, li.contact.meta, li.contact.url);
  } else if (ev.key === "Escape") { render([]); }
});

document.querySelectorAll(".pick-duplicate").forEach((b) =>
  b.addEventListener("click", () => choose(b.dataset.id, b.dataset.name, b.dataset.meta, b.dataset.url)));
document.getElementById("confirm-new-box")?.addEventListener("change", (ev) => {
  document.getElementById("confirm_new").value = ev.target.checked ? "yes" : "";
});

// Another question: clone the last one with the next index.
document.getElementById("add-request")?.addEventListener("click", () => {
  const box = document.getElementById("requests");
  const rows = box.querySelectorAll("fieldset.request");
  if (rows.length >= 10) return;
  const copy = rows[rows.length - 1].cloneNode(true);
  const n = rows.length;
  copy.querySelectorAll("[name]").forEach((el) => {
    el.name = el.name.replace(/requests-\d+-/, `requests-${n}-`);
    el.id = el.name;
    if (el.tagName === "TEXTAREA") el.value = "";
  });
  copy.querySelectorAll("label[for]").forEach((l) => {
    l.htmlFor = l.htmlFor.replace(/requests-\d+-/, `requests-${n}-`);
  });
  copy.querySelectorAll(".error").forEach((e) => e.remove());
  copy.querySelector(".num").textContent = String(n + 1);
  box.append(copy);
  copy.querySelector("select")?.focus();
});

document.addEventListener("keydown", (ev) => {
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); form.requestSubmit(); }
  if (ev.altKey && ev.key.toLowerCase() === "f" && search && !finder.hidden) {
    ev.preventDefault();
    search.focus();
  }
  if (ev.altKey && ev.key.toLowerCase() === "c") {
    ev.preventDefault();
    const d = document.getElementById("new-contact");
    if (d) { d.open = true; d.querySelector("input")?.focus(); }
  }
});
