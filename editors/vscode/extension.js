// The stepdoc language client for VS Code: starts `stepdoc lsp` for reStructuredText and giza steps
// YAML files. Install: `npm install` in this folder, then "Developer: Install Extension from
// Location…" (or copy the folder to ~/.vscode/extensions/stepdoc).
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration("stepdoc").get("path") || "stepdoc";
  const serverOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "restructuredtext" },
      { scheme: "file", pattern: "**/steps-*.{yaml,yml}" },
    ],
    synchronize: {
      // stepdoc.yml and the check suites' sources: the server reads them again when they change.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{stepdoc.yml,*.swift}"),
    },
  };
  client = new LanguageClient("stepdoc", "stepdoc", serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
