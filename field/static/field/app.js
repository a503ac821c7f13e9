// The field app (docs/field-app.md): a trainer's workshops on a phone, worked with or without a
// network. Everything the trainer does becomes a record in the outbox (IndexedDB) with its own
// UUID; the outbox goes to the server when the connection returns, or on "Send now". What the
// screen shows is the downloaded workshop with the outbox's records laid over it.
import * as store from "./store.js";
import { canScan, scanStart } from "./scan.js";

const main = document.getElementById("app");
const STRINGS = JSON.parse(document.getElementById("field-strings").textContent);
const API = main.dataset.api;
const LANG = main.dataset.lang;
const STATUSES = ["present", "late", "absent", "excused"];
const BATCH = 500; // records per request (the server takes at most 2,000)
const CARD_PREFIX = "CME-HW:"; // a participant's card (My learning): CME-HW:<health worker id>
const state = { view: "list", workshop: null, session: null, tab: "attendance", syncing: false, notice: "", stopCamera: null };

function t(key, vars = {}) {
  return Object.entries(vars).reduce(
    (text, [name, value]) => text.split(`{${name}}`).join(String(value)),
    STRINGS[key] || key
  );
}

// Builds an element; text always goes in as text, never as markup.
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  }
  return node;
}

// Dates in the language's own month and weekday names (from the page: browsers know no Kurdish).
const pad = (n) => String(n).padStart(2, "0");
function when(iso) {
  const d = new Date(iso);
  return `${d.getDate()} ${STRINGS.months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
function day(isoDate) {
  const d = new Date(`${isoDate}T12:00:00`);
  return `${STRINGS.weekdays[(d.getDay() + 6) % 7]} ${d.getDate()} ${STRINGS.months[d.getMonth()]}`;
}
// A Latin code inside a right-to-left line keeps its own direction.
const code = (text) => h("bdi", { dir: "ltr", text: text });
const personName = (person) => (LANG === "en" ? person.name_latin || person.name_ar : person.name_ar || person.name_latin);
const uuid = () => crypto.randomUUID();

async function headers() {
  const token = await store.metaGet("token");
  return { Authorization: `Bearer ${token}`, "Accept-Language": LANG, "Content-Type": "application/json" };
}

// ---- The records the screen shows: downloaded state, then the outbox in order (the later wins).

function overlay(workshop, pending) {
  const marks = new Map();
  const scores = new Map();
  for (const person of workshop.roster) {
    for (const mark of person.marks) marks.set(`${mark.session}:${person.enrolment}`, mark.status);
    for (const score of person.scores) scores.set(`${person.enrolment}:${score.kind}`, String(Number(score.score)));
  }
  for (const record of pending) {
    if (record.type === "mark") marks.set(`${record.session}:${record.enrolment}`, record.status);
    if (record.type === "score") scores.set(`${record.enrolment}:${record.kind}`, record.score);
  }
  return { marks, scores };
}

async function queue(record) {
  const device = await store.metaGet("device_id");
  await store.outboxAdd({ client_uuid: uuid(), device: device, ...record });
  await renderStatus();
  syncSoon();
}

// ---- Talking to the server.

let soon = null;
function syncSoon() {
  clearTimeout(soon);
  if (navigator.onLine) soon = setTimeout(() => sync({ automatic: true }), 1500);
}

async function refusedBy(response) {
  const body = await response.json().catch(() => ({}));
  await store.metaSet("blocked", body.detail || t("blocked"));
}

async function download() {
  const found = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${API}field/workshops?page=${page}`, { headers: await headers() });
    if (response.status === 401) return refusedBy(response);
    if (!response.ok) throw new Error(`download answered ${response.status}`);
    const body = await response.json();
    found.push(...body.items);
    if (!body.items.length || found.length >= body.count) break;
  }
  await store.workshopsReplace(found);
  const now = new Date().toISOString();
  await store.metaSet("downloaded_at", now);
  await store.metaSet("last_synced", now);
}

async function sync({ automatic = false } = {}) {
  if (state.syncing || !navigator.onLine || !(await store.metaGet("token"))) return;
  if (automatic && (await store.metaGet("blocked"))) return;
  state.syncing = true;
  await renderStatus();
  try {
    for (;;) {
      const batch = await store.outboxFirst(BATCH);
      if (!batch.length) break;
      const records = batch.map(({ seq, who, when: date, ...record }) => record);
      const response = await fetch(`${API}field/sync`, {
        method: "POST",
        headers: await headers(),
        body: JSON.stringify({ records }),
      });
      if (response.status === 401 || response.status === 403) return await refusedBy(response);
      if (!response.ok) throw new Error(`sync answered ${response.status}`);
      const reply = await response.json();
      await store.outboxSettle(batch, reply.results);
      await store.metaSet("last_synced", new Date().toISOString());
    }
    await store.metaSet("blocked", "");
    await download();
    state.notice = "";
  } catch (error) {
    state.notice = t("send_failed");
  } finally {
    state.syncing = false;
    await render();
  }
}

// ---- The status bar: always how many records wait and when the phone last sent.

async function renderStatus() {
  const count = await store.outboxCount();
  const waiting = document.getElementById("waiting");
  waiting.textContent = t("waiting", { n: count });
  waiting.dataset.count = String(count);
  const last = await store.metaGet("last_synced");
  document.getElementById("last-synced").textContent = last ? t("last_synced", { time: when(last) }) : t("never_synced");
  const online = navigator.onLine;
  const connection = document.getElementById("connection");
  connection.textContent = online ? t("online") : t("offline");
  connection.classList.toggle("is-offline", !online);
  const button = document.getElementById("send-now");
  button.textContent = state.syncing ? t("sending") : t("send_now");
  button.disabled = state.syncing || !online || !(await store.metaGet("token"));
  const notice = document.getElementById("notice");
  const blocked = await store.metaGet("blocked");
  notice.textContent = blocked || state.notice;
  notice.hidden = !notice.textContent;
  notice.classList.toggle("is-bad", Boolean(blocked));
}

// ---- Screens.

// Opens the camera above `video`, with a button that stops it; `found` gets the code read.
function cameraButton(video, label, found) {
  const stop = h("button", { type: "button", class: "secondary", hidden: true, text: t("stop_scan") });
  const closeCamera = () => {
    if (state.stopCamera) state.stopCamera();
    state.stopCamera = null;
    video.hidden = true;
    stop.hidden = true;
  };
  stop.addEventListener("click", closeCamera);
  const start = h("button", {
    type: "button", class: "secondary", text: label,
    onclick: async () => {
      closeCamera();
      video.hidden = false;
      stop.hidden = false;
      try {
        state.stopCamera = await scanStart(video, (text) => { closeCamera(); found(text); });
      } catch (error) {
        // Refused permission, no camera, or the reader did not load: say so; typing still works.
        closeCamera();
        state.notice = t("camera_failed");
        await renderStatus();
      }
    },
  });
  return [start, stop];
}

async function render() {
  await renderStatus();
  if (state.stopCamera) {
    state.stopCamera();
    state.stopCamera = null;
  }
  const token = await store.metaGet("token");
  let screen;
  if (!token) screen = enrolScreen();
  else if (state.view === "workshop") screen = await workshopScreen();
  if (!screen) screen = await listScreen();
  main.replaceChildren(screen);
}

function enrolScreen() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("enrol") || "";
  const message = h("p", { class: "field-notice is-bad", role: "alert", hidden: true });
  const codeInput = h("input", { id: "enrol-code", name: "code", dir: "ltr", required: true, autocomplete: "off", value: fromLink });
  const nameInput = h("input", { id: "enrol-name", name: "name", maxlength: "100", value: t("default_name") });
  const video = h("video", { class: "field-camera", playsinline: true, muted: true, hidden: true });
  const submit = h("button", { type: "submit", text: t("enrol") });
  const form = h("form", { class: "card stacked", id: "enrol-form" },
    h("h1", { text: t("enrol_title") }),
    h("p", { class: "muted", text: t("enrol_help") }),
    h("div", { class: "field" }, h("label", { for: "enrol-code", text: t("code_label") }), codeInput),
    h("div", { class: "field" }, h("label", { for: "enrol-name", text: t("name_label") }), nameInput),
    message, video,
    h("p", { class: "field-actions" }, submit,
      canScan && cameraButton(video, t("scan_code"), (text) => {
        const inLink = text.includes("#enrol=") ? new URLSearchParams(text.split("#")[1]).get("enrol") : null;
        codeInput.value = inLink || text;
      }))
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    message.hidden = true;
    if (!navigator.onLine) {
      message.textContent = t("enrol_offline");
      message.hidden = false;
      return;
    }
    submit.disabled = true;
    submit.textContent = t("enrolling");
    try {
      const response = await fetch(`${API}field/enrol`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept-Language": LANG },
        body: JSON.stringify({ code: codeInput.value.trim(), name: nameInput.value.trim() || t("default_name") }),
      });
      const body = await response.json().catch(() => ({}));
      if (response.status !== 201) throw new Error(body.detail || t("send_failed"));
      await store.metaSet("token", body.token);
      await store.metaSet("device_id", body.device_id);
      await store.metaSet("token_prefix", body.token_prefix);
      await store.metaSet("device_name", nameInput.value.trim() || t("default_name"));
      await store.metaSet("blocked", "");
      history.replaceState(null, "", location.pathname);
      await sync();
    } catch (error) {
      message.textContent = error.message;
      message.hidden = false;
      submit.disabled = false;
      submit.textContent = t("enrol");
    }
  });
  return form;
}

async function listScreen() {
  const workshops = (await store.workshopsAll()).sort((a, b) => a.starts_on.localeCompare(b.starts_on) || a.id - b.id);
  const pending = await store.outboxAll();
  const downloaded = await store.metaGet("downloaded_at");
  const name = await store.metaGet("device_name");
  const prefix = await store.metaGet("token_prefix");
  const results = await store.resultsRecent(30);
  const blocked = await store.metaGet("blocked");
  return h("div", { class: "field-list" },
    h("p", { class: "muted", id: "device" }, t("enrolled_as", { name: name }), " ", code(`${prefix}…`)),
    blocked && h("p", { class: "field-actions" }, h("button", {
      type: "button", id: "enrol-again", text: t("enrol_again"),
      onclick: async () => {
        await store.metaSet("token", "");
        await store.metaSet("blocked", "");
        render();
      },
    })),
    h("p", { class: "field-actions" },
      h("button", {
        type: "button", id: "download", class: "secondary", text: t("download"), disabled: !navigator.onLine,
        onclick: () => sync(),
      })),
    downloaded && h("p", { class: "muted", id: "downloaded", text: t("downloaded", { n: workshops.length, time: when(downloaded) }) }),
    workshops.length
      ? h("ul", { class: "workshop-list" }, workshops.map((workshop) => {
        const mine = pending.filter((r) => r.workshop === workshop.id || workshop.roster.some((p) => p.enrolment === r.enrolment)).length;
        return h("li", { class: "card", dataset: { workshop: workshop.id } },
          h("h2", { text: workshop.course }),
          h("p", { class: "muted" }, workshop.venue, " · ", day(workshop.starts_on), " – ", day(workshop.ends_on)),
          h("p", {}, t("people", { n: workshop.roster.length }), mine ? ` · ${t("waiting", { n: mine })}` : ""),
          h("button", {
            type: "button", class: "open-workshop", text: t("open"),
            onclick: () => {
              Object.assign(state, { view: "workshop", workshop: workshop.id, session: null, tab: "attendance" });
              render().then(() => main.focus());
            },
          }));
      }))
      : h("p", { class: "muted", text: t("no_workshops") }),
    results.length > 0 && resultsList(results)
  );
}

function resultsList(results) {
  return h("section", { class: "field-results", id: "results" },
    h("h2", { text: t("results") }),
    h("ul", { class: "people" }, results.map((item) => {
      const record = item.record || {};
      const label = record.type === "mark"
        ? t("mark_of", { name: record.who || "", date: record.when ? day(record.when) : "" })
        : record.type === "score"
          ? t("score_of", { name: record.who || "", kind: t(record.kind) })
          : t("walk_in_of", { name: record.name_ar || record.name_latin || "" });
      const result = item.corrected ? "corrected" : item.result;
      return h("li", { dataset: { result: item.result, uuid: item.client_uuid } },
        h("span", { text: label }),
        h("span", { class: `badge result-${item.result}`, text: t(result) }),
        item.reason && h("span", { class: "muted reason", text: item.reason }));
    })));
}

async function workshopScreen() {
  const workshop = await store.workshopGet(state.workshop);
  if (!workshop) {
    state.view = "list";
    return null;
  }
  const pending = await store.outboxAll();
  const known = overlay(workshop, pending);
  const today = new Date().toISOString().slice(0, 10);
  if (!workshop.sessions.some((s) => s.id === state.session)) {
    const current = workshop.sessions.find((s) => s.date === today) || workshop.sessions[0];
    state.session = current ? current.id : null;
  }
  const tabs = ["attendance", "scores", "walk_ins"];
  const body = state.tab === "scores"
    ? scoresTab(workshop, known)
    : state.tab === "walk_ins" ? await walkInsTab(workshop, pending) : attendanceTab(workshop, known);
  return h("div", { class: "field-workshop", dataset: { workshop: workshop.id } },
    h("button", {
      type: "button", class: "link back", text: t("back"),
      onclick: () => { state.view = "list"; render(); },
    }),
    h("h1", { text: workshop.course }),
    h("p", { class: "muted" }, workshop.venue, " · ", day(workshop.starts_on), " – ", day(workshop.ends_on)),
    h("div", { class: "field-tabs", role: "tablist" }, tabs.map((tab) => h("button", {
      type: "button", role: "tab", id: `tab-${tab}`, "aria-selected": String(state.tab === tab), text: t(tab),
      onclick: () => { state.tab = tab; render(); },
    }))),
    body
  );
}

function attendanceTab(workshop, known) {
  const session = workshop.sessions.find((s) => s.id === state.session);
  const counter = h("p", { class: "muted", id: "marked-count" });
  const count = () => {
    const done = workshop.roster.filter((p) => known.marks.has(`${state.session}:${p.enrolment}`)).length;
    counter.textContent = t("marked_count", { n: done, total: workshop.roster.length });
  };
  const rows = new Map();
  const mark = async (person, status) => {
    // The button shows the tap at once; the record is in the outbox a moment later.
    const taken = new Date().toISOString();
    known.marks.set(`${state.session}:${person.enrolment}`, status);
    rows.get(person.enrolment).querySelectorAll(".tap").forEach((button) => {
      const on = button.dataset.status === status;
      button.classList.toggle("is-on", on);
      button.setAttribute("aria-pressed", String(on));
    });
    count();
    await queue({ type: "mark", session: state.session, enrolment: person.enrolment, status: status,
      taken_at: taken, who: personName(person), when: session.date });
  };
  const list = h("ul", { class: "marking" }, workshop.roster.map((person) => {
    const current = known.marks.get(`${state.session}:${person.enrolment}`);
    const row = h("li", { dataset: { enrolment: person.enrolment } },
      h("span", { class: "who" }, h("strong", { text: personName(person) }),
        person.licence_number && [" ", code(person.licence_number)],
        h("span", { class: "muted", text: ` · ${person.cadre}` })),
      h("div", { class: "taps" }, STATUSES.map((status) => h("button", {
        type: "button", class: `tap tap-${status}${current === status ? " is-on" : ""}`,
        dataset: { status: status }, "aria-pressed": String(current === status), text: t(status),
        onclick: () => mark(person, status),
      }))));
    rows.set(person.enrolment, row);
    return row;
  }));
  count();
  return h("div", { role: "tabpanel" },
    h("div", { class: "field-tabs sessions-picker" }, workshop.sessions.map((s) => h("button", {
      type: "button", class: "secondary", dataset: { session: s.id }, "aria-pressed": String(s.id === state.session),
      text: day(s.date), onclick: () => { state.session = s.id; render(); },
    }))),
    session && h("h2", { text: t("session", { date: day(session.date) }) }),
    counter,
    cardForm(workshop, mark),
    list);
}

// A participant's card (its QR code, or the licence number typed) marks them present.
function cardForm(workshop, mark) {
  const input = h("input", { id: "card-code", dir: "ltr", autocomplete: "off" });
  const said = h("p", { class: "muted", id: "card-result", role: "status" });
  const video = h("video", { class: "field-camera", playsinline: true, muted: true, hidden: true });
  const use = async (text) => {
    const value = text.trim();
    const id = value.toUpperCase().startsWith(CARD_PREFIX) ? Number(value.slice(CARD_PREFIX.length)) : null;
    const person = workshop.roster.find((p) => (id !== null ? p.health_worker === id
      : p.licence_number && p.licence_number.toUpperCase() === value.toUpperCase()));
    if (!person) {
      said.textContent = t("not_on_roster");
      return;
    }
    await mark(person, "present");
    said.textContent = t("marked", { name: personName(person), status: t("present") });
    input.value = "";
  };
  const form = h("form", { class: "field-card-form", id: "card-form" },
    h("label", { for: "card-code", text: t("card_label") }),
    h("div", { class: "field-actions" }, input, h("button", { type: "submit", text: t("mark_present") }),
      canScan ? cameraButton(video, t("scan_card"), use) : null),
    canScan ? null : h("p", { class: "muted", text: t("no_camera") }),
    video, said);
  form.addEventListener("submit", (event) => { event.preventDefault(); use(input.value); });
  return form;
}

// Scores as typed on a phone: Arabic-Indic digits, the Arabic decimal comma, a percent sign.
function percentage(text) {
  const latin = text.trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06F0))
    .replace(/[\u066B,]/g, ".")
    .replace(/[%\u066A]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(latin)) return null;
  const value = Number(latin);
  return value >= 0 && value <= 100 ? latin : null;
}

function scoresTab(workshop, known) {
  return h("div", { role: "tabpanel" },
    h("ul", { class: "marking field-scores" }, workshop.roster.map((person) => h("li", { dataset: { enrolment: person.enrolment } },
      h("span", { class: "who" }, h("strong", { text: personName(person) })),
      h("div", { class: "field-score-pair" }, ["pre", "post"].map((kind) => {
        const id = `score-${person.enrolment}-${kind}`;
        const wrong = h("span", { class: "field-error", role: "alert", hidden: true, text: t("score_invalid") });
        const input = h("input", {
          id: id, inputmode: "decimal", dir: "ltr", autocomplete: "off", size: "6",
          value: known.scores.get(`${person.enrolment}:${kind}`) || "", dataset: { kind: kind },
        });
        input.addEventListener("change", async () => {
          if (!input.value.trim()) return;
          const value = percentage(input.value);
          wrong.hidden = value !== null;
          input.setAttribute("aria-invalid", String(value === null));
          if (value === null) return;
          await queue({ type: "score", enrolment: person.enrolment, kind: kind, score: value, who: personName(person) });
        });
        return h("div", { class: "field" }, h("label", { for: id, text: t(kind) }), input, wrong);
      }))))));
}

async function walkInsTab(workshop, pending) {
  const fields = [["name_ar", "rtl"], ["name_latin", "ltr"], ["phone", "ltr"]];
  const inputs = Object.fromEntries(fields.map(([name, dir]) => [name, h("input", {
    id: `walk-in-${name}`, name: name, dir: dir, autocomplete: "off", maxlength: name === "phone" ? "32" : "200",
    inputmode: name === "phone" ? "tel" : null,
  })]));
  const wrong = h("p", { class: "field-notice is-bad", role: "alert", hidden: true, text: t("name_needed") });
  const form = h("form", { class: "card stacked", id: "walk-in-form" },
    h("h2", { text: t("walk_in_title") }),
    h("p", { class: "muted", text: t("walk_in_help") }),
    fields.map(([name]) => h("div", { class: "field" }, h("label", { for: `walk-in-${name}`, text: t(name) }), inputs[name])),
    wrong,
    h("button", { type: "submit", text: t("add") }));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(Object.entries(inputs).map(([name, input]) => [name, input.value.trim()]));
    wrong.hidden = Boolean(values.name_ar || values.name_latin);
    if (!wrong.hidden) return;
    await queue({ type: "walk_in", workshop: workshop.id, ...values });
    await render();
  });
  const sent = (await store.resultsRecent(300)).filter((item) => item.record && item.record.type === "walk_in"
    && item.record.workshop === workshop.id && item.result !== "refused");
  const waiting = pending.filter((r) => r.type === "walk_in" && r.workshop === workshop.id);
  return h("div", { role: "tabpanel" }, form,
    h("ul", { class: "people", id: "walk-ins" },
      waiting.map((r) => h("li", { dataset: { state: "waiting" } }, h("span", { text: r.name_ar || r.name_latin }), h("span", { class: "badge", text: t("walk_in_pending") }))),
      sent.map((item) => h("li", { dataset: { state: "sent" } }, h("span", { text: item.record.name_ar || item.record.name_latin }), h("span", { class: "badge", text: t("walk_in_sent") })))));
}

// ---- Start.

async function start() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(main.dataset.worker, { scope: main.dataset.scope }).catch(() => {});
  }
  document.getElementById("send-now").addEventListener("click", () => sync());
  window.addEventListener("online", () => { renderStatus(); sync({ automatic: true }); });
  window.addEventListener("offline", () => renderStatus());
  // A record that could not go (a dropped connection mid-way) is tried again every minute.
  setInterval(async () => { if (navigator.onLine && (await store.outboxCount())) sync({ automatic: true }); }, 60_000);
  await render();
  main.dataset.ready = "true";
  if (navigator.onLine) sync({ automatic: true });
}

start();
