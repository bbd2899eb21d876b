/**
 * A tiny static server for a finished build (dist/ by default), used by the browser tests and
 * handy for looking at exactly what `npm run build` produced, without the dev server's client:
 *   node scripts/serve-dist.js [dir] [port]     (port 0 or omitted: a free port)
 * Serves GET/HEAD of files under the folder only, on 127.0.0.1, over plain http.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");
const { corsHeaders } = require("./cors");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/** Starts the server; resolves to { server, port, url, close() }. */
function serve(dir, port = 0) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" });
      res.end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (pathname.endsWith("/")) pathname += "index.html";
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403);
      res.end();
      return;
    }
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
        res.end(`not found: ${pathname}\n`);
        return;
      }
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
        "content-length": stat.size,
        "cache-control": "no-store",
        // Access-Control-Allow-Origin on GET of functions*.json only: Excel on the web fetches the
        // functions' metadata cross-origin (scripts/cors.js); every other file stays same-origin.
        ...corsHeaders(req.method, req.url),
      });
      if (req.method === "HEAD") res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const actual = server.address().port;
      resolve({
        server,
        port: actual,
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { serve };

if (require.main === module) {
  const dir = process.argv[2] || path.resolve(__dirname, "../dist");
  const port = Number(process.argv[3] || 0);
  serve(dir, port).then(({ url }) => {
    console.log(`Serving ${path.resolve(dir)} on ${url}  (preview: ${url}/preview.html)`);
  });
}
