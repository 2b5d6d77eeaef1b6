// The sandbox page's HTML and styles. Kept as a module (not loose files) so it is served the
// same from source and from a build. Labels are Chinese first, English second.

export function pageHtml(opts: { scriptUrl: string; botName: string }): string {
  const bot = escape(opts.botName);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${bot} 沙盒 · Sandbox</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body>
<div class="layout">
  <aside class="sidebar">
    <div class="brand"><span class="logo">${bot.slice(0, 1)}</span><div><div class="brand-name">${bot} 沙盒</div><div class="brand-sub">Sandbox · 本地飞书替身 local Lark double</div></div></div>
    <label class="who">
      <span class="side-label">我是 I am</span>
      <select id="who" data-testid="who"></select>
    </label>
    <div id="who-info" class="who-info"></div>
    <div class="side-label chats-label">会话 Chats</div>
    <ul id="chats" class="chats" data-testid="chats"></ul>
    <label class="chat-pick"><span class="side-label">会话 Chat</span><select id="chat-select" data-testid="chat-select"></select></label>
    <div class="side-foot">
      <span class="side-label">卡片语言 Card language</span>
      <div class="seg" id="locale">
        <button type="button" data-locale="zh_cn" class="on">中文</button><button type="button" data-locale="en_us">English</button>
      </div>
    </div>
  </aside>
  <main class="chat">
    <header class="chat-header">
      <div><div id="chat-title" class="chat-title"></div><div id="chat-sub" class="chat-sub"></div></div>
      <div id="conn" class="conn" title="实时连接 live connection">●</div>
    </header>
    <div id="messages" class="messages" data-testid="messages"></div>
    <form id="composer" class="composer" autocomplete="off">
      <span id="mention" class="mention-chip" hidden>@${bot}</span>
      <textarea id="input" data-testid="input" rows="1" placeholder="输入命令，如「帮助」，回车发送 · Type a command, e.g. help; Enter sends"></textarea>
      <label class="attach" title="发送图片或文件 Send a picture or file">📎<input id="file-input" data-testid="file-input" type="file" accept="image/*,application/pdf,.pdf,.docx,.doc" hidden></label>
      <button type="submit" id="send" data-testid="send">发送 Send</button>
    </form>
  </main>
  <aside class="panel">
    <section class="box">
      <h3>沙盒时间 <small>Sandbox time</small></h3>
      <div id="clock-now" class="clock-now" data-testid="clock-now">…</div>
      <div id="clock-week" class="clock-week"></div>
      <div class="row">
        <button type="button" class="pbtn" data-advance-days="1" data-testid="advance-1">+1 天 day</button>
        <button type="button" class="pbtn" data-advance-days="7" data-testid="advance-7">+7 天 days</button>
      </div>
      <label class="field-label-side" for="festival">跳到节日前 14 天 <small>Jump to 14 days before</small></label>
      <select id="festival" class="wide-select" data-testid="festival"></select>
      <div id="festival-jump" class="festival-jump" data-testid="festival-jump"></div>
      <div class="row">
        <button type="button" class="pbtn primary" id="jump" data-testid="jump">跳转 Jump</button>
      </div>
    </section>
    <section class="box">
      <h3>定时任务 <small>Schedulers</small></h3>
      <p class="hint">「立即运行」按当前沙盒时间运行一次 · Run once now, at sandbox time</p>
      <ul id="tasks" class="tasks" data-testid="tasks"></ul>
    </section>
    <section class="box hint">
      点击卡片按钮会经飞书替身发送加密签名的 card.action.trigger 回调给机器人。<br>
      Card clicks reach the bot as encrypted, signed card.action.trigger callbacks through the Lark double.
    </section>
  </aside>
</div>
<div id="toasts" class="toasts" data-testid="toasts"></div>
<div id="modal" class="modal-backdrop" hidden>
  <div class="modal" role="dialog" aria-modal="true">
    <div id="modal-title" class="modal-title"></div>
    <div id="modal-text" class="modal-text"></div>
    <div class="modal-buttons"><button type="button" class="el-button btn-default" data-modal="cancel">取消 Cancel</button><button type="button" class="el-button btn-primary" data-modal="ok" data-testid="modal-ok">确定 OK</button></div>
  </div>
</div>
<script type="module" src="${escape(opts.scriptUrl)}"></script>
</body>
</html>`;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

// Lark's header templates: a light tint with the title in the template's deep colour.
const TEMPLATE_COLOURS: Record<string, [string, string]> = {
  blue: ["#e1eaff", "#1d4ed8"],
  wathet: ["#d9f3fd", "#0e7490"],
  turquoise: ["#d5f6f2", "#0f766e"],
  green: ["#d9f5d6", "#2e7d32"],
  yellow: ["#faf1d1", "#a16207"],
  orange: ["#feead2", "#c2410c"],
  red: ["#fde2e2", "#c62828"],
  carmine: ["#fddde8", "#be185d"],
  violet: ["#f8def8", "#a21caf"],
  purple: ["#ece2fe", "#7e22ce"],
  indigo: ["#e0e9ff", "#4338ca"],
  grey: ["#eff0f1", "#374151"],
  default: ["#ffffff", "#1f2329"],
};
const FONT_COLOURS: Record<string, string> = {
  red: "#d83931", green: "#2ea121", blue: "#245bdb", grey: "#8f959e", orange: "#de7802", yellow: "#dc9b04",
  purple: "#6425d0", violet: "#b300b3", carmine: "#c70067", wathet: "#037eaa", turquoise: "#04a49a", indigo: "#3f5fd9",
};

const STYLES = `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font:14px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif,"Apple Color Emoji","Noto Color Emoji";color:#1f2329;background:#f2f3f5}
button{font:inherit;cursor:pointer}
select,input,textarea{font:inherit;color:inherit}
.layout{display:grid;grid-template-columns:260px 1fr 280px;height:100vh}
.sidebar{background:#fff;border-right:1px solid #dee0e3;padding:14px;display:flex;flex-direction:column;gap:10px;min-height:0}
.brand{display:flex;gap:10px;align-items:center;padding-bottom:8px;border-bottom:1px solid #eff0f1}
.logo{width:36px;height:36px;border-radius:8px;background:#c62828;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:600;font-size:18px}
.brand-name{font-weight:600;font-size:16px}
.brand-sub{font-size:12px;color:#8f959e}
.side-label{display:block;font-size:12px;color:#646a73;margin-bottom:4px}
.who select{width:100%;padding:6px 8px;border:1px solid #d0d3d6;border-radius:6px;background:#fff}
.who-info{font-size:12px;color:#646a73;min-height:18px}
.who-info .role{display:inline-block;background:#fde2e2;color:#c62828;border-radius:4px;padding:0 6px;margin:0 4px 2px 0}
.who-info .stranger{background:#eff0f1;color:#646a73}
.chats{list-style:none;margin:0;padding:0;overflow:auto;flex:1}
.chats li{display:flex;align-items:center;gap:10px;padding:8px;border-radius:8px;cursor:pointer}
.chats li:hover{background:#f2f3f5}
.chats li.on{background:#e1eaff}
.chat-avatar{width:34px;height:34px;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600;flex:none}
.chat-avatar.bot{background:#c62828}
.chat-avatar.group{background:#3370ff;border-radius:8px}
.chat-name{font-weight:500}
.chat-kind{font-size:12px;color:#8f959e}
.badge{margin-left:auto;background:#f54a45;color:#fff;border-radius:9px;font-size:11px;min-width:18px;text-align:center;padding:0 5px}
.side-foot{border-top:1px solid #eff0f1;padding-top:8px}
.seg{display:inline-flex;border:1px solid #d0d3d6;border-radius:6px;overflow:hidden}
.seg button{border:0;background:#fff;padding:3px 10px}
.seg button.on{background:#3370ff;color:#fff}
.chat{display:flex;flex-direction:column;min-width:0;min-height:0;background:#f5f6f7}
.chat-header{display:flex;justify-content:space-between;align-items:center;padding:10px 18px;background:#fff;border-bottom:1px solid #dee0e3}
.chat-title{font-weight:600;font-size:16px}
.chat-sub{font-size:12px;color:#8f959e}
.conn{color:#c9cdd4;font-size:12px}
.conn.live{color:#34c724}
.messages{flex:1;overflow-y:auto;padding:16px 18px 24px;display:flex;flex-direction:column;gap:14px}
.empty{margin:auto;color:#8f959e;text-align:center}
.msg{display:flex;gap:10px;align-items:flex-start;max-width:100%}
.msg.me{flex-direction:row-reverse}
.avatar{width:34px;height:34px;border-radius:50%;flex:none;display:flex;align-items:center;justify-content:center;color:#fff;font-weight:600;background:#7b8794}
.msg.bot .avatar{background:#c62828}
.msg.me .avatar{background:#3370ff}
.msg-main{display:flex;flex-direction:column;min-width:0;max-width:min(560px,85%)}
.msg.me .msg-main{align-items:flex-end}
.msg-meta{font-size:12px;color:#8f959e;margin-bottom:3px}
.bubble{background:#fff;border-radius:8px;padding:8px 12px;white-space:normal;word-break:break-word;box-shadow:0 1px 1px rgba(31,35,41,.06)}
.msg.me .bubble{background:#cce0ff}
.mention-name{color:#245bdb}
.reply-quote{font-size:12px;color:#646a73;border-left:2px solid #c9cdd4;padding-left:6px;margin-bottom:4px;max-width:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.lark-card{background:#fff;border:1px solid #dee0e3;border-radius:10px;overflow:hidden;width:480px;max-width:100%;box-shadow:0 1px 2px rgba(31,35,41,.06)}
.lark-card.card-fill{width:100%}
.lark-card.updated{animation:flash 1.2s ease}
@keyframes flash{0%{box-shadow:0 0 0 3px #ffd666}100%{box-shadow:0 1px 2px rgba(31,35,41,.06)}}
.card-header{padding:12px 16px}
.card-title{font-size:16px;font-weight:600;display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.card-subtitle{font-size:13px;opacity:.8;margin-top:2px}
${Object.entries(TEMPLATE_COLOURS).map(([k, [bg, fg]]) => `.tpl-${k}{background:${bg};color:${fg}}`).join("\n")}
.tpl-default{border-bottom:1px solid #eff0f1}
.card-body{padding:12px 16px 14px;display:flex;flex-direction:column;gap:10px}
.card-body p{margin:0}
.el-markdown ul,.el-markdown ol{margin:0;padding-left:20px}
.el-markdown pre{background:#f5f6f7;border-radius:6px;padding:8px;margin:0;overflow:auto}
.el-markdown code,.card-body code{background:#f2f3f5;border-radius:4px;padding:0 4px;font-size:90%}
.el-markdown a,.bubble a{color:#245bdb;text-decoration:none}
.md-h{font-weight:600}.md-h1{font-size:20px}.md-h2{font-size:18px}.md-h3{font-size:16px}
.md-gap{height:6px}
.md-hr,.el-hr{border:0;border-top:1px solid #dee0e3;margin:2px 0;width:100%}
.ts-heading-0,.ts-xxxx-large{font-size:30px;font-weight:600}.ts-heading-1,.ts-xxx-large{font-size:24px;font-weight:600}.ts-heading-2,.ts-xx-large{font-size:20px;font-weight:600}
.ts-heading-3,.ts-x-large{font-size:18px;font-weight:600}.ts-heading-4,.ts-heading,.ts-large{font-size:16px;font-weight:600}
.ts-normal,.ts-medium{font-size:14px}.ts-notation,.ts-small{font-size:12px;color:#646a73}.ts-x-small{font-size:10px;color:#646a73}
.ta-center{text-align:center}.ta-right{text-align:right}
${Object.entries(FONT_COLOURS).map(([k, c]) => `.fc-${k}{color:${c}}`).join("\n")}
.text-tag{display:inline-block;font-size:12px;font-weight:400;line-height:18px;border-radius:4px;padding:0 6px;background:#eff0f1;color:#1f2329}
.tt-red,.tt-carmine{background:#fde2e2;color:#c62828}.tt-green{background:#d9f5d6;color:#237b19}.tt-blue,.tt-indigo,.tt-wathet{background:#e1eaff;color:#245bdb}
.tt-orange,.tt-yellow{background:#feead2;color:#b35900}.tt-purple,.tt-violet{background:#ece2fe;color:#6425d0}.tt-turquoise{background:#d5f6f2;color:#078372}
.mention{color:#245bdb}
.el-columns{display:flex;gap:8px}
.el-column{display:flex;flex-direction:column;gap:8px;min-width:0}
.va-center{justify-content:center}.va-bottom{justify-content:flex-end}
.bg-grey{background:#f5f6f7;border-radius:6px;padding:8px}
.el-div .div-fields{display:flex;flex-wrap:wrap;gap:6px 16px}.el-div .field{flex:1 1 100%}.el-div .field.short{flex:1 1 calc(50% - 16px)}
.el-img .img-box,.img-box{display:flex;flex-direction:column;align-items:center;justify-content:center;gap:2px;height:120px;border:1px dashed #bbbfc4;border-radius:6px;background:repeating-linear-gradient(45deg,#f5f6f7,#f5f6f7 8px,#eff0f1 8px,#eff0f1 16px);color:#646a73}
.img-box.small{height:70px}.img-icon{font-size:22px}.img-box small{font-size:11px;color:#8f959e}
.img-title{font-size:12px;color:#646a73;margin-top:4px;text-align:center}
.el-img-combination{display:grid;grid-template-columns:repeat(3,1fr);gap:4px}
.el-collapsible summary{cursor:pointer;font-weight:500}
.collapsible-body{display:flex;flex-direction:column;gap:8px;padding-top:8px}
.el-interactive{border:1px solid #dee0e3;border-radius:8px;padding:8px;display:flex;flex-direction:column;gap:8px;cursor:pointer}
.el-form{display:flex;flex-direction:column;gap:10px}
.el-input,.el-select,.el-picker{display:flex;flex-direction:column;gap:4px}
.el-input.label-left{flex-direction:row;align-items:center}
.field-label{font-size:13px;color:#1f2329}
.req{color:#f54a45;margin-right:2px}
.field-control{border:1px solid #d0d3d6;border-radius:6px;padding:6px 10px;background:#fff;width:100%;outline:none}
.field-control:focus{border-color:#3370ff;box-shadow:0 0 0 2px rgba(51,112,255,.15)}
.field-control.invalid{border-color:#f54a45;box-shadow:0 0 0 2px rgba(245,74,69,.15)}
textarea.field-control{resize:vertical}
.picker-placeholder{font-size:12px;color:#8f959e}
.el-checker{display:flex;gap:6px;align-items:center}
.el-person{display:inline-block;background:#f2f3f5;border-radius:12px;padding:0 8px;margin-right:4px}
.el-table{overflow:auto}.el-table table{border-collapse:collapse;width:100%;font-size:13px}
.el-table th,.el-table td{border-bottom:1px solid #eff0f1;padding:6px 8px;text-align:left}.el-table th{background:#f5f6f7;font-weight:500}
.el-button{border-radius:6px;padding:5px 14px;border:1px solid #d0d3d6;background:#fff;color:#1f2329;min-height:32px;transition:filter .15s}
.el-button:hover:not(:disabled){filter:brightness(.96)}
.el-button:disabled{opacity:.5;cursor:not-allowed}
.el-button.busy{opacity:.6;cursor:progress}
.btn-primary{border-color:#3370ff;color:#3370ff}
.btn-primary_filled{background:#3370ff;border-color:#3370ff;color:#fff}
.btn-danger{border-color:#f54a45;color:#f54a45}
.btn-danger_filled{background:#f54a45;border-color:#f54a45;color:#fff}
.btn-laser{background:linear-gradient(90deg,#3370ff,#a05ff5);border:0;color:#fff}
.btn-text,.btn-primary_text,.btn-danger_text{border:0;background:none;padding:4px 6px}
.btn-primary_text{color:#3370ff}.btn-danger_text{color:#f54a45}
.btn-tiny{min-height:24px;padding:0 8px;font-size:12px}.btn-small{min-height:28px;padding:2px 10px}.btn-large{min-height:40px;padding:8px 18px}
.btn-fill{width:100%}
.el-overflow{border:1px solid #d0d3d6;border-radius:6px;background:#fff;padding:2px 6px}
.unknown-element{border:1px dashed #f54a45;background:#fff1f0;color:#c62828;border-radius:6px;padding:6px 10px;font-size:13px}
.unknown-element code{background:#fde2e2}
.composer{display:flex;align-items:flex-end;gap:8px;padding:10px 18px 14px;background:#fff;border-top:1px solid #dee0e3}
.composer textarea{flex:1;resize:none;border:1px solid #d0d3d6;border-radius:8px;padding:8px 10px;min-height:38px;max-height:140px;outline:none}
.composer textarea:focus{border-color:#3370ff}
.composer button{background:#3370ff;color:#fff;border:0;border-radius:8px;padding:8px 16px;height:38px}
.composer button:disabled{background:#bacefd}
.composer .attach{font-size:20px;line-height:38px;cursor:pointer;padding:0 2px}
.msg-pic,.el-img-pic{max-width:240px;max-height:240px;border-radius:6px;display:block}.el-img-pic{max-width:100%}
.mention-chip{background:#e1eaff;color:#245bdb;border-radius:6px;padding:0 8px;line-height:38px;height:38px}
.panel{background:#fff;border-left:1px solid #dee0e3;padding:14px;overflow:auto;display:flex;flex-direction:column;gap:12px}
.box{border:1px solid #eff0f1;border-radius:10px;padding:12px}
.box h3{margin:0 0 8px;font-size:14px}.box h3 small{color:#8f959e;font-weight:400}
.clock-now{font-size:20px;font-weight:600;font-variant-numeric:tabular-nums}
.clock-week{font-size:12px;color:#646a73;margin-bottom:8px}
.row{display:flex;gap:6px;margin:6px 0}
.row select{flex:1;min-width:0;border:1px solid #d0d3d6;border-radius:6px;padding:4px 6px;background:#fff}
.wide-select{width:100%;margin-top:4px;border:1px solid #d0d3d6;border-radius:6px;padding:4px 6px;background:#fff}
.field-label-side{display:block;font-size:12px;color:#646a73;margin-top:8px}
.festival-jump{font-size:12px;color:#646a73;margin-top:2px}
.pbtn{border:1px solid #d0d3d6;background:#fff;border-radius:6px;padding:4px 10px}
.pbtn.primary{background:#3370ff;border-color:#3370ff;color:#fff}
.pbtn:disabled{opacity:.5}
.hint{font-size:12px;color:#8f959e;margin:0 0 6px}
.tasks{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.tasks li{display:flex;flex-direction:column;gap:2px;padding-bottom:6px;border-bottom:1px solid #eff0f1}
.tasks li:last-child{border-bottom:0}
.task-head{display:flex;justify-content:space-between;align-items:center;gap:6px}
.task-name{font-weight:500}
.task-when{font-size:12px;color:#8f959e}
.task-last{font-size:12px;color:#1f2329;display:flex;flex-direction:column}
.task-last.none{color:#bbbfc4}
.task-last.failed .task-said{color:#d83931}
.task-at{color:#646a73}
.task-detail summary{font-size:12px;color:#245bdb;cursor:pointer}
.task-detail pre{background:#f5f6f7;border-radius:6px;padding:6px 8px;font-size:11px;white-space:pre-wrap;margin:4px 0 0;max-height:160px;overflow:auto}
.chat-pick{display:none}
.chat-pick select{width:100%;padding:6px 8px;border:1px solid #d0d3d6;border-radius:6px;background:#fff}
.toasts{position:fixed;top:16px;left:50%;transform:translateX(-50%);display:flex;flex-direction:column;gap:8px;z-index:20;pointer-events:none}
.toast{background:#fff;border-radius:8px;box-shadow:0 6px 24px rgba(31,35,41,.18);padding:8px 16px 8px 12px;display:flex;gap:8px;align-items:flex-start;min-width:220px;max-width:480px;animation:slide .2s ease}
.toast .ticon{font-weight:700}
.toast.success .ticon{color:#34c724}.toast.error .ticon{color:#f54a45}.toast.warning .ticon{color:#ff8800}.toast.info .ticon{color:#3370ff}
.toast .ten{font-size:12px;color:#8f959e}
@keyframes slide{from{transform:translateY(-8px);opacity:0}to{transform:none;opacity:1}}
.modal-backdrop{position:fixed;inset:0;background:rgba(31,35,41,.4);display:flex;align-items:center;justify-content:center;z-index:30}
.modal-backdrop[hidden]{display:none}
.modal{background:#fff;border-radius:10px;padding:20px;width:360px;box-shadow:0 12px 40px rgba(0,0,0,.2)}
.modal-title{font-weight:600;font-size:16px;margin-bottom:8px}
.modal-text{color:#646a73;margin-bottom:16px}
.modal-buttons{display:flex;justify-content:flex-end;gap:8px}
@media (max-width:1000px){.layout{grid-template-columns:220px 1fr}.panel{display:none}}
/* A phone: one column. Who and which chat as two selectors on top, the chat, then the clock and
   the schedulers below it; cards as wide as the screen. */
@media (max-width:600px){
.layout{display:flex;flex-direction:column;height:auto;min-height:100vh}
.sidebar{border-right:0;border-bottom:1px solid #dee0e3;padding:10px 12px;gap:6px}
.brand{padding-bottom:6px}.brand-sub{display:none}
.chats,.chats-label{display:none}
.chat-pick{display:block}
.side-foot{border-top:0;padding-top:0}
.chat{height:78vh;min-height:420px}
.chat-header{padding:8px 12px}
.messages{padding:12px 10px 16px}
.msg-main{max-width:calc(100% - 44px)}
.msg.bot .msg-main{flex:1}
.lark-card{width:100%}
.composer{padding:8px 10px 10px}
.panel{display:flex;border-left:0;border-top:1px solid #dee0e3;overflow:visible}
.modal{width:calc(100vw - 32px)}
.toast{max-width:calc(100vw - 32px)}
}
`;
