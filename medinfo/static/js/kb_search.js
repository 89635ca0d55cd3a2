// Knowledge-base panel of the intake screen: search as you type, pick with the keyboard,
// "use in answer" puts the article version's id in the current question's hidden field.
const panel = document.getElementById("kb-panel");
if (panel) {
  const input = document.getElementById("kb-q");
  const list = document.getElementById("kb-results");
  const status = document.getElementById("kb-status");
  const facetsBox = document.getElementById("kb-facets");
  const chips = document.getElementById("kb-chips");
  const target = document.getElementById("kb-target");
  const filters = {
    language: document.getElementById("kb-language"),
    product: document.getElementById("kb-product"),
    doc_type: document.getElementById("kb-doc-type"),
  };
  const t = document.getElementById("kb-i18n").dataset;
  const fmt = (s, vars) => s.replace(/%\((\w+)\)s/g, (_, k) => String(vars[k] ?? ""));
  const noneText = chips.querySelector(".kb-none")?.textContent || "—";
  const labels = new Map(); // version id -> {id, version, title, url}
  let current = 0; // index of the question the next "use in answer" goes to
  let active = -1;
  let hits = [];
  let timer = null;
  let ticket = 0;

  const articleUrl = (h) => `${panel.dataset.articleUrl}${encodeURIComponent(h.id)}`;

  function hiddenFor(index) {
    const name = `requests-${index}-kb_versions`;
    let field = panel.querySelector(`input[name="${name}"]`);
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = name;
      field.id = name;
      field.className = "kb-versions";
      panel.querySelector(".kb-attached").append(field);
    }
    return field;
  }
  const idsOf = (field) => field.value.split(",").map((s) => s.trim()).filter(Boolean);

  function renderChips() {
    chips.replaceChildren();
    const fields = [...panel.querySelectorAll("input.kb-versions")];
    fields.forEach((field) => {
      const index = Number(field.name.match(/requests-(\d+)-/)[1]);
      idsOf(field).forEach((vid) => {
        const info = labels.get(vid);
        const li = document.createElement("li");
        li.className = "kb-chip";
        const link = document.createElement("a");
        link.textContent = info ? `${info.id} v${info.version}` : `#${vid}`;
        if (info) { link.href = info.url; link.target = "_blank"; link.rel = "noopener"; link.title = info.title; }
        const q = document.createElement("span");
        q.className = "muted";
        q.textContent = ` · ${fmt(t.question, { n: index + 1 })} `;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link";
        remove.textContent = "×";
        remove.setAttribute("aria-label", `${t.remove} ${link.textContent}`);
        remove.addEventListener("click", () => {
          field.value = idsOf(field).filter((x) => x !== vid).join(",");
          renderChips();
        });
        li.append(link, q, remove);
        chips.append(li);
      });
    });
    if (!chips.children.length) {
      const li = document.createElement("li");
      li.className = "muted kb-none";
      li.textContent = noneText;
      chips.append(li);
    }
    target.textContent = `(${fmt(t.question, { n: current + 1 })})`;
  }

  function use(hit) {
    const field = hiddenFor(current);
    const vid = String(hit.version_id);
    labels.set(vid, { id: hit.id, version: hit.version, title: hit.title, url: articleUrl(hit) });
    if (!idsOf(field).includes(vid)) field.value = [...idsOf(field), vid].join(",");
    renderChips();
  }

  function highlight(next) {
    const items = [...list.children];
    if (!items.length) return;
    active = (next + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    items[active].scrollIntoView({ block: "nearest" });
  }

  function renderFacets(facets) {
    facetsBox.replaceChildren();
    Object.entries(facets || {}).forEach(([name, counts]) => {
      Object.entries(counts).forEach(([value, n]) => {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "kb-facet";
        b.dataset.facet = name;
        b.textContent = `${value} (${n})`;
        if (filters[name].value === value) b.classList.add("on");
        b.addEventListener("click", () => {
          filters[name].value = filters[name].value === value ? "" : value;
          run(0);
        });
        facetsBox.append(b);
      });
    });
  }

  function render(body) {
    hits = body.results;
    list.replaceChildren();
    active = hits.length ? 0 : -1;
    hits.forEach((h, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", String(i === 0));
      const title = document.createElement("a");
      title.className = "kb-title";
      title.href = articleUrl(h);
      title.target = "_blank";
      title.rel = "noopener";
      title.textContent = h.title;
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = `${h.id} v${h.version} · ${h.product} · ${h.language} · ${h.doc_type}`;
      const snippet = document.createElement("p");
      snippet.className = "kb-snippet";
      snippet.innerHTML = h.snippet; // server-escaped text with <mark> only
      const useBtn = document.createElement("button");
      useBtn.type = "button";
      useBtn.className = "small kb-use";
      useBtn.textContent = t.use;
      useBtn.addEventListener("click", () => use(h));
      li.append(title, meta, snippet, useBtn);
      li.addEventListener("mouseenter", () => highlight(i));
      list.append(li);
    });
    status.replaceChildren(
      document.createTextNode(hits.length ? fmt(t.results, { n: body.total, ms: body.took_ms.toFixed(1) }) : t.none),
    );
    if (body.suggestion) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "link kb-suggestion";
      b.textContent = body.suggestion;
      b.addEventListener("click", () => { input.value = body.suggestion; run(0); input.focus(); });
      status.append(document.createTextNode(` · ${t.didyoumean} `), b, document.createTextNode(" ?"));
    }
    renderFacets(body.facets);
  }

  function run(delay = 150) {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { list.replaceChildren(); status.textContent = ""; facetsBox.replaceChildren(); hits = []; return; }
    timer = setTimeout(async () => {
      const mine = ++ticket;
      const params = new URLSearchParams({ q, limit: "8" });
      Object.entries(filters).forEach(([k, el]) => { if (el.value) params.set(k, el.value); });
      try {
        const res = await fetch(`${panel.dataset.searchUrl}?${params}`, { headers: { Accept: "application/json" } });
        if (mine !== ticket) return;
        if (!res.ok) { status.textContent = t.error; return; }
        render(await res.json());
      } catch {
        if (mine === ticket) status.textContent = t.error;
      }
    }, delay);
  }

  input.addEventListener("input", () => run());
  Object.values(filters).forEach((el) => el.addEventListener("change", () => run(0)));
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(active - 1); }
    else if (ev.key === "Enter" && !ev.ctrlKey && !ev.metaKey) {
      ev.preventDefault(); // never submit the intake form from the search box
      if (hits[active]) use(hits[active]);
    } else if (ev.key === "Escape") { input.value = ""; run(0); }
    else if (ev.altKey && ev.key.toLowerCase() === "o" && hits[active]) {
      ev.preventDefault();
      window.open(articleUrl(hits[active]), "_blank", "noopener");
    }
  });

  // The question the agent is working on receives the next "use in answer".
  document.getElementById("requests")?.addEventListener("focusin", (ev) => {
    const field = ev.target.closest("fieldset.request")?.querySelector("[name^=requests-]");
    const m = field?.name.match(/requests-(\d+)-/);
    if (m) { current = Number(m[1]); renderChips(); }
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.altKey && ev.key.toLowerCase() === "k") { ev.preventDefault(); input.focus(); input.select(); }
  });

  // After a refused save the hidden fields come back filled: fetch their labels.
  const initial = [...panel.querySelectorAll("input.kb-versions")].flatMap(idsOf);
  if (initial.length) {
    fetch(`${panel.dataset.labelsUrl}?ids=${encodeURIComponent(initial.join(","))}`, { headers: { Accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : { versions: [] }))
      .then((body) => {
        body.versions.forEach((v) => labels.set(String(v.version_id), v));
        renderChips();
      })
      .catch(() => renderChips());
  } else {
    renderChips();
  }
}
