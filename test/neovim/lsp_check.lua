-- A second, independent LSP client: Neovim 0.7 (Debian) starts `node dist/server.js --stdio` and checks
-- diagnostics, hover and completion on a fixture contract. Prints one PASS/FAIL line per check and
-- a closing "N passed, N failed" line; exits non-zero when a check fails. Run by scripts/test-neovim.sh:
--   AVV_ROOT=<repo> nvim --headless --clean -n -i NONE -c 'luafile test/neovim/lsp_check.lua'
local root = assert(os.getenv('AVV_ROOT'), 'AVV_ROOT not set')
local passed, failed = 0, 0

local function inline(v) return vim.inspect(v, { newline = ' ', indent = '' }) end
local function out(s) io.stdout:write(s .. '\n') end
local function check(name, ok, detail)
  out((ok and 'PASS ' or 'FAIL ') .. name .. (detail and ('  ' .. detail) or ''))
  if ok then passed = passed + 1 else failed = failed + 1 end
end

-- UTF-16 column of the first occurrence of `needle` in 0-based line `lnum` of `buf`, as an LSP client counts
local function utf16_col(buf, lnum, needle)
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, true)[1]
  local byte = assert(line:find(needle, 1, true), needle .. ' not on line ' .. lnum) - 1
  return vim.str_utfindex(line, byte)
end

local function request(buf, client_id, method, params)
  local responses, err = vim.lsp.buf_request_sync(buf, method, params, 10000)
  local r = responses and responses[client_id]
  return r and r.result, err or (r and r.err)
end

local function main()
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/test/fixtures/contracts/crlf-ziffer.avv.md'))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'avv',
    cmd = { 'node', root .. '/dist/server.js', '--stdio' },
    root_dir = root .. '/test/fixtures',
  })
  check('server starts', client_id ~= nil)
  vim.lsp.buf_attach_client(buf, client_id)

  -- diagnostics (pushed: Neovim 0.7 has no pull diagnostics)
  vim.wait(15000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  local diags = vim.diagnostic.get(buf)
  local codes = vim.tbl_map(function(x) return x.code or (x.user_data and x.user_data.lsp and x.user_data.lsp.code) end, diags)
  -- the same findings as the command line reports for the file (one engine, two transports)
  local file = root .. '/test/fixtures/contracts/crlf-ziffer.avv.md'
  local cli = vim.fn.json_decode(vim.fn.system({ 'node', root .. '/dist/cli.js', 'check', '--format', 'json', file }))
  local expected = vim.tbl_map(function(x) return x.ruleId end, cli[1].diagnostics)
  local got_codes = vim.deepcopy(codes)
  table.sort(expected)
  table.sort(got_codes)
  check('the same diagnostics as `avv check` (' .. #expected .. ')', #expected > 1 and vim.deep_equal(got_codes, expected), inline(got_codes))
  local d = {}
  for i, x in ipairs(diags) do
    if codes[i] == 'dangling-reference' then d = x end
  end
  -- Neovim keeps byte columns; convert back to the server's UTF-16 columns for the exact range
  local line = d.lnum and vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1] or ''
  local got = { d.lnum and 'dangling-reference', d.severity, d.lnum, d.col and vim.str_utfindex(line, d.col), d.end_lnum, d.end_col and vim.str_utfindex(line, d.end_col) }
  check('dangling-reference error at 82:46-82:55', vim.deep_equal(got, { 'dangling-reference', vim.diagnostic.severity.ERROR, 82, 46, 82, 55 }), inline(got))
  check('the diagnostic covers "Ziffer 14"', d.col ~= nil and line:sub(d.col + 1, d.end_col) == 'Ziffer 14', inline(d.col and line:sub(d.col + 1, d.end_col)))

  -- hover on the citation "Art. 28 DSGVO" (line 12; „“ before it make UTF-16 and byte columns differ)
  local col = utf16_col(buf, 12, 'Art. 28 DSGVO')
  local hover = request(buf, client_id, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 12, character = col + 3 } })
  local value = hover and hover.contents and (hover.contents.value or hover.contents) or ''
  if type(value) ~= 'string' then value = vim.inspect(value) end
  check('hover on "Art. 28 DSGVO" names the Auftragsverarbeiter', value:find('**Art. 28 DSGVO** – Auftragsverarbeiter', 1, true) ~= nil,
    inline(value:sub(1, 60)))
  local hr = hover and hover.range
  check('hover range is the citation', hr ~= nil and hr.start.line == 12 and hr.start.character == col and hr['end'].character == col + 13,
    inline(hr))

  -- completion after "Art. 2" in a second buffer
  local tmp = vim.fn.tempname() .. '.avv.md'
  vim.fn.writefile({ '## § 1 Gegenstand', '', '(1) Es gilt Art. 2' }, tmp)
  vim.cmd('edit ' .. vim.fn.fnameescape(tmp))
  local buf2 = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf2, client_id)
  local result = request(buf2, client_id, 'textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(buf2) }, position = { line = 2, character = 18 } })
  local items = result and (result.items or result) or {}
  local labels = vim.tbl_map(function(i) return i.label end, items)
  check('completion after "Art. 2" offers "Art. 28 DSGVO"', vim.tbl_contains(labels, 'Art. 28 DSGVO'),
    table.concat(vim.list_slice(labels, 1, 5), ' | '))
  os.remove(tmp)

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end

local ok, err = pcall(main)
if not ok then check('lsp_check.lua ran to the end', false, tostring(err)) end
out(string.format('neovim: %d passed, %d failed', passed, failed))
vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
