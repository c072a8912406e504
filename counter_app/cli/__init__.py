"""The `counter-app` command line: start the window, or run one support command headless.

One module per command group (`setup`, `calendar`, `config`, `demo`, `dossiers`, `sync`, `smoke`,
`backup`, `slot`…) adds its own sub-command and handler on `arguments`; `parser` assembles them
(importing only the group of the command being run; `commands` lists every command),
`dispatch` picks the handler, `failures` is the one place a failure becomes an exit code and one
line on stderr, and `main.run` ties them together. This file imports nothing, so a group module
importing a sibling never cycles back through the package.
"""
