/**
 * npm start: builds the add-in in development mode and serves it with webpack-dev-server on
 * https://localhost:3000 (the address manifest.xml points to), plus the same pages over plain
 * http on a second port for tools that dislike self-signed certificates (the local preview).
 *
 * Never needs sudo or the network: the https certificate is the Office dev certificate from
 * ~/.office-addin-dev-certs when it exists (see webpack.config.js httpsServer()), otherwise
 * webpack-dev-server's own self-signed one. office-addin-debugging (what Microsoft's templates
 * run) is not used: it does not support Linux and builds native modules that need the network.
 *
 * Environment: PORT_HTTPS (default 3000; manifest.xml expects 3000), PORT_HTTP (default 3001).
 */
const http = require("http");
const https = require("https");
const net = require("net");
const tls = require("tls");
const path = require("path");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");

const root = path.resolve(__dirname, "..");
const HTTPS_PORT = Number(process.env.PORT_HTTPS || 3000);
const HTTP_PORT = Number(process.env.PORT_HTTP || 3001);

function portFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.once("listening", () => probe.close(() => resolve(true)));
    probe.listen(port, "localhost");
  });
}

/**
 * Plain-http mirror of the https dev server: forwards every request (and the dev server's
 * live-reload websocket) to https://localhost:HTTPS_PORT, accepting its self-signed certificate
 * because both ends are this machine.
 */
function startHttpMirror() {
  const server = http.createServer((req, res) => {
    const upstream = https.request(
      { host: "localhost", port: HTTPS_PORT, path: req.url, method: req.method, headers: req.headers, rejectUnauthorized: false },
      (up) => {
        // The dev server's headers as they are: Access-Control-Allow-Origin only on GET of
        // functions*.json (Excel on the web fetches it cross-origin; scripts/cors.js), nothing else.
        res.writeHead(up.statusCode || 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end(`The https dev server did not answer: ${error.message}\n`);
    });
    req.pipe(upstream);
  });
  server.on("upgrade", (req, socket, head) => {
    const upstream = tls.connect({ host: "localhost", port: HTTPS_PORT, rejectUnauthorized: false }, () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(lines.join("\r\n") + "\r\n\r\n");
      if (head && head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(HTTP_PORT, "localhost", () => resolve(server));
  });
}

function nextSteps(certs) {
  const line = "-".repeat(72);
  return [
    line,
    "Loyalty Lens is being served.",
    "",
    `  Local preview (no Excel needed):  http://localhost:${HTTP_PORT}/preview.html`,
    `                                    https://localhost:${HTTPS_PORT}/preview.html`,
    `  Task pane page (what Excel loads): https://localhost:${HTTPS_PORT}/taskpane.html`,
    `  Function help:                     https://localhost:${HTTPS_PORT}/help.html`,
    "",
    "  Sideload into Excel (see README, Sideloading):",
    `  Start page (links and these steps): https://localhost:${HTTPS_PORT}/`,
    "    Excel on the web: Home > Add-ins > More Add-ins (or Insert > Add-ins) > Upload My Add-in > manifest.xml > Upload",
    "    Excel on Windows/Mac: share or copy manifest.xml to a trusted add-in catalog / the wef folder (README, Sideloading).",
    certs
      ? "  https uses the Office dev certificate from ~/.office-addin-dev-certs; trust its ca.crt once."
      : "  https uses a self-signed certificate: open https://localhost:3000 once and accept it, or run\n" +
        "    `npx office-addin-dev-certs install` (generates ~/.office-addin-dev-certs) and restart.",
    "",
    "  Stop with Ctrl+C.",
    line,
  ].join("\n");
}

async function main() {
  for (const port of [HTTPS_PORT, HTTP_PORT]) {
    if (!(await portFree(port))) {
      console.error(`Port ${port} is already in use (another npm start?). Stop that process, or set PORT_HTTPS/PORT_HTTP.`);
      process.exit(1);
    }
  }
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "development" });
  const certs = Boolean(config.devServer.server && config.devServer.server.options);
  const compiler = webpack(config);
  const server = new WebpackDevServer({ ...config.devServer, port: HTTPS_PORT, host: "localhost" }, compiler);
  let announced = false;
  compiler.hooks.done.tap("loyalty-lens-start", (stats) => {
    if (stats.hasErrors()) {
      console.error("The build has errors (above); fix them and save: the dev server rebuilds.");
      return;
    }
    if (!announced) {
      announced = true;
      console.log(nextSteps(certs));
    }
  });
  await server.start();
  const mirror = await startHttpMirror();
  const stop = async () => {
    mirror.close();
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(`npm start failed: ${error && error.message ? error.message : error}`);
  process.exit(1);
});
