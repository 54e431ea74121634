#!/usr/bin/env node
// Validate a JSON Lines event file against schemas/ with ajv (draft-07) + ajv-formats.
//
//   node bench/ajv-validate.mjs FILE [REGISTRY_DIR]      (REGISTRY_DIR defaults to schemas/)
//
// Baseline for bench/validate.sh; needs `npm install --prefix bench/out/node ajv ajv-formats`
// (validate.sh does that). Every *.schema.json under the registry (all versions and _common) is
// added to ajv under its file:// URL (or its $id when it has one), so relative "$ref"s such as
// "../_common/money.schema.json" resolve against the file's own location; each subject version is
// compiled once. For each line: JSON.parse, subject from `type` through [routes.types] of
// registry.toml, version from `version` (fallback: the latest version), validate.
// Events whose type has no route count as invalid (never pass silently).
// Prints {"checked":N,"valid":V,"invalid":I}. AJV_STRICT=1 turns on ajv's strict mode (schema lint).
import { createRequire } from "node:module";
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "out", "node", "package.json"));
const Ajv = require("ajv").default; // ajv's default class is draft-07
const addFormats = require("ajv-formats").default;

const [file, regArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: node bench/ajv-validate.mjs FILE [REGISTRY_DIR]");
  process.exit(2);
}
const root = resolve(regArg ?? join(here, "..", "schemas"));

// [routes.types] of registry.toml, parsed by hand (key = "value" lines; comments stripped).
function typeRoutes(path) {
  const routes = new Map();
  let section = null;
  for (let line of readFileSync(path, "utf8").split("\n")) {
    line = line.replace(/\s+#.*$|^#.*$/, "").trim();
    if (line.startsWith("[")) section = line.replace(/^\[+|\]+$/g, "").trim();
    else if (section === "routes.types" && line.includes("=")) {
      const i = line.indexOf("=");
      const unq = (s) => s.trim().replace(/^"(.*)"$/, "$1");
      routes.set(unq(line.slice(0, i)), unq(line.slice(i + 1)));
    }
  }
  return routes;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith(".schema.json")) out.push(p);
  }
  return out;
}

const ajv = new Ajv({ allErrors: false, strict: process.env.AJV_STRICT === "1" });
addFormats(ajv);
const files = walk(root);
const uris = new Map();
for (const p of files) {
  const schema = JSON.parse(readFileSync(p, "utf8"));
  const uri = schema.$id ?? pathToFileURL(p).href;
  uris.set(p, uri);
  ajv.addSchema(schema, schema.$id ? undefined : uri);
}
const subjects = new Map(); // subject -> Map(version -> validate)
for (const p of files) {
  const parts = relative(root, p).split(sep);
  const m = parts.length === 2 && !parts[0].startsWith("_") && /^v([0-9]+)\.schema\.json$/.exec(parts[1]);
  if (!m) continue;
  const validate = ajv.getSchema(uris.get(p)); // compiles once
  if (!subjects.has(parts[0])) subjects.set(parts[0], new Map());
  subjects.get(parts[0]).set(Number(m[1]), validate);
}
const byType = new Map();
for (const [type, subject] of typeRoutes(join(root, "registry.toml"))) {
  const versions = subjects.get(subject);
  if (versions) byType.set(type, { versions, latest: versions.get(Math.max(...versions.keys())) });
}

let checked = 0;
let valid = 0;
function check(line) {
  if (line.trim() === "") return;
  checked++;
  let ev;
  try {
    ev = JSON.parse(line);
  } catch {
    return;
  }
  if (ev === null || typeof ev !== "object" || Array.isArray(ev)) return;
  const target = typeof ev.type === "string" ? byType.get(ev.type) : undefined;
  if (!target) return;
  const v = Number.isInteger(ev.version) ? target.versions.get(ev.version) ?? target.latest : target.latest;
  if (v(ev)) valid++;
}

// Stream the file in 8 MiB chunks (a 1M-event file does not fit in one JS string comfortably).
const fd = openSync(file, "r");
const buf = Buffer.allocUnsafe(8 << 20);
const utf8 = new StringDecoder("utf8"); // keeps a multi-byte character split across chunks
let rest = "";
for (;;) {
  const n = readSync(fd, buf, 0, buf.length, null);
  if (n === 0) break;
  const lines = (rest + utf8.write(buf.subarray(0, n))).split("\n");
  rest = lines.pop();
  for (const line of lines) check(line);
}
closeSync(fd);
check(rest + utf8.end());
console.log(JSON.stringify({ checked, valid, invalid: checked - valid }));
