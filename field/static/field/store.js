// What the field app keeps on the phone, in IndexedDB (through the vendored `idb` wrapper):
//   meta      the phone's token and id, when it last sent and downloaded, why it was refused
//   workshops the trainer's workshops as the API gave them (sessions, roster, marks, scores)
//   outbox    records waiting to be sent, in the order they were made (the later mark wins)
//   results   what the server answered for the last records sent
import { openDB } from "./vendor/idb/index.js";

const RESULTS_KEPT = 300;

const opened = openDB("cme-field", 1, {
  upgrade(db) {
    db.createObjectStore("meta");
    db.createObjectStore("workshops", { keyPath: "id" });
    db.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
    db.createObjectStore("results", { keyPath: "seq", autoIncrement: true });
  },
});

export async function metaGet(key) {
  return (await opened).get("meta", key);
}

export async function metaSet(key, value) {
  return (await opened).put("meta", value, key);
}

export async function workshopsAll() {
  return (await opened).getAll("workshops");
}

export async function workshopGet(id) {
  return (await opened).get("workshops", id);
}

// The downloaded list replaces the kept one whole, in one transaction.
export async function workshopsReplace(workshops) {
  const db = await opened;
  const tx = db.transaction("workshops", "readwrite");
  await tx.store.clear();
  await Promise.all(workshops.map((workshop) => tx.store.put(workshop)));
  await tx.done;
}

export async function outboxAdd(record) {
  return (await opened).add("outbox", record);
}

export async function outboxAll() {
  return (await opened).getAll("outbox");
}

export async function outboxCount() {
  return (await opened).count("outbox");
}

export async function outboxFirst(count) {
  return (await opened).getAll("outbox", null, count);
}

// The server answered a batch: its records leave the outbox and their results are kept, together.
export async function outboxSettle(sent, results) {
  const db = await opened;
  const tx = db.transaction(["outbox", "results"], "readwrite");
  const outbox = tx.objectStore("outbox");
  const kept = tx.objectStore("results");
  const at = new Date().toISOString();
  sent.forEach((record, i) => {
    outbox.delete(record.seq);
    const answer = results[i] || {};
    kept.add({
      client_uuid: record.client_uuid,
      record: record,
      result: answer.result || "refused",
      reason: answer.reason || "",
      corrected: Boolean(answer.corrected),
      at: at,
    });
  });
  const total = await kept.count();
  if (total > RESULTS_KEPT) {
    let cursor = await kept.openCursor();
    for (let extra = total - RESULTS_KEPT; cursor && extra > 0; extra--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  await tx.done;
}

export async function resultsRecent(count) {
  const all = await (await opened).getAll("results");
  return all.slice(-count).reverse();
}
