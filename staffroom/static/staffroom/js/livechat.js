/* Live chat page: a WebSocket when the network allows it, htmx polling when it does not.
 *
 * Everything here is an enhancement: without it, every control is a plain form and the
 * page shows new messages on reload. No inline script or style is needed (strict CSP).
 */
(function () {
  "use strict";

  var root = document.getElementById("chat");
  if (!root || !root.dataset.wsUrl || !window.WebSocket) return;

  var stream = document.getElementById("chat-stream");
  var composer = document.getElementById("composer");
  var status = document.getElementById("composer-status");
  var announce = document.getElementById("chat-questions-announce");
  var presence = document.getElementById("chat-presence");
  var socket = null;
  var open = false;
  var me = null;
  var attempts = 0;
  var pending = {};
  var zone = root.dataset.tz || undefined;
  var timeFormat = makeTimeFormat();

  function makeTimeFormat() {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        hour: "2-digit", minute: "2-digit", timeZone: zone
      });
    } catch (error) {
      return null;
    }
  }

  function text(name, values) {
    var template = root.getAttribute("data-text-" + name) || "";
    Object.keys(values || {}).forEach(function (key) {
      template = template.split("%(" + key + ")s").join(values[key]);
    });
    return template;
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* Fragments broadcast to everyone were rendered without a request: give their forms this
   * page's CSRF token, this reader's language, and local times. */
  function prepare(element) {
    var token = csrfToken();
    element.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach(function (input) {
      if (!input.value) input.value = token;
    });
    element.querySelectorAll("[data-label]").forEach(function (label) {
      var word = root.getAttribute("data-label-" + label.getAttribute("data-label"));
      if (word) label.textContent = word;
    });
    element.querySelectorAll("time[datetime]").forEach(localTime);
    if (me !== null) {
      element.querySelectorAll(".chat-mute[data-user='" + me + "']").forEach(function (form) {
        form.remove();
      });
    }
  }

  function localTime(element) {
    var when = new Date(element.getAttribute("datetime"));
    if (timeFormat && !isNaN(when)) element.textContent = timeFormat.format(when);
  }

  /* A live message arrives without controls; this reader's come from the page's template,
   * rendered for message 0 and a stand-in author. */
  var actionsTemplate = document.getElementById("chat-actions");

  function addActions(element, frame) {
    var slot = element && element.querySelector(".chat-actions");
    if (!slot || slot.children.length || !actionsTemplate) return;
    var actions = actionsTemplate.content.firstElementChild.cloneNode(true);
    var id = String(frame.id);
    var author = typeof frame.author === "number" ? frame.author : null;
    var nameElement = element.querySelector(".chat-meta strong");
    var name = nameElement ? nameElement.textContent : "";
    actions.querySelectorAll("form[action]").forEach(function (form) {
      form.setAttribute("action", form.getAttribute("action").replace("/m/0/", "/m/" + id + "/"));
    });
    actions.querySelectorAll("[data-message]").forEach(function (item) {
      item.setAttribute("data-message", id);
    });
    actions.querySelectorAll(".chat-reply-link").forEach(function (link) {
      link.setAttribute("href", link.getAttribute("href").replace("reply_to=0", "reply_to=" + id));
      link.setAttribute("data-reply", id);
      link.setAttribute("data-reply-name", name);
      var hidden = link.querySelector(".visually-hidden");
      if (hidden) hidden.textContent = " · " + name;
    });
    actions.querySelectorAll(".chat-mute").forEach(function (form) {
      if (author === null || author === me) {
        form.remove();
        return;
      }
      form.setAttribute("data-user", String(author));
      var field = form.querySelector("input[name=user]");
      if (field) field.value = String(author);
    });
    slot.replaceWith(actions);
  }

  /* A moderator keeps a hidden message in view, greyed, with a button to put it back;
   * everyone else sees it go. */
  var unhideTemplate = document.getElementById("chat-unhide");

  function onHidden(frame) {
    var element = document.getElementById("m" + frame.id);
    if (!element) return;
    if (!unhideTemplate) {
      element.remove();
      return;
    }
    if (element.classList.contains("is-hidden")) return;
    var parts = unhideTemplate.content.cloneNode(true);
    var actions = parts.querySelector(".chat-actions");
    var badge = parts.querySelector(".badge");
    var id = String(frame.id);
    actions.querySelectorAll("form[action]").forEach(function (form) {
      form.setAttribute("action", form.getAttribute("action").replace("/m/0/", "/m/" + id + "/"));
      form.setAttribute("data-message", id);
    });
    element.classList.add("is-hidden");
    var meta = element.querySelector(".chat-meta");
    if (meta && badge) meta.appendChild(badge);
    var slot = element.querySelector(".chat-actions");
    if (slot) slot.replaceWith(actions);
    else element.appendChild(actions);
    prepare(element);
  }

  // A message put back returns in its place among the others (messages are in id order).
  function onUnhidden(frame) {
    var element = fragment(frame.html);
    if (!element) return;
    addActions(element, frame);
    var old = document.getElementById("m" + frame.id);
    if (old) {
      prepare(element);
      old.replaceWith(element);
      return;
    }
    var next = null;
    stream.querySelectorAll("[data-message-id]").forEach(function (item) {
      var other = parseInt(item.getAttribute("data-message-id"), 10) || 0;
      if (!next && other > frame.id) next = item;
    });
    if (!next) {
      append(element);
      return;
    }
    prepare(element);
    next.parentNode.insertBefore(element, next);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    return template.content.firstElementChild;
  }

  function atBottom() {
    return stream.scrollHeight - stream.scrollTop - stream.clientHeight < 40;
  }

  function scrollToEnd() {
    stream.scrollTop = stream.scrollHeight;
  }

  function append(element) {
    if (!element || (element.id && document.getElementById(element.id))) return;
    var pinned = atBottom();
    prepare(element);
    stream.appendChild(element);
    var empty = document.getElementById("chat-empty");
    if (empty) empty.remove();
    if (pinned) scrollToEnd();
  }

  function lastMessageId() {
    var last = 0;
    stream.querySelectorAll("[data-message-id]").forEach(function (item) {
      last = Math.max(last, parseInt(item.getAttribute("data-message-id"), 10) || 0);
    });
    return last;
  }

  function lastQuestion() {
    var last = 0;
    document.querySelectorAll("[data-question]").forEach(function (item) {
      last = Math.max(last, parseInt(item.getAttribute("data-question"), 10) || 0);
    });
    return last;
  }

  function say(message, isError) {
    if (!status) return;
    status.textContent = message || "";
    status.classList.toggle("is-error", Boolean(isError));
  }

  /* --- events from the server ------------------------------------------------------- */

  function onQuestion(event) {
    var element = fragment(event.html);
    append(element);
    var scripted = document.getElementById("script-q" + event.number);
    var body = element ? element.querySelector(".chat-question-body") : null;
    var words = body ? body.textContent.trim() : "";
    if (scripted) {
      scripted.classList.remove("is-pending");
      var note = scripted.querySelector(".meta");
      if (note) note.remove();
      var pendingBreak = scripted.querySelector("br");
      if (pendingBreak) pendingBreak.remove();
    } else {
      var item = document.createElement("li");
      item.id = "script-q" + event.number;
      var label = document.createElement("strong");
      label.textContent = "Q" + event.number;
      item.appendChild(label);
      item.appendChild(document.createTextNode(" " + words));
      var script = document.getElementById("chat-script");
      if (script) script.appendChild(item);
    }
    var select = document.getElementById("id_question");
    if (select) {
      var option = select.querySelector("option[value='" + event.number + "']");
      if (!option) {
        option = document.createElement("option");
        option.value = String(event.number);
        option.textContent = "Q" + event.number + ": " + (words.length > 60 ? words.slice(0, 59) + "…" : words);
        select.appendChild(option);
      }
      select.value = String(event.number);
    }
    if (announce) announce.textContent = "Q" + event.number + ": " + words;
  }

  function onLike(event) {
    var message = document.getElementById("m" + event.id);
    if (!message) return;
    message.querySelectorAll(".like-count").forEach(function (count) {
      count.textContent = String(event.count);
    });
  }

  function onMuted(event) {
    if (me === null || event.user !== me || !composer) return;
    composer.querySelectorAll("textarea, select, button").forEach(function (control) {
      control.disabled = true;
    });
    say(text("muted"), true);
  }

  function onEnded(event) {
    var banner = document.getElementById("chat-ended");
    if (banner) {
      banner.textContent = (banner.getAttribute("data-over-text") || "") + " ";
      var link = document.createElement("a");
      link.href = event.url;
      link.textContent = banner.getAttribute("data-link-text") || event.url;
      banner.appendChild(link);
      banner.hidden = false;
    }
    root.dataset.state = "ended";
    var area = document.getElementById("composer-area");
    if (area) area.hidden = true;
    document.querySelectorAll(".chat-host-controls").forEach(function (controls) {
      controls.hidden = true;
    });
    stopPolling();
  }

  function onAnswer(frame) {
    var done = frame.ref && pending[frame.ref];
    if (!done) {
      if (frame.type === "error") say(frame.message, true);
      return;
    }
    delete pending[frame.ref];
    done(frame);
  }

  var handlers = {
    hello: function (frame) {
      me = typeof frame.me === "number" ? frame.me : null;
      open = true;
      attempts = 0;
      stopPolling();
      say("");
    },
    message: function (frame) {
      var element = fragment(frame.html);
      addActions(element, frame);
      append(element);
    },
    question: onQuestion,
    hidden: onHidden,
    unhidden: onUnhidden,
    like: onLike,
    presence: function (frame) {
      if (!presence) return;
      presence.textContent = text("here", { count: frame.count });
      presence.hidden = false;
    },
    muted: onMuted,
    ended: onEnded,
    ok: onAnswer,
    error: onAnswer,
    pong: function () {}
  };

  /* --- the socket ------------------------------------------------------------------- */

  function connect() {
    var scheme = location.protocol === "https:" ? "wss:" : "ws:";
    // ?batch=1: events that arrive together (a burst of answers) come as one array, which
    // costs a busy server one write per reader instead of one per event.
    socket = new WebSocket(scheme + "//" + location.host + root.dataset.wsUrl + "?batch=1");
    socket.addEventListener("message", function (message) {
      var data;
      try { data = JSON.parse(message.data); } catch (error) { return; }
      (Array.isArray(data) ? data : [data]).forEach(function (frame) {
        var handler = frame && handlers[frame.type];
        if (handler) handler(frame);
      });
    });
    socket.addEventListener("close", function (event) {
      var wasOpen = open;
      open = false;
      socket = null;
      startPolling();
      if (event.code === 4403 || root.dataset.state === "ended") return;
      if (wasOpen) say(text("offline"));
      attempts += 1;
      var delay = Math.min(30000, 1000 * Math.pow(2, attempts)) * (0.75 + Math.random() / 2);
      setTimeout(connect, delay);
    });
  }

  function send(frame, done) {
    if (!open || !socket) return false;
    frame.ref = Math.random().toString(36).slice(2, 12);
    pending[frame.ref] = done || function (answer) {
      if (answer.type === "error") say(answer.message, true);
    };
    socket.send(JSON.stringify(frame));
    return true;
  }

  /* --- polling fallback (htmx) -------------------------------------------------------- */

  function pollElement() { return document.getElementById("chat-poll"); }

  function stopPolling() {
    var poll = pollElement();
    if (poll) poll.setAttribute("data-paused", "");
  }

  function startPolling() {
    var poll = pollElement();
    if (poll) poll.removeAttribute("data-paused");
  }

  // While the socket is open, polls are cancelled; when they run, they ask for what is
  // newer than what the page already shows (the socket may have added some).
  document.body.addEventListener("htmx:confirm", function (event) {
    if (event.target.id === "chat-poll" && (open || event.target.hasAttribute("data-paused"))) {
      event.preventDefault();
    }
  });
  document.body.addEventListener("htmx:configRequest", function (event) {
    if (event.target.id !== "chat-poll") return;
    event.detail.parameters.after = lastMessageId();
    event.detail.parameters.q = lastQuestion();
  });
  document.body.addEventListener("htmx:oobBeforeSwap", function (event) {
    var incoming = event.detail.fragment;
    if (!incoming || !incoming.querySelectorAll) return;
    // A message the socket already delivered is not added twice.
    incoming.querySelectorAll("[id]").forEach(function (element) {
      if (/^[mq]\d+$/.test(element.id) && document.getElementById(element.id) &&
          event.detail.target === stream) {
        element.remove();
      }
    });
  });
  document.body.addEventListener("htmx:afterSettle", function () {
    prepare(stream);
  });

  /* --- forms ------------------------------------------------------------------------- */

  function replyTo(id, name) {
    if (!composer) return;
    var field = composer.querySelector("input[name=reply_to]");
    var note = document.getElementById("composer-reply");
    var label = document.getElementById("composer-reply-text");
    if (field) field.value = id || "";
    if (label) label.textContent = id ? text("replying", { name: name }) : "";
    if (note) note.hidden = !id;
    var body = composer.querySelector("textarea[name=body]");
    if (body && id) body.focus();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".chat-reply-link, #composer-reply-cancel");
    if (!link || !composer) return;
    event.preventDefault();
    if (link.id === "composer-reply-cancel") replyTo(null);
    else replyTo(link.getAttribute("data-reply"), link.getAttribute("data-reply-name"));
  });

  function number(value) {
    var parsed = parseInt(value, 10);
    return isNaN(parsed) ? null : parsed;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    var kind = form.getAttribute && form.getAttribute("data-frame");
    if (!kind || !open) return;
    var frame = { type: kind };
    if (kind === "post") {
      var body = form.querySelector("textarea[name=body]");
      var question = form.querySelector("select[name=question]");
      var reply = form.querySelector("input[name=reply_to]");
      frame.body = body.value;
      if (question && question.value) frame.question = number(question.value);
      if (reply && reply.value) frame.reply_to = number(reply.value);
      var button = form.querySelector("button[type=submit]");
      if (button) button.disabled = true;
      var sent = send(frame, function (answer) {
        if (button) button.disabled = false;
        if (answer.type === "ok") {
          body.value = "";
          replyTo(null);
          say("");
          body.focus();
        } else {
          say(answer.message, true);
        }
      });
      if (sent) event.preventDefault();
      else if (button) button.disabled = false;
      return;
    }
    if (kind === "like" || kind === "hide" || kind === "unhide") frame.message = number(form.getAttribute("data-message"));
    if (kind === "mute") frame.user = number(form.getAttribute("data-user"));
    if (send(frame)) event.preventDefault();
  });

  // A scheduled chat's page reloads itself when the chat opens (within the next day).
  function reloadAtStart() {
    var wait = new Date(root.dataset.startsAt) - new Date();
    if (!isNaN(wait) && wait < 86400000) {
      setTimeout(function () { location.reload(); }, Math.max(0, wait) + 2000);
    }
  }

  prepare(stream);
  scrollToEnd();
  if (root.dataset.state === "scheduled") reloadAtStart();
  if (root.dataset.state === "live" || root.dataset.state === "scheduled") connect();
})();
