// The live desk's visible parts: toasts, the screen pop, banners and the presence bar.
// Everything is built with DOM calls and textContent (never innerHTML with server data).

let labels = {};
export function setLabels(value) { labels = value || {}; }

export function t(key, vars = {}) {
  const text = labels[key] || key;
  return text.replace(/%\((\w+)\)s/g, (_, name) => (vars[name] ?? ""));
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  children.filter(Boolean).forEach((c) => node.append(c));
  return node;
}

function container() { return document.getElementById("live"); }

function closeButton(box) {
  const b = el("button", { type: "button", class: "live-close", "aria-label": t("close"), text: "×" });
  b.addEventListener("click", () => box.remove());
  return b;
}

const MAX_TOASTS = 4;

export function toast(message, url, kind = "info") {
  const box = el("div", { class: `live-toast live-${kind}`, role: "status" });
  box.append(url ? el("a", { href: url, text: message }) : el("span", { text: message }));
  box.append(closeButton(box));
  const live = container();
  if (!live) return box;
  // Never a wall of toasts: the oldest go when a new one would pass the limit.
  while (live.querySelectorAll(".live-toast").length >= MAX_TOASTS) {
    live.querySelector(".live-toast").remove();
  }
  live.append(box);
  setTimeout(() => box.remove(), 15000);
  return box;
}

// Deadline events (one per item, possibly through several rooms) fold into one toast per
// kind: "Overdue: MI-…" for a single item, "12 items overdue" for many.
const deadlines = { due_soon: new Map(), overdue: new Map() };

export function deadlineToast(state, reference, url) {
  const items = deadlines[state];
  items.set(reference, url);
  const id = `live-deadline-${state}`;
  document.getElementById(id)?.remove();
  const single = items.size === 1;
  const message = single ? t(state, { ref: reference }) : t(`${state}_many`, { n: items.size });
  const box = toast(message, single ? url : "/routing/board", state === "overdue" ? "danger" : "warning");
  box.id = id;
  box.querySelector(".live-close")?.addEventListener("click", () => items.clear());
  return box;
}

export function banner(id, message, withReload = true) {
  let box = document.getElementById(id);
  if (!box) {
    box = el("div", { id, class: "live-banner", role: "status" });
    document.getElementById("main")?.prepend(box);
  }
  box.replaceChildren(el("span", { text: message }));
  if (withReload) {
    const b = el("button", { type: "button", class: "button", text: t("reload") });
    b.addEventListener("click", () => window.location.reload());
    box.append(b);
  }
  return box;
}

export function clearBanner(id) { document.getElementById(id)?.remove(); }

function when(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : d.toLocaleString();
}

// Ringing: the caller's record and recent history, or the new-contact intake.
export function screenPop(pop) {
  document.getElementById(`pop-${pop.call_id}`)?.remove();
  const box = el("section", {
    id: `pop-${pop.call_id}`, class: "screenpop", role: "dialog",
    "aria-label": t("incoming_call"), "data-call": pop.call_id,
  });
  box.append(el("header", {},
    el("strong", { text: t("incoming_call") }),
    el("span", { class: "screenpop-number", text: pop.e164 || pop.ani || "—" }),
    el("span", { class: "screenpop-state", text: "" }),
    closeButton(box)));
  if (pop.contacts.length === 0) {
    box.append(el("p", { text: t("unknown_caller") }));
    box.append(el("a", { class: "button primary", href: pop.intake_url, text: t("new_contact_intake") }));
  } else {
    if (pop.contacts.length > 1) box.append(el("p", { text: t("several_matches") }));
    const list = el("ul", { class: "screenpop-contacts" });
    pop.contacts.forEach((c) => {
      const meta = [c.profession, c.specialty, c.institution, c.city].filter(Boolean).join(" · ");
      const intake = `${pop.intake_url.split("&contact=")[0]}&contact=${c.id}`;
      list.append(el("li", { class: "screenpop-contact" },
        el("a", { href: c.url, class: "screenpop-name", text: c.name }),
        el("span", { class: "meta", text: meta }),
        el("a", { class: "button primary", href: intake, text: t("intake_with_caller") })));
    });
    box.append(list);
    if (pop.contacts.length === 1) {
      box.append(el("h3", { text: t("recent_history") }));
      if (!pop.history.length) box.append(el("p", { class: "meta", text: t("no_history") }));
      const items = el("ol", { class: "screenpop-history" });
      pop.history.forEach((h) => {
        const label = [h.reference, h.title].filter(Boolean).join(" — ");
        items.append(el("li", {},
          el("time", { datetime: h.at, text: when(h.at) }), " ",
          h.url ? el("a", { href: h.url, text: label }) : el("span", { text: label })));
      });
      box.append(items);
    }
  }
  container()?.prepend(box);
  return box;
}

export function callState(data, key) {
  const box = document.getElementById(`pop-${data.call_id}`);
  const state = box?.querySelector(".screenpop-state");
  if (state) state.textContent = t(key);
  if (box && key === "call_ended") setTimeout(() => box.remove(), 60000);
}

// Who else has this case open; a warning when someone else is editing it.
export function presenceBar(data, me) {
  const others = data.viewers.filter((v) => String(v.user_id) !== String(me));
  let bar = document.getElementById("live-presence");
  if (!others.length) { bar?.remove(); return; }
  if (!bar) {
    bar = el("div", { id: "live-presence", class: "live-presence", role: "status" });
    document.getElementById("main")?.prepend(bar);
  }
  const editor = others.find((v) => v.editing);
  bar.replaceChildren(el("span", { text: t("also_viewing", { names: others.map((v) => v.name).join(", ") }) }));
  bar.classList.toggle("live-locked", Boolean(editor));
  if (editor) bar.append(el("strong", { text: ` ${t("is_editing", { name: editor.name })}` }));
}
