// Live safety screening on the intake screen: the questions and call notes are screened as the
// agent types (debounced POST /api/v1/screen); flagged phrases are listed with the match marked,
// and a prompt opens the safety report section, pre-filled from the flags and the question.
const box = document.getElementById("safety-screen");
const section = document.getElementById("safety-report");
if (box && section) {
  const form = box.closest("form");
  const prompt = document.getElementById("safety-prompt");
  const list = document.getElementById("safety-flags");
  const field = (suffix) => section.querySelector(`[name$="-${suffix}"]`);
  const openFlag = field("open");
  const flagsJson = field("screen_flags");
  const DEBOUNCE_MS = 400;
  const CONTEXT = 40;
  let timer = null;
  let ticket = 0;
  let lastFlags = [];

  const sources = () => [
    ...form.querySelectorAll("textarea.question, textarea[name$='-question']"),
    document.getElementById("call-notes"),
  ].filter(Boolean);

  function combined() {
    // One text, one paragraph per source, remembering where each source starts.
    const parts = [];
    let offset = 0;
    for (const el of sources()) {
      const value = el.value || "";
      if (!value.trim()) continue;
      parts.push({ el, start: offset, text: value });
      offset += value.length + 2;
    }
    return { text: parts.map((p) => p.text).join("\n\n"), parts };
  }

  function labelFor(category) {
    if (category === "adverse_event" || category === "product_complaint") {
      const input = field(category);
      return input?.closest("label")?.textContent.trim() || category;
    }
    const kind = category.replace("special_situation:", "");
    const input = section.querySelector(`input[type=checkbox][value="${kind}"]`);
    return input ? section.querySelector(`label[for="${input.id}"]`)?.textContent.trim() || kind : kind;
  }

  function render(text, flags) {
    list.replaceChildren();
    for (const flag of flags) {
      const li = document.createElement("li");
      const tag = document.createElement("span");
      tag.className = "badge safety-cat";
      tag.textContent = labelFor(flag.category);
      // Context around the match, kept inside its own paragraph (one source each).
      const prevBreak = text.lastIndexOf("\n\n", flag.start);
      const begin = prevBreak < 0 ? 0 : prevBreak + 2;
      const nextBreak = text.indexOf("\n\n", flag.end);
      const paraEnd = nextBreak < 0 ? text.length : nextBreak;
      const from = Math.max(begin, flag.start - CONTEXT);
      const to = Math.min(paraEnd, flag.end + CONTEXT);
      const before = document.createTextNode(
        (from > begin ? "…" : "") + text.slice(from, flag.start));
      const mark = document.createElement("mark");
      mark.textContent = text.slice(flag.start, flag.end);
      const after = document.createTextNode(text.slice(flag.end, to) + (to < paraEnd ? "…" : ""));
      li.append(tag, " ", before, mark, after);
      list.append(li);
    }
    prompt.hidden = flags.length === 0 || !section.hidden;
  }

  async function check() {
    const { text } = combined();
    const mine = ++ticket;
    if (!text.trim()) { lastFlags = []; render("", []); return; }
    // No language: notes are often typed in another language than the caller's, and the
    // screener then tries both (a missed report is worse than an extra prompt).
    let res;
    try {
      res = await fetch(box.dataset.screenUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        credentials: "same-origin",
        body: JSON.stringify({ text }),
      });
    } catch { return; }
    if (!res.ok || mine !== ticket) return;
    const body = await res.json();
    lastFlags = body.flags || [];
    render(text, lastFlags);
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  }

  function sentenceAround(text, flag) {
    const stops = /[.!?\n]/;
    let a = flag.start;
    while (a > 0 && !stops.test(text[a - 1])) a -= 1;
    let b = flag.end;
    while (b < text.length && !stops.test(text[b])) b += 1;
    return text.slice(a, Math.min(text.length, b + 1)).trim();
  }

  function prefill() {
    const { text } = combined();
    const cats = new Set(lastFlags.map((f) => f.category));
    if (cats.has("adverse_event")) field("adverse_event").checked = true;
    if (cats.has("product_complaint")) field("product_complaint").checked = true;
    for (const cat of cats) {
      if (!cat.startsWith("special_situation:")) continue;
      const input = section.querySelector(`input[type=checkbox][value="${cat.slice(18)}"]`);
      if (input) input.checked = true;
    }
    const verbatim = field("event_verbatim");
    if (verbatim && !verbatim.value.trim()) {
      const sentences = [...new Set(lastFlags.map((f) => sentenceAround(text, f)))];
      verbatim.value = sentences.join(" ");
    }
    const pqc = field("pqc_description");
    if (pqc && cats.has("product_complaint") && !pqc.value.trim()) {
      pqc.value = lastFlags.filter((f) => f.category === "product_complaint")
        .map((f) => sentenceAround(text, f)).join(" ");
    }
    const product = section.querySelector("select.safety-product");
    const asked = form.querySelector("select[name$='-product']:not(.safety-product)");
    if (product && asked && !product.value && asked.value) {
      product.value = asked.value;
      const named = field("name_as_reported");
      if (named && !named.value) named.value = asked.value;
    }
    const narrative = field("narrative");
    const question = form.querySelector("textarea[name$='-question']");
    if (narrative && !narrative.value.trim() && question?.value.trim()) {
      narrative.value = question.value.trim();
    }
    flagsJson.value = JSON.stringify(lastFlags);
  }

  function open() {
    openFlag.value = "yes";
    section.hidden = false;
    prompt.hidden = true;
    prefill();
    field("event_verbatim")?.focus();
  }

  document.getElementById("safety-open")?.addEventListener("click", open);
  document.getElementById("safety-open-manual")?.addEventListener("click", open);
  document.getElementById("safety-remove")?.addEventListener("click", () => {
    openFlag.value = "";
    section.hidden = true;
    render(combined().text, lastFlags);
  });
  form.addEventListener("input", (ev) => {
    if (ev.target.matches("textarea.question, textarea[name$='-question'], #call-notes")) schedule();
  });
  schedule();
}
