/**
 * Makes sure the browser tests have a Chromium to drive, before they start.
 *
 * Uses $CHROMIUM_PATH, else Debian's /usr/lib/chromium/chromium (not the /usr/bin/chromium
 * wrapper, which prints a shell error first). When it is missing on Debian/Ubuntu, installs it
 * with `apt-get update && apt-get install -y chromium` (as root, or through `sudo -n` when that
 * works without a password). Otherwise it fails with one line saying what to install: the
 * browser tests are never skipped silently. (`npx playwright install` cannot download
 * browsers offline, so it is not used.)
 *
 * Prints the executable path on success (exit 0); exit 1 with the message otherwise.
 */
const fs = require("fs");
const { execFileSync, spawnSync } = require("child_process");

const DEBIAN_PATH = "/usr/lib/chromium/chromium";

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEBIAN_PATH;
}

function fail(line) {
  console.error(line);
  process.exit(1);
}

function canRun(cmd, args) {
  return spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
}

function installOnDebian() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const prefix = isRoot ? [] : canRun("sudo", ["-n", "true"]) ? ["sudo", "-n"] : null;
  if (prefix === null) return false;
  console.error("Chromium is missing: installing it with apt-get (Debian package chromium)…");
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  try {
    run(["apt-get", "update"]);
    run(["apt-get", "install", "-y", "chromium"]);
  } catch {
    return false;
  }
  return true;
}

function main() {
  const wanted = chromiumPath();
  if (executable(wanted)) {
    console.log(wanted);
    return;
  }
  if (process.env.CHROMIUM_PATH) {
    fail(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file: point it at a Chromium or Chrome binary.`);
  }
  const debian = fs.existsSync("/etc/debian_version") && canRun("apt-get", ["--version"]);
  if (debian && installOnDebian() && executable(DEBIAN_PATH)) {
    console.log(DEBIAN_PATH);
    return;
  }
  fail(
    debian
      ? "Chromium is missing and could not be installed here: run `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium/Chrome binary."
      : "Chromium is missing: install Chromium (Debian/Ubuntu: `apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium/Chrome binary.",
  );
}

module.exports = { chromiumPath, DEBIAN_PATH };

if (require.main === module) main();
