-- Headless Neovim 0.7 as a second LSP client of jdlint-language-server (the `--stdio` bin): the
-- current buffer is a copy of the mismatched posting. Checks the title-duty-mismatch diagnostic, the
-- title hover, and that the preferred code action retitles the buffer and clears the warning.
-- Neovim 0.7 has no vim.lsp.start, hence start_client + buf_attach_client.
-- Environment: JDLINT_SERVER (path of dist/server.js), JDLINT_EXPECTED_TITLE.
local RULE = 'title-duty-mismatch'
local server = assert(os.getenv('JDLINT_SERVER'), 'JDLINT_SERVER is not set')
local expected_title = os.getenv('JDLINT_EXPECTED_TITLE') or '# Senior Machine Learning Engineer'
local TIMEOUT = 15000

local function say(line)
  io.stdout:write(line .. '\n')
  io.stdout:flush()
end

local bufnr = vim.api.nvim_get_current_buf()
local passed, failed = 0, 0

local function check(name, body)
  local started = vim.loop.hrtime()
  local ok, err = pcall(body)
  local ms = math.floor((vim.loop.hrtime() - started) / 1e6)
  if ok then
    passed = passed + 1
    say(string.format('  ✓ %s (%d ms)', name, ms))
  else
    failed = failed + 1
    say(string.format('  ✗ %s (%d ms)\n      %s', name, ms, tostring(err)))
  end
  return ok
end

local function mismatches()
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'jdlint' and d.code == RULE then
      table.insert(found, d)
    end
  end
  return found
end

local function describe_diagnostics()
  local parts = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(parts, string.format('%s/%s at %d:%d %s', tostring(d.source), tostring(d.code), d.lnum, d.col, d.message))
  end
  return #parts == 0 and 'none' or table.concat(parts, '; ')
end

-- The server needs a markdown languageId; --clean may leave the filetype unset for a temp file.
vim.bo[bufnr].filetype = 'markdown'

local exit_info
local client_id = vim.lsp.start_client({
  name = 'jdlint',
  -- The bin itself, so its #! line (node flags from server/node-args.json) is what runs.
  cmd = { server, '--stdio' },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code, signal)
    exit_info = string.format('server exited (code %s, signal %s)', tostring(code), tostring(signal))
  end,
})
assert(client_id, 'vim.lsp.start_client failed to start ' .. server)
vim.lsp.buf_attach_client(bufnr, client_id)
local client = vim.lsp.get_client_by_id(client_id)

local function request(method, params)
  local response, err = client.request_sync(method, params, 5000, bufnr)
  assert(response, string.format('%s: %s', method, tostring(err)))
  assert(not response.err, string.format('%s failed: %s', method, vim.inspect(response.err)))
  return response.result
end

say(string.format('  Neovim %s, server %s', tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch), server))

check('flags the Senior Data Scientist title over ML-engineering duties', function()
  local ok = vim.wait(TIMEOUT, function()
    return #mismatches() > 0 or exit_info ~= nil
  end, 20)
  assert(ok and not exit_info, exit_info or ('no ' .. RULE .. ' diagnostic; diagnostics: ' .. describe_diagnostics()))
  local found = mismatches()
  assert(#found == 1, 'expected one mismatch, got: ' .. describe_diagnostics())
  local d = found[1]
  assert(d.severity == vim.diagnostic.severity.WARN, 'severity should be a warning, got ' .. tostring(d.severity))
  -- On the title text: after "# " to the end of the first line.
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  assert(d.lnum == 0 and d.col == 2 and d.end_lnum == 0 and d.end_col == #line,
    string.format('range %d:%d-%d:%d, expected 0:2-0:%d', d.lnum, d.col, d.end_lnum, d.end_col, #line))
end)

check('answers a hover on the title with the numbers behind the verdict', function()
  local result = request('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 0, character = 10 },
  })
  assert(result and result.contents, 'no hover on the title')
  local text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(result.contents), '\n')
  -- The verdict, the shares behind it and the suggested title, not any hover with a digit in it.
  assert(text:match('Duties read as %*%*ML engineering%*%*'), 'hover does not give the reading of the duties: ' .. text)
  assert(text:match('ML engineering %d+%%'), 'hover has no ML-engineering share: ' .. text)
  assert(text:match('Suggested: Senior Machine Learning Engineer'), 'hover does not suggest the retitle: ' .. text)
end)

check('applies the preferred code action and the warning goes away', function()
  local d = assert(mismatches()[1], 'no mismatch diagnostic to fix')
  local lsp_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 0)
  local actions = request('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    context = { diagnostics = lsp_diagnostics, only = { 'quickfix' } },
  })
  assert(actions and #actions > 0, 'no code actions for the title')
  local first = actions[1]
  assert(first.isPreferred == true, 'the first code action should be preferred: ' .. tostring(first.title))
  if not first.edit and first.data then
    first = request('codeAction/resolve', first)
  end
  assert(first.edit, 'the preferred code action has no edit: ' .. vim.inspect(first))
  vim.lsp.util.apply_workspace_edit(first.edit, client.offset_encoding)
  local title = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  assert(title == expected_title, string.format('title after the fix is %q, expected %q', title, expected_title))
  local cleared = vim.wait(TIMEOUT, function()
    return #mismatches() == 0
  end, 20)
  assert(cleared, 'the warning stayed after the fix: ' .. describe_diagnostics())
end)

say(string.format('  %d passed, %d failed', passed, failed))
vim.lsp.stop_client(client_id)
vim.wait(2000, function()
  return vim.lsp.get_client_by_id(client_id) == nil
end, 20)
if failed > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qa!')
end
