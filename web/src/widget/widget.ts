import { WIDGET_CLOSE } from './protocol.js';
import { STRINGS } from '../i18n.js';

/**
 * widget.js: `<script src="https://<bot host>/widget.js" data-lang="th"></script>` on any page
 * adds a chat button and a panel holding the chat in an iframe (/embed, compact layout). The
 * iframe keeps the two pages apart both ways: the host page's CSS and CSP cannot break the chat,
 * and the chat cannot read the host page. The button and panel live in a shadow root with
 * a constructed stylesheet, so host CSS does not reach them and a host CSP without
 * 'unsafe-inline' styles still lets them render. The host page must allow this origin in
 * script-src and frame-src; the bot must list the host in FRAME_ANCESTORS.
 */

const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; padding: 0 18px; border: 0; border-radius: 999px;
  background: #1d3d6e; color: #fff; cursor: pointer;
  font: 600 15px/1.4 'Noto Sans Thai', system-ui, -apple-system, 'Segoe UI', sans-serif;
  box-shadow: 0 2px 10px rgb(20 35 60 / 0.3);
}
.launcher:hover { background: #15305a; }
.launcher:focus-visible, .close:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
.launcher svg { width: 22px; height: 22px; fill: currentColor; }
.launcher[aria-expanded='true'] { display: none; }
.panel {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
  width: min(420px, calc(100vw - 16px)); height: min(680px, calc(100vh - 32px));
  display: flex; flex-direction: column; overflow: hidden;
  border-radius: 14px; background: #fff; box-shadow: 0 8px 32px rgb(20 35 60 / 0.35);
}
.panel[hidden] { display: none; }
.bar { display: flex; justify-content: flex-end; background: #1d3d6e; }
.close {
  min-width: 44px; min-height: 36px; border: 0; background: transparent; color: #fff; cursor: pointer;
  font: 600 14px/1 'Noto Sans Thai', system-ui, sans-serif;
}
.close:hover { background: rgb(255 255 255 / 0.14); }
iframe { flex: 1; width: 100%; border: 0; }
@media (max-width: 480px) {
  .panel { right: 8px; bottom: 8px; width: calc(100vw - 16px); height: calc(100vh - 16px); }
}
`;

const CHAT_ICON =
  'M20 2H4c-1.1 0-2 .9-2 2v18l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z';

function mount(script: HTMLScriptElement): void {
  const origin = new URL(script.src, location.href).origin;
  const lang = script.dataset.lang === 'en' ? 'en' : 'th';
  const t = STRINGS[lang];

  const host = document.createElement('div');
  host.setAttribute('data-opdc-qa-widget', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.lang = lang;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'panel');
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(svgNs, 'path');
  path.setAttribute('d', CHAT_ICON);
  svg.appendChild(path);
  launcher.append(svg, document.createTextNode(t.widgetOpen));

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'panel';
  panel.lang = lang;
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', t.appTitle);

  const bar = document.createElement('div');
  bar.className = 'bar';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', t.widgetClose);
  close.textContent = '✕';
  bar.appendChild(close);
  panel.appendChild(bar);

  // Created on first open, so a page that never opens the chat never loads it.
  let frame: HTMLIFrameElement | undefined;
  const open = () => {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = t.appTitle;
      frame.src = `${origin}/embed?lang=${lang}`;
      // No access to the host's top window; scripts, same-origin (its own API), forms and new tabs only.
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  };
  const hide = () => {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  };
  launcher.addEventListener('click', open);
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  // Escape pressed inside the chat arrives as a message from the frame (and only from it).
  window.addEventListener('message', (event) => {
    if (event.origin === origin && frame && event.source === frame.contentWindow && (event.data as { type?: unknown })?.type === WIDGET_CLOSE && !panel.hidden) hide();
  });

  shadow.append(launcher, panel);
  document.body.appendChild(host);
}

const script = document.currentScript;
if (script instanceof HTMLScriptElement) {
  if (document.body) mount(script);
  else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
}
