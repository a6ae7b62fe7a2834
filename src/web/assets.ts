/**
 * The web app's only stylesheet and script, served from our origin (the
 * Content-Security-Policy allows nothing else). Small enough to live here:
 * no front-end build.
 */
import { createHash } from "node:crypto";

export const STYLESHEET = `
:root { --green:#1b7f3b; --blue:#1f5fae; --orange:#b85c00; --red:#b3261e; --grey:#5f6368; --line:#d6d9de;
  /* Inside Telegram the Mini App takes the user's theme (the script sets --tg-theme-*); elsewhere these defaults. */
  --ink:var(--tg-theme-text-color, #1d1f23); --muted:var(--tg-theme-hint-color, #555b63); --bg:var(--tg-theme-secondary-bg-color, #f6f7f9);
  --card:var(--tg-theme-bg-color, #fff); --link:var(--tg-theme-link-color, #1f5fae);
  --button:var(--tg-theme-button-color, #1f5fae); --button-text:var(--tg-theme-button-text-color, #fff); }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--link); }
header.top { display:flex; flex-wrap:wrap; gap:.25rem 1rem; align-items:center; padding:.5rem 1rem; background:var(--card); border-bottom:1px solid var(--line); }
header.top .org { font-weight:600; margin-right:auto; }
header.top nav a { margin-right:.6rem; white-space:nowrap; display:inline-block; }
header.top nav a[aria-current="page"] { font-weight:600; color:var(--ink); text-decoration:none; border-bottom:2px solid var(--blue); }
.invite-result { border-color:var(--green); }
header.top form { display:inline; }
main { padding:1rem; max-width:1400px; margin:0 auto; }
h1 { font-size:1.3rem; margin:.25rem 0 .75rem; }
h2 { font-size:1.1rem; margin:1.25rem 0 .5rem; }
button, .button { font:inherit; padding:.4rem .8rem; border:1px solid var(--button); background:var(--button); color:var(--button-text); border-radius:4px; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary { background:var(--card); color:var(--button); }
button.link { background:none; border:none; color:var(--link); padding:0; text-decoration:underline; }
input, select, textarea { font:inherit; padding:.35rem .4rem; border:1px solid #8a9099; border-radius:4px; max-width:100%; }
label { display:block; font-size:.9rem; color:var(--muted); }
form.filters { display:flex; flex-wrap:wrap; gap:.5rem .75rem; align-items:flex-end; background:var(--card); padding:.75rem; border:1px solid var(--line); border-radius:6px; margin-bottom:.75rem; }
form.filters .actions { display:flex; gap:.5rem; }
form.filters > div { min-width:0; max-width:100%; }
form.filters select { width:100%; max-width:32rem; }
.card h2 { margin-top:0; }
.count { color:var(--muted); margin:.25rem 0 .5rem; }
table.plan { width:100%; border-collapse:collapse; background:var(--card); }
table.plan th, table.plan td { border:1px solid var(--line); padding:.35rem .5rem; vertical-align:top; text-align:left; }
table.plan th { background:#eef0f3; font-weight:600; }
table.plan thead th:last-child { width:5.5rem; }
table.plan tr.section-row td { background:#e8ecf3; font-weight:600; }
td.days { text-align:right; white-space:nowrap; }
.state { display:inline-flex; align-items:center; gap:.35rem; white-space:nowrap; font-weight:600; }
.dot { width:.8rem; height:.8rem; border-radius:50%; display:inline-block; flex:none; }
.c-green .dot, .dot.c-green { background:var(--green); } .c-green .state { color:var(--green); }
.c-blue .dot, .dot.c-blue { background:var(--blue); } .c-blue .state { color:var(--blue); }
.c-orange .dot, .dot.c-orange { background:var(--orange); } .c-orange .state { color:var(--orange); }
.c-red .dot, .dot.c-red { background:var(--red); } .c-red .state { color:var(--red); }
.c-grey .dot, .dot.c-grey { background:var(--grey); } .c-grey .state { color:var(--grey); }
tr.c-red td:first-child { box-shadow: inset 4px 0 0 var(--red); }
tr.c-orange td:first-child { box-shadow: inset 4px 0 0 var(--orange); }
tr.c-green td:first-child { box-shadow: inset 4px 0 0 var(--green); }
tr.c-blue td:first-child { box-shadow: inset 4px 0 0 var(--blue); }
tr.c-grey td:first-child { box-shadow: inset 4px 0 0 var(--grey); }
.card { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:.75rem 1rem; margin-bottom:.75rem; }
dl.facts { display:grid; grid-template-columns:max-content 1fr; gap:.25rem 1rem; margin:0; }
dl.facts dt { color:var(--muted); }
dl.facts dd { margin:0; }
ol.events { padding-left:1.25rem; margin:0; }
ol.events li { margin-bottom:.3rem; }
.muted { color:var(--muted); }
.flash { padding:.6rem .8rem; border-radius:4px; margin-bottom:.75rem; border:1px solid; }
.flash.ok { background:#e7f4ea; border-color:var(--green); }
.flash.error { background:#fbe9e7; border-color:var(--red); }
.counts { display:flex; flex-wrap:wrap; gap:.5rem; }
.counts .tile { flex:1 1 9rem; background:var(--card); border:1px solid var(--line); border-radius:6px; padding:.5rem .75rem; min-width:9rem; }
.counts .tile strong { display:block; font-size:1.5rem; }
a.tile { color:var(--ink); text-decoration:none; } a.tile:hover strong { text-decoration:underline; }
ul.unit-bars { list-style:none; padding:.5rem .75rem; margin:0; background:var(--card); border:1px solid var(--line); border-radius:6px; max-width:900px; }
ul.unit-bars li { display:grid; grid-template-columns:minmax(8rem, 16rem) minmax(0, 1fr) max-content; gap:.2rem .75rem; align-items:center; padding:.3rem 0; border-top:1px solid #eef0f3; }
ul.unit-bars li:first-child { border-top:none; }
ul.unit-bars svg.bar { width:100%; height:1rem; display:block; }
ul.unit-bars .nums { white-space:nowrap; font-size:.9rem; }
ul.unit-bars .nums .c-red { font-weight:600; color:var(--red); }
ul.unit-bars li:not(.late) .nums .c-red { color:var(--muted); font-weight:400; }
ol.months { list-style:none; display:grid; grid-template-columns:repeat(12, minmax(0, 1fr)); gap:.25rem; padding:.5rem; margin:0; background:var(--card); border:1px solid var(--line); border-radius:6px; max-width:900px; }
ol.months a { display:flex; flex-direction:column; align-items:center; text-decoration:none; color:var(--ink); font-size:.85rem; }
ol.months svg { width:70%; height:8rem; display:block; background:#f1f3f5; }
ol.months .total { font-weight:600; }
.legend { display:flex; flex-wrap:wrap; gap:.25rem 1rem; font-size:.9rem; margin:.5rem 0; }
.legend span { display:inline-flex; align-items:center; gap:.3rem; }
.signin { max-width:28rem; margin:3rem auto; }
.actions-grid { display:grid; gap:.75rem; grid-template-columns:repeat(auto-fit, minmax(18rem, 1fr)); }
.actions-grid form { display:flex; flex-direction:column; gap:.4rem; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
h3 { font-size:1rem; margin:0 0 .4rem; }
.button.secondary { background:var(--card); color:var(--button); }
.two-col { display:grid; gap:0 1rem; grid-template-columns:minmax(0, 3fr) minmax(0, 2fr); align-items:start; }
.two-col > section > h2 { margin-top:0; }
form.stack, .stack { display:flex; flex-direction:column; gap:.35rem; }
form.stack p, .stack p { margin:.25rem 0 0; }
form.split + form.split { border-top:1px solid var(--line); padding-top:.5rem; margin-top:.5rem; }
ul.people { margin:.25rem 0 0; padding-left:1.1rem; }
ul.people li { margin-bottom:.2rem; }
ul.people a.small { font-size:.85rem; margin-left:.4rem; }
.tag { font-size:.8rem; border-radius:3px; padding:0 .3rem; margin-left:.3rem; }
.tag.warn { background:#fdf0e1; color:#8a4500; border:1px solid var(--orange); }
.invite-result a { word-break:break-all; }
.invite-result code { font-size:.95rem; word-break:break-all; }
ul.periods { list-style:none; padding:0; margin:0; }
ul.periods li { display:flex; flex-wrap:wrap; gap:.4rem .6rem; align-items:center; padding:.4rem 0; border-top:1px solid var(--line); }
ul.periods li:first-child { border-top:none; }
ul.periods .period { flex:0 0 16rem; }
ul.periods .period::first-letter { text-transform:uppercase; }
button.danger { background:var(--red); border-color:var(--red); }
.card select { max-width:32rem; width:100%; }
.card.unit { padding:.5rem .75rem; margin-bottom:.5rem; }
.card.unit h3 { display:inline; margin-right:.5rem; }
.card.unit p.muted { display:inline; margin:0; font-size:.9rem; }
.card.unit ul.people, .card.unit p.muted.none { display:block; margin:.3rem 0 0; }
.downloads { display:flex; flex-wrap:wrap; gap:.5rem; }
.skip { position:absolute; left:-999px; } .skip:focus { left:1rem; top:.5rem; background:var(--card); padding:.25rem .5rem; }
ul.plan-counts { list-style:none; display:flex; flex-wrap:wrap; gap:.4rem; padding:0; margin:.25rem 0 .6rem; }
ul.plan-counts li a { display:inline-flex; align-items:center; gap:.35rem; background:var(--card); border:1px solid var(--line); border-radius:6px; padding:.3rem .6rem; text-decoration:none; color:var(--ink); }
ul.plan-counts li a strong { font-size:1.15rem; }
ul.plan-counts li.c-week .dot { border:2px solid var(--blue); }
details.filters-box { margin-bottom:.6rem; }
details.filters-box > summary { cursor:pointer; display:inline-block; padding:.4rem .8rem; border:1px solid var(--blue); color:var(--blue); background:var(--card); border-radius:4px; margin-bottom:.4rem; }
form.filters .check { display:flex; align-items:center; gap:.35rem; }
form.filters .check label { display:inline; color:var(--ink); font-size:.95rem; }
.ms { display:block; font-size:.9rem; margin-top:.15rem; }
.ms a { display:inline-flex; align-items:center; gap:.25rem; }
.ms a::before { content:""; width:.65rem; height:.65rem; border-radius:50%; display:inline-block; background:currentColor; }
.ms a.c-green { color:var(--green); } .ms a.c-blue { color:var(--blue); } .ms a.c-orange { color:var(--orange); } .ms a.c-red { color:var(--red); } .ms a.c-grey { color:var(--grey); }
table.plan tr.section-row th { background:#e8ecf3; font-weight:600; text-align:left; }
table.plan td:nth-child(3) { font-size:.88rem; color:var(--muted); }
table.plan td:nth-child(5) { font-size:.88rem; }
.settings-forms form.setting { padding:.5rem 0; border-top:1px solid var(--line); }
.settings-forms form.setting:first-of-type { border-top:none; }
.setting-row { display:flex; flex-wrap:wrap; gap:.4rem; align-items:center; }
.setting-row .parts { display:flex; flex-wrap:wrap; gap:.3rem; }
.setting-row input[type=number] { width:4.2rem; }
.setting-row input:not([type]) { flex:0 1 32rem; }
.card .setting-row select { width:auto; min-width:10rem; }
form.inline { display:inline-block; margin:.2rem .4rem .2rem 0; }
ul.new-units li, ul.warned > li { margin-bottom:.4rem; }
.spinner { display:inline-block; width:1rem; height:1rem; margin-right:.5rem; vertical-align:-.15rem; border:2px solid var(--line); border-top-color:var(--blue); border-radius:50%; animation:spin 1s linear infinite; }
@keyframes spin { to { transform:rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .spinner { animation:none; } }
@media (max-width: 720px) {
  main { padding:.5rem; }
  .two-col { grid-template-columns:minmax(0, 1fr); }
  .two-col > .tools { order:-1; }
  ul.periods .period { flex-basis:100%; }
  dl.facts { grid-template-columns:1fr; gap:0; }
  dl.facts dd { margin-bottom:.4rem; }
  .state { white-space:normal; }
  ul.unit-bars li { grid-template-columns:minmax(0, 1fr) max-content; }
  ul.unit-bars .unit-name { grid-column:1 / -1; }
  ol.months svg { width:80%; height:6rem; }
  form.filters select { max-width:100%; }
  table.plan thead { position:absolute; left:-9999px; }
  table.plan, table.plan tbody, table.plan tr, table.plan td { display:block; width:100%; }
  table.plan tr { border:1px solid var(--line); border-radius:6px; margin-bottom:.5rem; background:var(--card); }
  table.plan td { border:none; padding:.15rem .6rem; }
  table.plan td[data-label]::before { content: attr(data-label) ": "; color:var(--muted); font-weight:400; }
  table.plan td.days { text-align:left; }
  table.plan td:empty { display:none; }
  /* A card per task: the supporting units are on the milestone's page; the product is cut to two lines. */
  table.plan td:nth-child(5) { display:none; }
  table.plan td:nth-child(3) { display:-webkit-box; -webkit-line-clamp:2; -webkit-box-orient:vertical; overflow:hidden; }
  table.plan tr.section-row th { display:block; border:none; padding:.5rem .25rem .25rem; background:none; }
  table.plan tr.section-row { border:none; background:none; }
  tr.c-red td:first-child, tr.c-orange td:first-child, tr.c-green td:first-child, tr.c-blue td:first-child, tr.c-grey td:first-child { box-shadow:none; }
  tr.c-red { border-left:5px solid var(--red) !important; } tr.c-orange { border-left:5px solid var(--orange) !important; }
  tr.c-green { border-left:5px solid var(--green) !important; } tr.c-blue { border-left:5px solid var(--blue) !important; }
  tr.c-grey { border-left:5px solid var(--grey) !important; }
}
.badge { display:inline-block; min-width:1.3rem; padding:0 .35rem; margin-left:.3rem; border-radius:.7rem; background:var(--red); color:#fff; font-size:.8rem; font-weight:600; text-align:center; line-height:1.3rem; }
a.tile { color:inherit; text-decoration:none; } a.tile.c-red strong { color:var(--red); }
p.summary { display:flex; flex-wrap:wrap; gap:.25rem 1.25rem; align-items:center; margin:0 0 .75rem; }
ul.worklist { list-style:none; margin:0 0 .75rem; padding:0; background:#fff; border:1px solid var(--line); border-radius:6px; }
ul.worklist li { padding:.45rem .75rem; border-top:1px solid var(--line); display:flex; flex-direction:column; gap:.15rem; }
ul.worklist li:first-child { border-top:none; }
ul.worklist li.c-red { box-shadow:inset 4px 0 0 var(--red); } ul.worklist li.c-blue { box-shadow:inset 4px 0 0 var(--blue); }
ul.worklist li.c-orange { box-shadow:inset 4px 0 0 var(--orange); } ul.worklist li.c-grey { box-shadow:inset 4px 0 0 var(--grey); }
ul.worklist .meta { display:flex; flex-wrap:wrap; gap:.2rem .75rem; color:var(--muted); font-size:.9rem; }
.decision-body { display:grid; gap:.75rem 1.25rem; grid-template-columns:minmax(0, 3fr) minmax(14rem, 2fr); align-items:start; }
.decide { display:flex; flex-direction:column; gap:.6rem; }
article.decision h3 { font-size:1rem; }
article.decision.c-red { border-left:4px solid var(--red); } article.decision.c-orange { border-left:4px solid var(--orange); }
ul.evidence { list-style:none; padding:0; margin:.25rem 0; display:flex; flex-wrap:wrap; gap:.6rem; }
ul.evidence li { max-width:100%; }
ul.evidence li.preview { display:flex; flex-direction:column; gap:.2rem; max-width:20rem; }
ul.evidence img { max-width:100%; max-height:14rem; border:1px solid var(--line); border-radius:4px; background:#fff; }
ul.evidence iframe { width:20rem; max-width:100%; height:16rem; border:1px solid var(--line); border-radius:4px; }
details.card > summary { cursor:pointer; font-weight:600; }
details.card[open] > summary { margin-bottom:.4rem; }
label.check { display:flex; gap:.4rem; align-items:center; color:var(--ink); }
fieldset.choices { border:1px solid var(--line); border-radius:4px; display:flex; flex-wrap:wrap; gap:.4rem; }
.decision-body ul.evidence li.preview { max-width:36rem; width:100%; }
.decision-body ul.evidence iframe { width:100%; height:26rem; }
@media (max-width: 720px) {
  .decision-body { grid-template-columns:minmax(0, 1fr); }
  ul.evidence li.preview { max-width:100%; }
  /* Phones do not draw a framed PDF: the link opens it in their viewer. */
  ul.evidence iframe, .decision-body ul.evidence iframe { display:none; }
}
`;

/**
 * Inside Telegram, the Mini App's signed data arrives in the URL fragment
 * (never sent to a server by the browser): post it once to sign in, then go
 * to the plan. Filters submit themselves when changed.
 */
export const SCRIPT = `
(function () {
  // The Mini App without Telegram's script (our policy loads none from elsewhere): its theme arrives in the
  // URL fragment of the first page and is kept for the session; the BackButton is driven by the raw events.
  function telegramTheme() {
    var stored = null;
    try {
      var fromHash = new URLSearchParams(location.hash.slice(1)).get("tgWebAppThemeParams");
      if (fromHash) sessionStorage.setItem("tg-theme", fromHash);
      stored = sessionStorage.getItem("tg-theme");
    } catch (e) { stored = null; }
    if (!stored) return;
    var theme = {};
    try { theme = JSON.parse(stored) || {}; } catch (e) { return; }
    for (var key in theme) {
      if (/^[a-z_]+$/.test(key) && /^#[0-9a-fA-F]{3,8}$/.test(String(theme[key])))
        document.documentElement.style.setProperty("--tg-theme-" + key.replace(/_/g, "-"), theme[key]);
    }
    document.documentElement.classList.add("in-telegram");
    backButton(location.pathname !== "/plan" && location.pathname !== "/app" && history.length > 1);
  }
  function postToTelegram(type, data) {
    var body = JSON.stringify(data || {});
    if (window.TelegramWebviewProxy) window.TelegramWebviewProxy.postEvent(type, body);
    else if (window.external && window.external.notify) window.external.notify(JSON.stringify({ eventType: type, eventData: data }));
    else if (window.parent !== window) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), "*");
  }
  function backButton(visible) {
    postToTelegram("web_app_setup_back_button", { is_visible: visible });
    if (!visible) return;
    var onEvent = function (type) { if (type === "back_button_pressed") history.back(); };
    window.Telegram = window.Telegram || {};
    window.Telegram.WebView = window.Telegram.WebView || {};
    var previous = window.Telegram.WebView.receiveEvent;
    window.Telegram.WebView.receiveEvent = function (type, data) { onEvent(type); if (previous) previous(type, data); };
    window.addEventListener("message", function (e) {
      try { var m = JSON.parse(e.data); if (m && m.eventType) onEvent(m.eventType); } catch (err) { /* not ours */ }
    });
  }
  telegramTheme();
  var start = document.getElementById("mini-app");
  if (start) {
    var hash = new URLSearchParams(location.hash.slice(1));
    var data = hash.get("tgWebAppData");
    var status = document.getElementById("mini-app-status");
    if (!data) { if (status) status.textContent = start.getAttribute("data-missing") || ""; return; }
    history.replaceState(null, "", location.pathname);
    fetch("/auth/telegram", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ initData: data }).toString()
    }).then(function (r) {
      if (r.ok) location.replace("/");
      else if (status) status.textContent = start.getAttribute("data-refused") || "";
    });
  }
  var filters = document.querySelector("form.filters");
  if (filters) {
    filters.addEventListener("change", function (e) {
      if (e.target && (e.target.tagName === "SELECT" || e.target.type === "checkbox")) filters.submit();
    });
  }
  // A report being built: look again shortly (the page says so, and links to itself without script).
  var pending = document.querySelector("[data-refresh]");
  if (pending) setTimeout(function () { location.reload(); }, Number(pending.getAttribute("data-refresh")) || 1500);
  // Folded on a phone so the table starts on the first screen; open where there is room.
  var box = document.querySelector("details.filters-box");
  if (box && window.matchMedia("(min-width: 721px)").matches) box.open = true;
})();
`;

/**
 * A fingerprint of the stylesheet and script: pages ask for `?v=<this>`, so a
 * browser keeps them for a year and a new release is fetched at once.
 */
export const ASSET_VERSION = createHash("sha256").update(STYLESHEET).update(SCRIPT).digest("hex").slice(0, 12);
