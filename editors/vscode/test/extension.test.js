// Loads extension.js with stand-ins for the `vscode` and `vscode-languageclient/node` modules (no npm
// install needed) and checks what it asks VS Code for: `stepdoc lsp` over stdio, for reStructuredText
// and giza steps YAML, watching stepdoc.yml. Run: node editors/vscode/test/extension.test.js
"use strict";

const assert = require("node:assert/strict");
const Module = require("node:module");
const path = require("node:path");

const created = [];
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === "stepdoc" && key === "path" ? "/opt/stepdoc" : undefined) }),
      createFileSystemWatcher: (glob) => ({ glob }),
    },
  },
  "vscode-languageclient/node": {
    TransportKind: { stdio: 0, ipc: 1 },
    LanguageClient: class {
      constructor(id, name, serverOptions, clientOptions) {
        Object.assign(this, { id, name, serverOptions, clientOptions, started: false, stopped: false });
        created.push(this);
      }
      start() { this.started = true; return Promise.resolve(); }
      stop() { this.stopped = true; return Promise.resolve(); }
    },
  },
};
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) return stubs[request];
  return load.call(this, request, parent, isMain);
};

const extension = require(path.join(__dirname, "..", "extension.js"));
const manifest = require(path.join(__dirname, "..", "package.json"));
let passed = 0;
let failed = 0;
function check(name, body) {
  try {
    body();
    passed += 1;
    console.log("ok: " + name);
  } catch (error) {
    failed += 1;
    console.log("FAILED: " + name + ": " + error.message);
  }
}

(async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  const client = created[0];
  check("activate creates one language client", () => assert.equal(created.length, 1));
  check("the client runs the configured stepdoc with 'lsp' over stdio", () => {
    assert.deepEqual(client.serverOptions.run, { command: "/opt/stepdoc", args: ["lsp"], transport: 0 });
  });
  check("the client is started and disposed with the extension", () => {
    assert.equal(client.started, true);
    assert.ok(context.subscriptions.includes(client));
  });
  check("it selects reStructuredText and giza steps YAML files", () => {
    const selectors = client.clientOptions.documentSelector;
    assert.ok(selectors.some((s) => s.language === "restructuredtext"));
    assert.ok(selectors.some((s) => s.pattern === "**/steps-*.{yaml,yml}"));
  });
  check("it watches stepdoc.yml", () => assert.match(client.clientOptions.synchronize.fileEvents.glob, /stepdoc\.yml/));
  check("the manifest names the entry point and activation", () => {
    assert.equal(manifest.main, "./extension.js");
    assert.ok(manifest.activationEvents.includes("onLanguage:restructuredtext"));
    assert.ok(manifest.dependencies["vscode-languageclient"]);
  });
  await extension.deactivate();
  check("deactivate stops the client", () => assert.equal(client.stopped, true));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
