/* A static file server over HTTP/2 (TLS), for measurements: what a reader of a book on GitHub
   Pages is served by. GitHub Pages is served through Fastly, which speaks HTTP/2 (one
   connection a host, every request of a page multiplexed on it) and compresses a response once
   and keeps it; the Python bench server (serve_gzip.py) speaks HTTP/1.1, where Chromium opens
   at most six connections a host and ten requests made at once go in two waves.

     node benchmarks/serve_h2.js DIRECTORY CERT.pem KEY.pem

   Prints "https://127.0.0.1:PORT/" once it listens (a free port). Text files are gzipped
   (level 9) on their first request and kept while their size and mtime stay (as serve_gzip.py
   does); "Cache-Control: max-age=600", as GitHub Pages sends. serve_gzip.serve_h2 runs it with a
   certificate made for the run. */
"use strict";
const http2 = require("http2"), fs = require("fs"), path = require("path"), zlib = require("zlib");

const [root, certFile, keyFile] = process.argv.slice(2);
const TYPES = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
                ".svg": "image/svg+xml", ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png",
                ".jpg": "image/jpeg", ".woff2": "font/woff2", ".ico": "image/x-icon", ".pdf": "application/pdf" };
const TEXT = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"]);
const kept = new Map();  // path → [size, mtimeMs, gzip bytes]

function send(res, status, headers, body) {
  try { res.writeHead(status, headers); res.end(body); } catch (e) { /* reset by the client */ }
}

const server = http2.createSecureServer({ cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile), allowHTTP1: true });
server.on("request", (req, res) => {  // (HTTP/2, or HTTP/1.1 for a client without ALPN's h2)
  const headers = req.headers;
  let url;
  try { url = decodeURIComponent(req.url.split("?")[0].split("#")[0]); } catch (e) { return send(res, 400, {}, ""); }
  let file = path.join(root, path.normalize(url).replace(/^(\.\.[/\\])+/, ""));
  let st;
  try { st = fs.statSync(file); } catch (e) { return send(res, 404, { "content-type": "text/plain" }, "not found"); }
  if (st.isDirectory()) {
    if (!url.endsWith("/")) return send(res, 301, { location: url + "/" }, "");
    file = path.join(file, "index.html");
    try { st = fs.statSync(file); } catch (e) { return send(res, 404, { "content-type": "text/plain" }, "not found"); }
  }
  const ext = path.extname(file).toLowerCase();
  const out = { "content-type": TYPES[ext] || "application/octet-stream", "cache-control": "max-age=600" };
  let body;
  if (TEXT.has(ext) && /\bgzip\b/.test(headers["accept-encoding"] || "")) {
    const k = kept.get(file);
    if (k && k[0] === st.size && k[1] === st.mtimeMs) body = k[2];
    else { body = zlib.gzipSync(fs.readFileSync(file), { level: 9 }); kept.set(file, [st.size, st.mtimeMs, body]); }
    out["content-encoding"] = "gzip";
  } else body = fs.readFileSync(file);
  out["content-length"] = body.length;
  send(res, 200, out, body);
});
server.listen(0, "127.0.0.1", () => { console.log(`https://127.0.0.1:${server.address().port}/`); });
