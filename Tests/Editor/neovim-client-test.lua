-- Drives Neovim's built-in LSP client against `stepdoc lsp`, headless, as a writer would use it:
-- open a step file, see its diagnostics, apply a quick fix, jump to a check's definition, format.
--
--   STEPDOC=path/to/stepdoc STEPDOC_PROJECT=folder STEPDOC_FILE=content/x.rst \
--     nvim --headless --clean -u NONE -c "luafile Tests/Editor/neovim-client-test.lua"
--
-- The project folder holds stepdoc.yml and the file; the file is the shipped procedure with a title
-- underline cut short and a step renumbered. Prints one line per check and "N passed, M failed"
-- last; exits 0 when every check passed, 1 otherwise. Works with Neovim 0.7 (Debian 12) and later.

local stepdoc = assert(os.getenv("STEPDOC"), "STEPDOC is not set")
local project = assert(os.getenv("STEPDOC_PROJECT"), "STEPDOC_PROJECT is not set")
local relative = assert(os.getenv("STEPDOC_FILE"), "STEPDOC_FILE is not set")
local path = project .. "/" .. relative
local timeout = 15000

local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    io.stdout:write("ok: " .. name .. "\n")
  else
    failed = failed + 1
    io.stdout:write("FAILED: " .. name .. (detail and (": " .. tostring(detail)) or "") .. "\n")
  end
end

local function finish()
  io.stdout:write(string.format("%d passed, %d failed\n", passed, failed))
  io.stdout:flush()
  vim.cmd((failed == 0 and passed > 0) and "qall!" or "cquit! 1")
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local buffer = vim.api.nvim_get_current_buf()
  vim.bo[buffer].filetype = "rst"

  local client_id = vim.lsp.start_client({
    name = "stepdoc",
    cmd = { stepdoc, "lsp" },
    root_dir = project,
    workspace_folders = { { uri = vim.uri_from_fname(project), name = "project" } },
  })
  check("the client starts stepdoc lsp", client_id ~= nil)
  vim.lsp.buf_attach_client(buffer, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  check("the server initializes", vim.wait(timeout, function() return client.initialized end, 20))

  local function diagnostics(code)
    local found = {}
    for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
      local lsp = diagnostic.user_data and diagnostic.user_data.lsp or {}
      if code == nil or diagnostic.code == code or lsp.code == code then table.insert(found, diagnostic) end
    end
    return found
  end

  -- 1. Diagnostics.
  check("the short underline is reported",
    vim.wait(timeout, function() return #diagnostics("rst.title-underline") > 0 end, 20),
    vim.inspect(diagnostics(nil)))
  check("the renumbered step is reported", #diagnostics("steps.numbering") > 0, vim.inspect(diagnostics(nil)))
  local underline = diagnostics("rst.title-underline")[1]

  -- 2. A quick fix.
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    range = {
      start = { line = underline.lnum, character = underline.col },
      ["end"] = { line = underline.lnum, character = underline.col },
    },
    context = { diagnostics = {} },
  }
  local response = client.request_sync("textDocument/codeAction", params, timeout, buffer)
  local fix
  for _, action in ipairs(response and response.result or {}) do
    if action.title == "Make the underline as long as the title" then fix = action end
  end
  check("the quick fix is offered", fix ~= nil, vim.inspect(response))
  if fix then
    vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
    check("the quick fix clears the finding",
      vim.wait(timeout, function() return #diagnostics("rst.title-underline") == 0 end, 20),
      vim.inspect(diagnostics(nil)))
  end

  -- 3. Go to definition: from step 4's title to the Swift declaration of its check.
  local title_line
  for index, line in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
    if line:find("Authentication is enabled on your source deployment", 1, true) then
      title_line = index - 1
      break
    end
  end
  local definition = client.request_sync("textDocument/definition", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    position = { line = title_line, character = 5 },
  }, timeout, buffer)
  local location = definition and definition.result and definition.result[1]
  check("the step's definition is its check's Swift declaration",
    location ~= nil and location.uri:match("AtlasLiveMigrationPrerequisites%.swift$") ~= nil, vim.inspect(definition))
  if location then
    vim.lsp.util.jump_to_location(location, client.offset_encoding)
    local text = vim.api.nvim_get_current_line() .. "\n" .. (vim.fn.getline(vim.fn.line(".") + 1) or "")
    check("the jump lands on the Check( of 'auth-enabled'", text:find("auth-enabled", 1, true) ~= nil, text)
    vim.cmd("buffer " .. buffer)
  end

  -- 4. Formatting: the edits `stepdoc fmt` makes renumber the step.
  local formatting = client.request_sync("textDocument/formatting", {
    textDocument = { uri = vim.uri_from_bufnr(buffer) },
    options = { tabSize = 3, insertSpaces = true },
  }, timeout, buffer)
  local edits = formatting and formatting.result
  check("formatting returns edits", edits ~= nil and #edits > 0, vim.inspect(formatting))
  if edits then vim.lsp.util.apply_text_edits(edits, buffer, client.offset_encoding) end
  check("formatting clears the numbering finding",
    vim.wait(timeout, function() return #diagnostics("steps.numbering") == 0 end, 20), vim.inspect(diagnostics(nil)))
  local expected = os.getenv("STEPDOC_EXPECTED")
  if expected then
    local want = table.concat(vim.fn.readfile(expected), "\n")
    local have = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), "\n")
    check("the buffer is the shipped procedure again", want == have)
  end

  -- 5. Shut down cleanly.
  vim.lsp.stop_client(client_id)
  check("the server exits after shutdown",
    vim.wait(timeout, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20))
end)
if not ok then check("the script ran to the end", false, err) end
finish()
