// The live desk: one Socket.IO connection per page (session cookie, same origin).
// Every logged event carries a sequence number; the last one seen is kept in sessionStorage,
// and on (re)connect the server replays what this tab missed for its rooms. The socket message
// is a nudge: the page reloads what it shows from the server, which stays the source of truth.
import { io } from "../vendor/socket.io/socket.io.esm.min.js";
import {
  banner, callState, clearBanner, deadlineToast, presenceBar, screenPop, setLabels, t, toast,
} from "./desk-ui.js";

const SEQ_KEY = "medinfo.live.seq";
const me = document.body.dataset.user;
const casePage = window.location.pathname.match(/^\/cases\/(\d+)\/?$/);
const caseId = casePage ? Number(casePage[1]) : null;
const onCaseList = /^\/cases\/?$/.test(window.location.pathname);

// null: this tab has seen nothing yet (its page was just loaded from the server).
const stored = sessionStorage.getItem(SEQ_KEY);
let lastSeq = stored === null ? null : Number(stored);

function remember(seq) {
  if (lastSeq === null || seq > lastSeq) {
    lastSeq = seq;
    sessionStorage.setItem(SEQ_KEY, String(seq));
  }
}

function caseUrl(data) { return data.url || (data.id ? `/cases/${data.id}` : null); }

// The event's action code in the user's language ("acknowledged" -> "accusé de réception").
function act(data) { const key = `action.${data.action}`; const word = t(key); return word === key ? data.action : word; }

function isMine(data) { return data.by !== undefined && data.by !== null && String(data.by) === me; }

const HANDLERS = {
  "call.ringing": (d) => screenPop(d),
  "call.answered": (d) => {
    callState(d, "call_answered");
    document.dispatchEvent(new CustomEvent("medinfo:call", { detail: { event: "answered", ...d } }));
  },
  "call.ended": (d) => {
    callState(d, "call_ended");
    document.dispatchEvent(new CustomEvent("medinfo:call", { detail: { event: "ended", ...d } }));
  },
  "interaction.opened": (d) => {
    if (!isMine(d)) toast(t("new_case", { ref: d.reference, queue: d.queue }), caseUrl(d));
    if (onCaseList && !isMine(d)) banner("live-stale", t("page_stale"));
  },
  "interaction.changed": (d) => {
    if (caseId === d.id && !isMine(d)) banner("live-stale", t("page_stale"));
    else if (caseId !== d.id && !isMine(d)) toast(t("case_changed", { ref: d.reference, action: act(d) }), caseUrl(d));
  },
  "interaction.assigned": (d) => {
    toast(t("case_assigned", { ref: d.reference }), caseUrl(d));
    if (onCaseList || caseId === d.id) banner("live-stale", t("page_stale"));
  },
  "escalation.changed": (d) => toast(t("escalation", { action: act(d), ref: d.reference || d.id }), d.url),
  "safety_report.changed": (d) => toast(t("safety_report", { ref: d.reference, action: act(d) })),
  "article.approved": (d) => toast(t("article", { action: act(d), title: d.title })),
  "article.retired": (d) => toast(t("article", { action: act(d), title: d.title })),
};
for (const kind of ["interaction", "escalation", "safety_report"]) {
  const urlOf = (d) => (kind === "interaction" ? `/cases/${d.id}` : d.url);
  HANDLERS[`${kind}.due_soon`] = (d) => deadlineToast("due_soon", d.reference, urlOf(d));
  HANDLERS[`${kind}.overdue`] = (d) => deadlineToast("overdue", d.reference, urlOf(d));
}

function handle(envelope) {
  if (!envelope || typeof envelope.seq !== "number") return;
  if (lastSeq !== null && envelope.seq <= lastSeq) return;
  remember(envelope.seq);
  const run = HANDLERS[envelope.name];
  if (run) run(envelope.data || {});
}

async function loadLabels() {
  const lang = document.documentElement.lang || "en";
  const key = `medinfo.live.labels.${lang}`;
  const cached = sessionStorage.getItem(key);
  if (cached) { setLabels(JSON.parse(cached)); return; }
  const res = await fetch("/live/labels", { headers: { Accept: "application/json" } });
  if (res.ok) {
    const value = await res.json();
    sessionStorage.setItem(key, JSON.stringify(value));
    setLabels(value);
  }
}

// Case pages: presence and the soft lock of whoever edits.
let editing = false;
function viewCase(socket) {
  socket.emit("case.view", { interaction_id: caseId }, (ack) => {
    if (ack && ack.ok) presenceBar(ack, me);
  });
  if (editing) socket.emit("case.editing", { interaction_id: caseId, editing: true });
}

function watchCase(socket) {
  let idle = null;
  const stop = () => {
    if (!editing) return;
    editing = false;
    socket.emit("case.editing", { interaction_id: caseId, editing: false });
  };
  const main = document.getElementById("main");
  main?.addEventListener("focusin", (ev) => {
    if (!ev.target.closest("form") || ev.target.closest("form.inline")) return;
    clearTimeout(idle);
    idle = setTimeout(stop, 120000);
    if (editing) return;
    editing = true;
    socket.emit("case.editing", { interaction_id: caseId, editing: true }, (ack) => {
      if (ack && ack.error === "locked") editing = false;
    });
  });
  main?.addEventListener("submit", stop);
  setInterval(() => { if (socket.connected) socket.emit("case.ping", { interaction_id: caseId }); }, 30000);
}

function start() {
  const socket = io({ transports: ["websocket", "polling"] });
  window.medinfoDesk = { socket, lastSeq: () => lastSeq };
  socket.on("desk.hello", (hello) => {
    if (lastSeq === null) remember(hello.last_seq);  // a fresh tab shows the current state
  });
  socket.on("connect", () => {
    clearBanner("live-offline");
    document.body.dataset.live = "connected";
    if (lastSeq === null) { if (caseId) viewCase(socket); return; }  // first connect: hello
    socket.emit("replay", { since: lastSeq }, (ack) => {
      if (!ack || !ack.ok) return;
      if (ack.reset) { remember(ack.last_seq); banner("live-stale", t("page_stale")); return; }
      ack.events.forEach(handle);
    });
    if (caseId) viewCase(socket);
  });
  if (caseId) watchCase(socket);
  socket.on("disconnect", () => {
    document.body.dataset.live = "offline";
    setTimeout(() => { if (!socket.connected) banner("live-offline", t("offline"), false); }, 3000);
  });
  socket.on("case.presence", (data) => { if (data.interaction_id === caseId) presenceBar(data, me); });
  socket.onAny((name, envelope) => { if (name !== "case.presence" && name !== "desk.hello") handle(envelope); });
}

if (me && document.getElementById("live")) {
  loadLabels().catch(() => {}).finally(start);
}
