// The admin page: lists the server's pools with their JMX figures and workers, refreshed every second, and resizes,
// recycles or restarts a pool. Each pool is a row <tr class="pool" data-name=... data-application=...>; its
// figures are cells with data-figure="<attribute>", its workers <li data-pid=...> in the cell "Workers".
// Changes are POSTed as JSON with the header X-Requested-By, which the API requires (no cross-site form can send it).
"use strict";

const API = "../api/pools";
const FIGURES = ["Name", "Application", "Owner", "State", "StartMethod", "Processes", "WorkersAlive",
    "MaxTasksPerChild", "TasksSubmitted", "TasksCompleted", "TasksFailed", "WorkerRestarts", "QueueDepth"];
const REFRESH_MILLIS = 1000;
const MIB = 1024 * 1024;

const rows = document.querySelector("#pools tbody");
const status = document.getElementById("status");

function keyOf(pool) {
    return (pool.Application ? pool.Application + "/" : "") + pool.Name;
}

function rowOf(pool) {
    const key = keyOf(pool);
    let row = Array.from(rows.children).find(r => r.dataset.key === key);
    if (row) {
        return row;
    }
    row = document.createElement("tr");
    row.className = "pool";
    row.id = "pool-" + key.replace("/", "--");
    row.dataset.key = key;
    row.dataset.name = pool.Name;
    row.dataset.application = pool.Application || "";
    for (const figure of FIGURES) {
        const cell = document.createElement("td");
        cell.dataset.figure = figure;
        if (figure === "State") {
            const reason = document.createElement("div");
            reason.className = "broken-reason";
            reason.dataset.figure = "BrokenReason";
            cell.dataset.figure = "";
            const state = document.createElement("span");
            state.dataset.figure = "State";
            cell.append(state, reason);
        }
        row.appendChild(cell);
    }
    const workers = document.createElement("td");
    workers.className = "workers-cell";
    const list = document.createElement("ul");
    list.className = "workers";
    workers.appendChild(list);
    row.appendChild(workers);
    row.appendChild(actionsCell(pool));
    rows.appendChild(row);
    return row;
}

function actionsCell(pool) {
    const cell = document.createElement("td");
    const size = document.createElement("input");
    size.className = "size";
    size.name = "processes";
    size.setAttribute("aria-label", "new size of " + pool.Name);
    size.addEventListener("input", () => { size.dataset.edited = "true"; });
    const message = document.createElement("span");
    message.className = "message";
    const resize = button("resize", "Resize", () => change(pool, "size", { processes: size.value }, message,
        "resized to " + size.value, () => { delete size.dataset.edited; }));
    const recycle = button("recycle", "Recycle workers", () => change(pool, "recycle", {}, message,
        "recycling: each worker is replaced once its chunks are done"));
    const restart = button("restart", "Restart", () => change(pool, "restart", {}, message, "restarted"));
    restart.hidden = true;
    cell.append(size, " ", resize, " ", recycle, " ", restart, " ", message);
    return cell;
}

function button(className, text, action) {
    const b = document.createElement("button");
    b.className = className;
    b.textContent = text;
    b.addEventListener("click", action);
    return b;
}

async function change(pool, what, body, message, done, then) {
    message.className = "message";
    message.textContent = "…";
    const query = pool.Application ? "?application=" + encodeURIComponent(pool.Application) : "";
    try {
        const response = await fetch(API + "/" + encodeURIComponent(pool.Name) + "/" + what + query, {
            method: "POST",
            headers: { "Content-Type": "application/json", "Accept": "application/json",
                "X-Requested-By": "processpool-admin-page" },
            body: JSON.stringify(body)
        });
        if (response.ok) {
            message.textContent = done;
            if (then) {
                then();
            }
        } else {
            showError(message, await refusal(response));
        }
    } catch (e) {
        showError(message, "the server could not be reached: " + e.message);
    }
    refresh();
}

async function refusal(response) {
    try {
        const body = await response.json();
        if (body && body.error) {
            return body.error;
        }
    } catch (e) {
        // not JSON: fall through to the status
    }
    if (response.status === 401 || response.status === 403) {
        return "not allowed (HTTP " + response.status + "): log in as a user in the role processpool-admin";
    }
    return "the server refused (HTTP " + response.status + ")";
}

function showError(element, text) {
    element.className = element.className.replace(/\berror\b/, "").trim() + " error";
    element.textContent = text;
}

function shown(figure, value) {
    if (value === undefined || value === null) {
        return "";
    }
    if (figure === "MaxTasksPerChild" && Number(value) === 0) {
        return "unlimited";
    }
    return String(value);
}

function age(millis) {
    const seconds = Math.floor(millis / 1000);
    if (seconds < 120) {
        return seconds + " s";
    }
    const minutes = Math.floor(seconds / 60);
    return minutes < 120 ? minutes + " min" : Math.floor(minutes / 60) + " h " + (minutes % 60) + " min";
}

function showWorkers(row, workers) {
    const list = row.querySelector("ul.workers");
    list.replaceChildren(...(workers || []).map(worker => {
        const item = document.createElement("li");
        item.dataset.pid = worker.pid;
        const memory = worker.residentBytes < 0 ? "memory unknown" : (worker.residentBytes / MIB).toFixed(1) + " MiB";
        item.textContent = "pid " + worker.pid + " · " + memory + " · " + age(worker.ageMillis) + " · "
            + worker.tasksRun + (worker.tasksRun === 1 ? " task" : " tasks") + " run";
        return item;
    }));
}

function show(pool) {
    const row = rowOf(pool);
    for (const figure of FIGURES.concat(["BrokenReason"])) {
        row.querySelector("[data-figure='" + figure + "']").textContent = shown(figure, pool[figure]);
    }
    showWorkers(row, pool.Workers);
    // The field shows the pool's size when that changes, unless someone is typing in it (or has typed and not sent):
    // an emptied field is not filled again behind their back.
    const size = row.querySelector("input.size");
    const current = String(pool.Processes);
    if (size.dataset.shown !== current && document.activeElement !== size && !size.dataset.edited) {
        size.value = current;
        size.dataset.shown = current;
    }
    row.querySelector("button.restart").hidden = pool.State !== "BROKEN";
    row.classList.toggle("broken", pool.State === "BROKEN");
    return row.dataset.key;
}

async function refresh() {
    try {
        const response = await fetch(API, { headers: { "Accept": "application/json" } });
        if (!response.ok) {
            throw new Error(await refusal(response));
        }
        const pools = await response.json();
        const seen = new Set(pools.map(show));
        for (const row of Array.from(rows.children)) {
            if (!seen.has(row.dataset.key)) {
                row.remove();
            }
        }
        status.className = "";
        status.textContent = pools.length + (pools.length === 1 ? " pool" : " pools") + ", updated "
            + new Date().toLocaleTimeString();
    } catch (e) {
        showError(status, "could not read the pools: " + e.message);
    }
}

refresh();
setInterval(refresh, REFRESH_MILLIS);
