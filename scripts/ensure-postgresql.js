/**
 * Makes sure the SQL tests have PostgreSQL server binaries, before jest starts.
 *
 * Looks for /usr/lib/postgresql/<version>/bin/initdb (Debian's layout; the newest version wins).
 * When none is there on Debian/Ubuntu, installs Debian's postgresql with
 * `apt-get update && apt-get install -y postgresql` (as root, or through `sudo -n` when that works
 * without a password). Otherwise it fails with one line saying what to install: the SQL tests are
 * never skipped silently. The tests themselves start a throw-away cluster (test/sql/support/engines.ts).
 *
 * Prints the bin folder on success (exit 0); exit 1 with the message otherwise.
 */
const fs = require("fs");
const path = require("path");
const { execFileSync, spawnSync } = require("child_process");

const BASE = "/usr/lib/postgresql";

function postgresBin() {
  if (!fs.existsSync(BASE)) return null;
  const versions = fs
    .readdirSync(BASE)
    .filter((v) => fs.existsSync(path.join(BASE, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(BASE, versions[0], "bin") : null;
}

const canRun = (cmd, args) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;

function installOnDebian() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const prefix = isRoot ? [] : canRun("sudo", ["-n", "true"]) ? ["sudo", "-n"] : null;
  if (prefix === null) return false;
  console.error("PostgreSQL is missing: installing it with apt-get (Debian package postgresql)…");
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  };
  try {
    run(["apt-get", "update"]);
    run(["apt-get", "install", "-y", "postgresql"]);
  } catch {
    return false;
  }
  return true;
}

function main() {
  let bin = postgresBin();
  if (bin === null) {
    const debian = fs.existsSync("/etc/debian_version") && canRun("apt-get", ["--version"]);
    if (debian && installOnDebian()) bin = postgresBin();
    if (bin === null) {
      console.error(
        "PostgreSQL server binaries are missing (no /usr/lib/postgresql/<version>/bin/initdb): run `sudo apt-get update && sudo apt-get install -y postgresql`; the SQL tests need them.",
      );
      process.exit(1);
    }
  }
  console.log(bin);
}

module.exports = { postgresBin };

if (require.main === module) main();
