/**
 * A small HTML rendering of the Flex JSON our answer cards use (bubble, box, text, button,
 * separator) plus the quick replies, for a README preview. It approximates LINE's look; it is
 * not LINE's renderer, and the README says so.
 */

type Node = Record<string, any>;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const SIZES: Record<string, string> = { xxs: '11px', xs: '12px', sm: '13px', md: '15px', lg: '17px', xl: '19px' };
const SPACES: Record<string, string> = { none: '0', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const space = (v?: string) => (v ? (SPACES[v] ?? v) : undefined);

function component(node: Node, parentLayout: string, first: boolean): string {
  const margin = !first && node.margin ? (parentLayout === 'horizontal' ? `margin-left:${space(node.margin)};` : `margin-top:${space(node.margin)};`) : '';
  const flex = node.flex !== undefined ? `flex:${node.flex} 1 0;` : parentLayout === 'horizontal' ? 'flex:1 1 0;' : '';
  switch (node.type) {
    case 'box':
      return box(node, `${margin}${flex}`);
    case 'text': {
      const style = [
        margin,
        flex,
        `font-size:${SIZES[node.size ?? 'md'] ?? node.size};`,
        node.weight === 'bold' ? 'font-weight:700;' : '',
        node.color ? `color:${node.color};` : '',
        node.decoration === 'underline' ? 'text-decoration:underline;' : '',
        node.wrap ? 'white-space:pre-wrap;' : 'white-space:nowrap;overflow:hidden;text-overflow:ellipsis;',
      ].join('');
      return `<div class="text" style="${style}">${esc(node.text)}</div>`;
    }
    case 'button': {
      const style = node.style ?? 'link';
      const color = node.color ?? (style === 'primary' ? '#17c950' : undefined);
      const css = style === 'primary' ? `background:${color};color:#fff;` : style === 'secondary' ? 'background:#eef0f3;color:#111;' : `color:${node.color ?? '#1a5fb4'};`;
      return `<div class="button ${node.height === 'sm' ? 'sm' : ''}" style="${margin}${flex}${css}">${esc(node.action.label)}</div>`;
    }
    case 'separator':
      return `<hr style="${margin.replace('margin-top', 'margin-top')}">`;
    default:
      return '';
  }
}

function box(node: Node, extra = ''): string {
  const dir = node.layout === 'vertical' ? 'column' : 'row';
  const gap = node.spacing ? `gap:${space(node.spacing)};` : '';
  const pad = node.paddingAll ? `padding:${node.paddingAll};` : '';
  const inner = (node.contents as Node[]).map((c, i) => component(c, node.layout, i === 0)).join('');
  return `<div class="box" style="display:flex;flex-direction:${dir};${gap}${pad}${extra}">${inner}</div>`;
}

export function flexPreviewHtml(message: Node, fontDir: string, userText?: string): string {
  const bubble = message.contents;
  const quick = (message.quickReply?.items ?? []) as Node[];
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
@font-face{font-family:NotoThai;src:url(${fontDir}/noto-sans-thai-thai-400-normal.woff2);font-weight:400}
@font-face{font-family:NotoThai;src:url(${fontDir}/noto-sans-thai-thai-700-normal.woff2);font-weight:700}
@font-face{font-family:NotoThai;src:url(${fontDir}/noto-sans-thai-latin-400-normal.woff2);font-weight:400;unicode-range:U+0000-00FF,U+2000-206F}
@font-face{font-family:NotoThai;src:url(${fontDir}/noto-sans-thai-latin-700-normal.woff2);font-weight:700;unicode-range:U+0000-00FF,U+2000-206F}
body{margin:0;background:#8fa6c4;font-family:NotoThai,sans-serif;color:#111;width:420px;padding:16px;box-sizing:border-box}
.note{font-size:11px;color:#fff;text-align:center;margin-bottom:10px;opacity:.9}
.me{margin-left:auto;background:#85e085;border-radius:16px;padding:8px 12px;max-width:75%;font-size:14px;margin-bottom:12px;width:fit-content}
.bubble{background:#fff;border-radius:16px;overflow:hidden;max-width:360px;box-shadow:0 1px 2px rgba(0,0,0,.15)}
.footer{padding:8px 12px 12px}
.text{line-height:1.45}
hr{border:0;border-top:1px solid #e3e3e3;width:100%;margin:8px 0 0}
.button{border-radius:8px;text-align:center;font-size:14px;padding:10px 8px}
.button.sm{padding:7px 8px}
.quick{display:flex;flex-wrap:wrap;gap:6px;margin-top:14px}
.chip{background:#fff;border:1px solid #d0d7e2;border-radius:16px;padding:5px 11px;font-size:13px;white-space:nowrap}
</style></head><body>
<div class="note">Preview: an HTML rendering of the bot's Flex JSON, not LINE's own renderer</div>
${userText ? `<div class="me">${esc(userText)}</div>` : ''}
<div class="bubble">${box(bubble.body)}${bubble.footer ? `<div class="footer">${box(bubble.footer)}</div>` : ''}</div>
${quick.length ? `<div class="quick">${quick.map((q) => `<div class="chip">${esc(q.action.label)}</div>`).join('')}</div>` : ''}
</body></html>`;
}
