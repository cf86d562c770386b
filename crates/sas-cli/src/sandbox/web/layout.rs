//! The page shell the console and the cashier share: a viewport for phones, inline CSS, the
//! navigation, and the few lines of JavaScript that refresh a page's live part while callbacks
//! are pending.

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::Note;

/// Tables keep their identifiers on one line and scroll sideways inside their own box on a
/// phone; the rest of a page wraps to its width. Nothing is fetched from elsewhere.
const CSS: &str = r#"
:root{--fg:#1d232a;--muted:#5f6b76;--line:#d8dee4;--bg:#f6f8fa;--ok:#1a7f37;--bad:#cf222e;--wait:#9a6700;--accent:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;align-items:baseline;padding:.7rem 1rem;background:#24292f;color:#fff}
header b{font-size:1.05rem}header a{color:#c9d1d9;text-decoration:none}header a.on{color:#fff;text-decoration:underline}
main{padding:1rem;max-width:80rem;margin:auto}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;margin:0 0 1rem}
h2{font-size:1.05rem;margin:.1rem 0 .6rem}h2 small{color:var(--muted);font-weight:normal}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9rem}
.scroll td code{white-space:nowrap;word-break:normal}
.scroll td code.long{white-space:normal;word-break:break-all;display:inline-block;min-width:16rem}
td.text{min-width:12rem}td.actions{white-space:nowrap}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{color:var(--muted);font-weight:600;white-space:nowrap}
td.num{text-align:right;white-space:nowrap}
code,.mono{font:.85em ui-monospace,SFMono-Regular,Menlo,monospace;word-break:break-all}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:1rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.ok{color:var(--ok)}.bad{color:var(--bad)}.wait{color:var(--wait)}.muted{color:var(--muted)}
form.inline{display:inline-flex;gap:.3rem;margin:.1rem 0}
button,select{font:inherit;font-size:.85rem;padding:.2rem .6rem;border-radius:6px;border:1px solid var(--line);background:#f6f8fa;cursor:pointer}
button.primary{background:var(--ok);border-color:var(--ok);color:#fff}
button.danger{color:var(--bad)}
textarea{width:100%;min-height:9rem;font:.85rem ui-monospace,Menlo,monospace;padding:.5rem;border:1px solid var(--line);border-radius:6px}
.note,ul.failures,#reason{overflow-wrap:anywhere}
.note{padding:.6rem .9rem;border-radius:6px;margin:0 0 1rem;background:#ddf4ff;border:1px solid #54aeff}
.note.bad{background:#ffebe9;border-color:#ff8182;color:var(--fg)}
ul.failures{margin:.3rem 0;padding-left:1.2rem}ul.failures li{margin:.3rem 0}
.sheet{max-width:26rem;margin:0 auto 1rem;text-align:center}
.sheet .amount{font-size:2rem;font-weight:700;margin:.3rem 0}
.sheet dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem;text-align:left;font-size:.9rem}
.sheet dt{color:var(--muted)}.sheet dd{margin:0;word-break:break-all}
.sheet .actions{display:flex;gap:.5rem;justify-content:center;margin-top:1rem}
.sheet .actions button{padding:.5rem 1.1rem;font-size:1rem}
.attempt{white-space:nowrap}
@media (max-width:600px){main{padding:.5rem}section{padding:.6rem}th,td{padding:.3rem}}
"#;

/// Every 2 s while the live part says callbacks are pending, replaces it with a fresh copy
/// from its `data-src`.
const JS: &str = r##"
setInterval(async () => {
  const live = document.getElementById("live");
  if (!live || live.dataset.pending !== "true") return;
  try {
    const response = await fetch(live.dataset.src, { cache: "no-store" });
    if (!response.ok) return;
    const holder = document.createElement("div");
    holder.innerHTML = await response.text();
    const fresh = holder.querySelector("#live");
    if (fresh) live.replaceWith(fresh);
  } catch (_) {}
}, 2000);
"##;

/// Which page the navigation marks.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Page {
    Console,
    Cashier,
}

/// A whole page around `body`.
pub(crate) fn page(title: &str, on: Page, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · SAS sandbox" }
                style { (PreEscaped(CSS)) }
            }
            body {
                header {
                    b { "SAS sandbox" }
                    a href="/" class=[(on == Page::Console).then_some("on")] { "Console" }
                    a href="/cashier" class=[(on == Page::Cashier).then_some("on")] { "Cashier" }
                }
                main { (body) }
                script { (PreEscaped(JS)) }
            }
        }
    }
}

/// A note at the top of a page (the result of the last action).
pub(crate) fn note(note: Option<Note>) -> Markup {
    html! {
        @if let Some(note) = note {
            div.note.bad[note.bad] #note role="status" { (note.text) }
        }
    }
}
