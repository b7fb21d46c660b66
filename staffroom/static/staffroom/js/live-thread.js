// Live replies on the last page of a thread.
//
// The socket only says "a post arrived at position N" (or "post N changed"); the page then
// fetches the posts rendered for this reader, so hidden posts and private text never travel
// over the socket. Without this script the page works as before: reload to see new replies.
(function () {
  "use strict";

  var CLOSE_FORBIDDEN = 4403;
  var MAX_DELAY = 30000;
  var PING_EVERY = 45000;

  function positionOf(article) {
    var match = /^post-(\d+)$/.exec(article.id || "");
    return match ? parseInt(match[1], 10) : 0;
  }

  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content;
  }

  function start(list) {
    var socketPath = list.dataset.liveSocket;
    var afterUrl = list.dataset.liveAfter;
    var last = parseInt(list.dataset.livePosition, 10) || 1;
    var status = document.getElementById("live-status");
    var busy = false;
    var again = false;
    var attempts = 0;
    var socket = null;
    var pinger = null;

    function urlAfter(position) {
      return afterUrl.replace(/\/0\/$/, "/" + position + "/");
    }

    function announce(text) {
      if (!status || !text) return;
      // Emptied first, so the same words said twice are still read out.
      status.textContent = "";
      window.setTimeout(function () {
        status.textContent = text;
      }, 100);
    }

    function activate(element) {
      if (window.htmx) window.htmx.process(element);
    }

    function get(url) {
      return fetch(url, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      }).then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text().then(function (text) {
          return { text: text, more: response.headers.get("X-More-Posts") === "1" };
        });
      });
    }

    function fetchNew() {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      again = false;
      get(urlAfter(last))
        .then(function (result) {
          var fragment = parse(result.text);
          var added = 0;
          fragment.querySelectorAll("article[id^='post-']").forEach(function (article) {
            var position = positionOf(article);
            if (position > last) last = position;
            if (document.getElementById(article.id)) return;
            list.appendChild(article);
            activate(article);
            added += 1;
          });
          if (added) {
            var empty = list.querySelector("[data-live-empty]");
            if (empty) empty.remove();
            var said = fragment.querySelector("[data-live-announce]");
            announce(said ? said.textContent.trim() : "");
          }
          if (result.more) again = true;
        })
        .catch(function () {
          // A failed fetch is retried with the next event or reconnection.
        })
        .then(function () {
          busy = false;
          if (again) fetchNew();
        });
    }

    function refresh(position) {
      var current = document.getElementById("post-" + position);
      if (!current || !list.contains(current)) return;
      get(urlAfter(position - 1) + "?until=" + position)
        .then(function (result) {
          var fresh = parse(result.text).getElementById("post-" + position);
          current = document.getElementById("post-" + position);
          if (!fresh || !current) return;
          var focused = current.contains(document.activeElement) ? document.activeElement : null;
          // Someone typing in the post's forms (a reason for hiding) keeps what they typed.
          if (focused && /^(INPUT|TEXTAREA|SELECT)$/.test(focused.tagName)) return;
          current.replaceWith(fresh);
          activate(fresh);
          if (focused) {
            // Focus stays where it was, or as near as the changed post allows.
            var again = (focused.id && fresh.querySelector("#" + CSS.escape(focused.id))) ||
              fresh.querySelector("a[href], button");
            if (again) again.focus();
          }
        })
        .catch(function () {});
    }

    function onMessage(event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      if (!data || typeof data.position !== "number") return;
      // "hello" may carry the thread's last position: a reply posted while the page loaded.
      if ((data.type === "post" || data.type === "hello") && data.position > last) fetchNew();
      else if (data.type === "changed") refresh(data.position);
    }

    function connect() {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      socket = new WebSocket(scheme + window.location.host + socketPath);
      socket.addEventListener("open", function () {
        // Anything posted while the socket was down is fetched now.
        if (attempts > 0) fetchNew();
        attempts = 0;
        pinger = window.setInterval(function () {
          if (socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
        }, PING_EVERY);
      });
      socket.addEventListener("message", onMessage);
      socket.addEventListener("close", function (event) {
        window.clearInterval(pinger);
        // 4403: this reader may no longer read the thread; asking again will not help.
        if (event.code === CLOSE_FORBIDDEN) return;
        attempts += 1;
        var delay = Math.min(MAX_DELAY, 1000 * Math.pow(2, attempts - 1));
        window.setTimeout(connect, delay / 2 + Math.random() * (delay / 2));
      });
    }

    if ("WebSocket" in window && "fetch" in window) connect();
  }

  function init() {
    var list = document.getElementById("post-list");
    if (list && list.dataset.liveSocket && list.dataset.liveAfter) start(list);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
