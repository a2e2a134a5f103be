// The admin page: lists the server's pools with their JMX figures, refreshed every second, and resizes a pool.
// Each pool is a row with id "pool-<name>"; its figures are cells with data-figure="<attribute>".
"use strict";

const API = "../api/pools";
const FIGURES = ["Name", "State", "StartMethod", "Processes", "WorkersAlive", "MaxTasksPerChild",
    "TasksSubmitted", "TasksCompleted", "TasksFailed", "WorkerRestarts", "QueueDepth"];
const REFRESH_MILLIS = 1000;

const rows = document.querySelector("#pools tbody");
const status = document.getElementById("status");

function rowOf(name) {
    let row = document.getElementById("pool-" + name);
    if (row) {
        return row;
    }
    row = document.createElement("tr");
    row.id = "pool-" + name;
    for (const figure of FIGURES) {
        const cell = document.createElement("td");
        cell.dataset.figure = figure;
        row.appendChild(cell);
    }
    row.appendChild(resizeCell(name));
    rows.appendChild(row);
    return row;
}

function resizeCell(name) {
    const cell = document.createElement("td");
    const size = document.createElement("input");
    size.className = "size";
    size.name = "processes";
    size.setAttribute("aria-label", "new size of " + name);
    const button = document.createElement("button");
    button.className = "resize";
    button.textContent = "Resize";
    const message = document.createElement("span");
    message.className = "message";
    button.addEventListener("click", () => resize(name, size.value, message));
    cell.append(size, " ", button, " ", message);
    return cell;
}

async function resize(name, processes, message) {
    message.className = "message";
    message.textContent = "resizing…";
    try {
        const response = await fetch(API + "/" + encodeURIComponent(name) + "/size", {
            method: "POST",
            headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
            body: new URLSearchParams({ processes: processes })
        });
        if (response.ok) {
            message.textContent = "resized to " + processes;
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
    return "the server refused (HTTP " + response.status + ")";
}

function showError(element, text) {
    element.className = element.className.replace(/\berror\b/, "").trim() + " error";
    element.textContent = text;
}

async function refresh() {
    try {
        const response = await fetch(API, { headers: { "Accept": "application/json" } });
        if (!response.ok) {
            throw new Error(await refusal(response));
        }
        const pools = await response.json();
        const seen = new Set();
        for (const pool of pools) {
            seen.add("pool-" + pool.Name);
            const row = rowOf(pool.Name);
            for (const figure of FIGURES) {
                row.querySelector("[data-figure='" + figure + "']").textContent = String(pool[figure]);
            }
        }
        for (const row of Array.from(rows.children)) {
            if (!seen.has(row.id)) {
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
