/*
 * Vertebroplasty patient assistant: the chat widget a hospital page embeds with one tag.
 *
 *   <script src="https://…/widget/chat-widget.js" defer
 *           data-server="https://assistant.example.org"   Rasa server (REST channel)
 *           data-title="Questions about vertebroplasty?"  panel title
 *           data-color="#005a9c"                          main colour (keep AA contrast)
 *           data-lang="en"                                language of the widget's own texts
 *           data-offline-contact="…"></script>            shown while the server is away
 *
 * Plain JavaScript, no dependencies, nothing fetched from a CDN: a hospital's content
 * security policy only needs to allow this script, its stylesheet (loaded from the same
 * folder) and `connect-src` to the Rasa server. Messages are always added as text nodes,
 * never as HTML, so a message containing markup is shown, not run.
 *
 * The conversation lives in sessionStorage: it survives reloads and navigation within the
 * site (same sender id, history shown again) and ends with the tab or "Start over".
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__vertebroChatLoaded) return;
  window.__vertebroChatLoaded = true;

  var config = {
    server: (script.getAttribute("data-server") || "").replace(/\/+$/, ""),
    title: script.getAttribute("data-title") || "Questions about vertebroplasty?",
    color: script.getAttribute("data-color") || "#005a9c",
    lang: script.getAttribute("data-lang") || "en",
    offlineContact:
      script.getAttribute("data-offline-contact") ||
      "Please use the Contact Us page of the hospital's website, or ask your doctor.",
  };

  var TEXT = {
    en: {
      open: "Open chat: questions about vertebroplasty",
      close: "Close chat",
      restart: "Start over",
      restartLabel: "Start a new conversation",
      input: "Type your question",
      send: "Send",
      typing: "The assistant is typing",
      you: "You",
      bot: "Assistant",
      pending: "Waiting to send",
      offline:
        "The assistant can't be reached right now. Your message is kept and will be sent " +
        "automatically when the connection is back.",
      emergencyNote: "In an emergency, call 911.",
      tooLong: "Please keep your message under 1,000 characters.",
      source: "Where does this come from?",
      helpful: "Was this helpful?",
      yes: "Yes",
      no: "No",
      feedbackComment: "What was missing? (optional)",
      feedbackThanks: "Thank you for your feedback.",
      feedbackFailed: "Sorry, your feedback could not be sent.",
      sourcePage: "The hospital's patient page",
      refused:
        "Sorry, that message could not be sent. Please type your question again, or use the " +
        "hospital's Contact Us page.",
    },
  };
  var t = TEXT[config.lang] || TEXT.en;

  var MAX_MESSAGE_CHARS = 1000;
  var REQUEST_TIMEOUT_MS = 15000;
  var RETRY_MIN_MS = 2000;
  var RETRY_MAX_MS = 30000;
  var STORE_KEY = "vertebroChat:v1";

  // --- state, kept in sessionStorage -----------------------------------------------------
  // `sender` is the conversation token the server issued (POST /webhooks/rest/conversations);
  // null until the first message needs it.
  function loadState() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      if (saved && Array.isArray(saved.history) && Array.isArray(saved.queue)) return saved;
    } catch (e) { /* corrupt or unavailable storage: start fresh */ }
    return { sender: null, history: [], queue: [], open: false, started: false };
  }

  var state = loadState();
  function saveState() {
    try { sessionStorage.setItem(STORE_KEY, JSON.stringify(state)); } catch (e) { /* full */ }
  }

  // --- DOM ---------------------------------------------------------------------------------
  // White or near-black text on the header's colour, whichever contrasts more (WCAG relative
  // luminance), so a hospital's own light brand colour still gives readable header text.
  function textColourOn(colour) {
    var hex = /^#([0-9a-f]{6})$/i.exec(colour || "");
    if (!hex) return "#ffffff";
    var channels = [0, 2, 4].map(function (i) {
      var c = parseInt(hex[1].substr(i, 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    var luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.0615) ? "#ffffff" : "#1b1b1b";
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  var stylesheet = el("link", {
    rel: "stylesheet",
    href: script.src.replace(/[^/]*$/, "chat-widget.css"),
  });
  document.head.appendChild(stylesheet);

  var root = el("div", { class: "vc-root", lang: config.lang });
  root.style.setProperty("--vc-color", config.color);
  root.style.setProperty("--vc-on-color", textColourOn(config.color));

  var launcher = el("button", {
    type: "button", class: "vc-launcher", "aria-label": t.open,
    "aria-expanded": "false", "aria-controls": "vc-panel",
  }, [el("span", { class: "vc-launcher-icon", "aria-hidden": "true", text: "?" }),
      el("span", { class: "vc-launcher-text", text: "Ask us" })]);

  var titleId = "vc-title";
  var restartButton = el("button", {
    type: "button", class: "vc-header-button", "aria-label": t.restartLabel, text: t.restart,
  });
  var closeButton = el("button", {
    type: "button", class: "vc-header-button vc-close", "aria-label": t.close, text: "\u00d7",
  });
  var log = el("div", {
    class: "vc-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
    "aria-label": "Conversation", tabindex: "0",
  });
  var status = el("div", { class: "vc-status", role: "status", "aria-live": "polite" });
  var typing = el("div", { class: "vc-typing", "aria-hidden": "true", hidden: "" },
    [el("span"), el("span"), el("span")]);
  var input = el("input", {
    type: "text", id: "vc-input", class: "vc-input", autocomplete: "off",
    maxlength: String(MAX_MESSAGE_CHARS), "aria-label": t.input, placeholder: t.input,
  });
  var sendButton = el("button", { type: "submit", class: "vc-send", text: t.send });
  var form = el("form", { class: "vc-form" }, [input, sendButton]);
  var panel = el("section", {
    id: "vc-panel", class: "vc-panel", role: "dialog", "aria-labelledby": titleId, hidden: "",
  }, [
    el("header", { class: "vc-header" }, [
      el("h2", { id: titleId, class: "vc-title", text: config.title }), restartButton, closeButton,
    ]),
    log, typing, status, form,
  ]);
  root.appendChild(panel);
  root.appendChild(launcher);

  // --- rendering ---------------------------------------------------------------------------
  var URL_PATTERN = /(https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)])/g;

  function appendRichText(container, text) {
    // Links become <a> elements; everything else stays plain text (never parsed as HTML).
    var lines = String(text).split("\n");
    lines.forEach(function (line, index) {
      var last = 0;
      line.replace(URL_PATTERN, function (url, _m, offset) {
        container.appendChild(document.createTextNode(line.slice(last, offset)));
        container.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer", text: url }));
        last = offset + url.length;
        return url;
      });
      container.appendChild(document.createTextNode(line.slice(last)));
      if (index < lines.length - 1) container.appendChild(el("br"));
    });
  }

  function renderMessage(message) {
    var kind = message.kind ? " vc-" + message.kind : "";
    var bubble = el("div", { class: "vc-message vc-" + message.from + kind });
    bubble.appendChild(el("span", { class: "vc-visually-hidden", text: (message.from === "user" ? t.you : t.bot) + ": " }));
    var body = el("span", { class: "vc-text" });
    appendRichText(body, message.text);
    bubble.appendChild(body);
    if (message.pending) {
      bubble.appendChild(el("span", { class: "vc-pending", text: " (" + t.pending + ")" }));
    }
    if (message.source && typeof message.source.passage === "string") {
      bubble.appendChild(renderSource(message.source));
      if (message.source.topic && message.askedWith) bubble.appendChild(renderFeedback(message));
    }
    log.appendChild(bubble);
    if (message.buttons && message.buttons.length && !message.answered) {
      var group = el("div", { class: "vc-buttons", role: "group", "aria-label": "Suggested replies" });
      message.buttons.forEach(function (button) {
        var b = el("button", { type: "button", class: "vc-quick-reply", text: button.title });
        b.addEventListener("click", function () {
          message.answered = true;
          group.remove();
          saveState();
          send(button.title, button.payload);
        });
        group.appendChild(b);
      });
      log.appendChild(group);
    }
  }

  // "Where does this come from?": the page passage the answer restates, behind a native
  // <details> disclosure (keyboard and screen-reader accessible without any script), and a
  // link to the page when the hospital has given its address (https only).
  function renderSource(source) {
    var details = el("details", { class: "vc-source" });
    details.appendChild(el("summary", { text: t.source }));
    details.appendChild(el("blockquote", { class: "vc-source-passage", text: source.passage }));
    var title = typeof source.title === "string" ? source.title : t.sourcePage;
    if (typeof source.url === "string" && /^https:\/\//.test(source.url)) {
      details.appendChild(el("a", { href: source.url, target: "_blank", rel: "noopener", text: title }));
    } else {
      details.appendChild(el("span", { class: "vc-source-title", text: title }));
    }
    return details;
  }

  // "Was this helpful?" under a topic answer: yes, or no with an optional comment. Sent once;
  // the answer remembers it (sessionStorage), so a reload does not ask again.
  function renderFeedback(message) {
    var box = el("div", { class: "vc-feedback", role: "group", "aria-label": t.helpful });
    if (message.feedback) {
      box.appendChild(el("span", { class: "vc-feedback-done", text: message.feedback === "failed" ? t.feedbackFailed : t.feedbackThanks }));
      return box;
    }
    box.appendChild(el("span", { text: t.helpful + " " }));
    var yes = el("button", { type: "button", class: "vc-feedback-button", text: t.yes });
    var no = el("button", { type: "button", class: "vc-feedback-button", text: t.no });
    yes.addEventListener("click", function () { sendFeedback(message, true, ""); });
    no.addEventListener("click", function () {
      box.textContent = "";
      var id = "vc-fb-" + message.askedWith;
      box.appendChild(el("label", { for: id, text: t.feedbackComment }));
      var comment = el("textarea", { id: id, class: "vc-feedback-comment", maxlength: "500", rows: "2" });
      var send = el("button", { type: "button", class: "vc-feedback-button", text: t.send });
      send.addEventListener("click", function () { sendFeedback(message, false, comment.value); });
      box.appendChild(comment);
      box.appendChild(send);
      comment.focus();
    });
    box.appendChild(yes);
    box.appendChild(no);
    return box;
  }

  function sendFeedback(message, helpful, comment) {
    var body = { sender: state.sender, message_id: message.askedWith, topic: message.source.topic, helpful: helpful };
    if (comment && comment.trim()) body.comment = comment.trim().slice(0, 500);
    request("/webhooks/rest/feedback", body).then(function (response) {
      message.feedback = response.status === 201 || response.status === 409 ? (helpful ? "yes" : "no") : "failed";
    }, function () { message.feedback = "failed"; }).then(function () {
      saveState();
      renderAll();
    });
  }

  function renderAll() {
    log.textContent = "";
    state.history.forEach(renderMessage);
    state.queue.forEach(function (q) { renderMessage({ from: "user", text: q.title, pending: true }); });
    log.scrollTop = log.scrollHeight;
  }

  function addToHistory(message) {
    state.history.push(message);
    saveState();
    renderMessage(message);
    log.scrollTop = log.scrollHeight;
  }

  // Rasa's REST channel returns text messages and, for the emergency answer, a custom
  // marker right after it: {"custom": {"kind": "emergency"}}.
  function addBotMessages(messages, askedWith) {
    messages.forEach(function (m) {
      if (m.custom && m.custom.kind && state.history.length) {
        var lastBot = state.history[state.history.length - 1];
        if (lastBot.from === "bot") { lastBot.kind = m.custom.kind; }
        saveState();
        renderAll();
        return;
      }
      if (!m.text && !(m.buttons && m.buttons.length)) return;
      addToHistory({
        from: "bot", text: m.text || "", buttons: m.buttons || [], source: m.source || null,
        askedWith: askedWith || null,
      });
    });
  }

  // --- talking to the server ---------------------------------------------------------------
  var retryDelay = RETRY_MIN_MS;
  var retryTimer = null;
  var sending = false;

  function request(path, body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, REQUEST_TIMEOUT_MS);
    return fetch(config.server + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: controller ? controller.signal : undefined,
    }).then(function (response) {
      clearTimeout(timer);
      return response;
    }, function (error) { clearTimeout(timer); throw error; });
  }

  // The server issues the conversation's token; a token it no longer knows (403, e.g. after
  // its key was changed) is replaced by a new one, once.
  function conversationToken(renew) {
    if (state.sender && !renew) return Promise.resolve(state.sender);
    return request("/webhooks/rest/conversations", {}).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (body) {
      state.sender = body.sender;
      saveState();
      return state.sender;
    });
  }

  // A random id per queued message: a resend after a timeout is answered once, by whichever
  // server gets it. `route` (random per conversation, not a secret) lets a load balancer send
  // a conversation's messages to the same server.
  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  function post(message, messageId, renewed) {
    return conversationToken(false).then(function (sender) {
      if (!state.route) { state.route = randomId(); saveState(); }
      return request("/webhooks/rest/webhook?route=" + state.route,
                     { sender: sender, message: message, message_id: messageId });
    }).then(function (response) {
      if (response.status === 403 && !renewed) {
        return conversationToken(true).then(function () { return post(message, messageId, true); });
      }
      // Refused for good (a bad request): say so instead of retrying it for ever.
      if (response.status >= 400 && response.status < 500) return [{ text: t.refused }];
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  function setOffline(offline) {
    root.classList.toggle("vc-is-offline", offline);
    status.textContent = offline ? t.offline + " " + config.offlineContact + " " + t.emergencyNote : "";
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(function () {
      retryTimer = null;
      flushQueue();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
  }

  // Messages are queued first and removed only once the server has answered, so a message
  // typed while offline (or a reload mid-request) is never lost.
  function flushQueue() {
    if (sending || !state.queue.length) return;
    sending = true;
    typing.hidden = false;
    var next = state.queue[0];
    if (!next.id) { next.id = randomId(); saveState(); }
    post(next.payload, next.id).then(function (messages) {
      state.queue.shift();
      if (!next.silent) state.history.push({ from: "user", text: next.title });
      saveState();
      setOffline(false);
      retryDelay = RETRY_MIN_MS;
      renderAll();
      addBotMessages(Array.isArray(messages) ? messages : [], next.id);
    }, function () {
      setOffline(true);
      scheduleRetry();
    }).then(function () {
      sending = false;
      typing.hidden = true;
      if (state.queue.length && !root.classList.contains("vc-is-offline")) flushQueue();
    });
  }

  function send(title, payload, silent) {
    state.queue.push({ title: title, payload: payload, silent: !!silent });
    saveState();
    if (!silent) renderAll();
    flushQueue();
  }

  // --- behaviour ---------------------------------------------------------------------------
  function startConversation() {
    // The first (silent) message makes the assistant open with its disclaimer.
    if (!state.started) {
      state.started = true;
      saveState();
      send("", "/greet", true);
    }
  }

  // On a phone the open chat takes the whole screen: the page behind it does not scroll, and
  // the panel follows the visual viewport, so the input stays above the on-screen keyboard.
  function fitToViewport() {
    var viewport = window.visualViewport;
    if (viewport) root.style.setProperty("--vc-viewport-height", viewport.height + "px");
  }
  if (window.visualViewport) window.visualViewport.addEventListener("resize", fitToViewport);

  function setOpenLayout(open) {
    root.classList.toggle("vc-is-open", open);
    document.documentElement.classList.toggle("vc-chat-open", open);
    if (open) fitToViewport();
  }

  function openPanel() {
    state.open = true;
    saveState();
    setOpenLayout(true);
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    renderAll();
    startConversation();
    input.focus();
  }

  function closePanel() {
    state.open = false;
    saveState();
    setOpenLayout(false);
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (panel.hidden) openPanel(); else closePanel(); });
  closeButton.addEventListener("click", closePanel);
  restartButton.addEventListener("click", function () {
    state = { sender: null, history: [], queue: [], open: true, started: false };
    saveState();
    setOffline(false);
    renderAll();
    startConversation();
    input.focus();
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePanel();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    if (text.length > MAX_MESSAGE_CHARS) { status.textContent = t.tooLong; return; }
    input.value = "";
    send(text, text);
  });
  window.addEventListener("online", function () { retryDelay = RETRY_MIN_MS; flushQueue(); });

  function mount() {
    document.body.appendChild(root);
    if (state.open) openPanel();
    else renderAll();
    if (state.queue.length) flushQueue();
  }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
